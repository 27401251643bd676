import { Text, View } from '@tarojs/components';
import { getScoreboard } from '../../../api/centre';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { pct } from '../../components/format';
import './index.css';

/** 社区三率榜 (public, no sign-in): response, resolution and satisfaction of the last 90 days. */
export default function ScoreboardPage() {
  const board = useAsync(() => getScoreboard({ silent: true }), []);
  const b = board.data;
  return (
    <View className="page board">
      <StateView loading={board.loading && !b} error={b ? null : board.error} onRetry={board.reload}>
        {b && (
          <>
            <Text className="board__title" data-testid="board-title">
              社区三率榜
            </Text>
            <Text className="board__sub">
              {b.from ? `${b.from} 至 ${b.to}，` : ''}结案不足 {b.minSample} 件的社区列为“样本不足”，不参与排名
            </Text>
            <View className="board__row board__row--head">
              <Text className="board__rank">名次</Text>
              <Text className="board__name">社区</Text>
              <Text className="board__cell">响应率</Text>
              <Text className="board__cell">办结率</Text>
              <Text className="board__cell">满意率</Text>
            </View>
            {b.rows.length === 0 && <Text className="board__empty">榜单尚未生成</Text>}
            {b.rows.map((r) => (
              <View key={r.communityId} className="board__row" data-testid={`board-${r.communityId}`}>
                <Text className="board__rank">{r.rank ?? '—'}</Text>
                <Text className="board__name">
                  {r.name}
                  <Text className="board__street">{r.street}</Text>
                </Text>
                {r.rank === null ? (
                  <Text className="board__thin">样本不足（{r.closed} 件）</Text>
                ) : (
                  <>
                    <Text className="board__cell">{pct(r.responseRate)}</Text>
                    <Text className="board__cell">{pct(r.resolutionRate)}</Text>
                    <Text className="board__cell">{pct(r.satisfactionRate)}</Text>
                  </>
                )}
              </View>
            ))}
          </>
        )}
      </StateView>
    </View>
  );
}
