import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { getMe } from '../../../api/endpoints';
import { getWorkerAssessment } from '../../../api/centre';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { pct } from '../../components/format';
import '../scoreboard/index.css';

/** 考核 breakdown of a worker (own by default; `?id=` for a leader looking at their worker): figure, weight, points. */
export default function AssessmentPage() {
  const { params } = useRouter();
  const data = useAsync(async () => {
    const id = params.id ?? (await getMe({ silent: true })).id;
    return getWorkerAssessment(id, params.month);
  }, [params.id, params.month]);
  const a = data.data;
  return (
    <View className="page board">
      <StateView loading={data.loading && !a} error={a ? null : data.error} onRetry={data.reload}>
        {a && (
          <>
            <Text className="board__title" data-testid="assessment-score">
              {a.name} · {a.month} · {a.score} 分
            </Text>
            <Text className="board__sub">各项数据 × 权重 = 得分（权重由区级设置）</Text>
            <View className="board__row board__row--head">
              <Text className="board__name">项目</Text>
              <Text className="board__cell">数据</Text>
              <Text className="board__cell">权重</Text>
              <Text className="board__cell">得分</Text>
            </View>
            {a.lines.map((l) => (
              <View key={l.key} className="board__row" data-testid={`line-${l.key}`}>
                <Text className="board__name">{l.label}</Text>
                <Text className="board__cell">{pct(l.value)}</Text>
                <Text className="board__cell">{l.weight}</Text>
                <Text className="board__cell">{l.points}</Text>
              </View>
            ))}
          </>
        )}
      </StateView>
    </View>
  );
}
