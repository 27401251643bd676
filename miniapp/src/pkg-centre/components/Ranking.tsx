import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { getRanking, type Ranking as RankingData } from '../../api/centre';

/** 考核排名: communities and workers of the scope, this month */
export default function Ranking({
  gridId,
  onExport,
}: {
  gridId: string;
  onExport: (t: 'communities' | 'workers') => void;
}) {
  const [data, setData] = useState<RankingData | null>(null);
  useEffect(() => {
    void getRanking(gridId).then(setData, () => setData(null));
  }, [gridId]);
  if (!data) return null;
  const table = (title: string, key: 'communities' | 'workers') => (
    <View className="centre-card" data-testid={`ranking-${key}`}>
      <View className="centre-card__head">
        <Text className="centre-card__title">
          {title}（{data.month}）
        </Text>
        <Button size="mini" onClick={() => onExport(key)} data-testid={`export-${key}`}>
          导出
        </Button>
      </View>
      {data[key].length === 0 && <Text className="centre-empty">暂无数据</Text>}
      {data[key].slice(0, 20).map((r) => (
        <View key={r.id} className="centre-row">
          <Text className="centre-row__rank">{r.rank}</Text>
          <Text className="centre-row__name">{r.name}</Text>
          <Text className="centre-row__score">{r.score} 分</Text>
        </View>
      ))}
    </View>
  );
  return (
    <>
      {table('社区排名', 'communities')}
      {table('网格员排名', 'workers')}
    </>
  );
}
