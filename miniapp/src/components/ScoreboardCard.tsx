import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { getScoreboard } from '../api/centre';
import { useAsync } from './useAsync';

export const SCOREBOARD_URL = '/pkg-centre/pages/scoreboard/index';

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

/** 首页: the top three of the public 三率 board (last 90 days), tap for the whole board */
export default function ScoreboardCard() {
  const board = useAsync(() => getScoreboard({ silent: true }), []);
  const top = (board.data?.rows ?? []).filter((r) => r.rank !== null).slice(0, 3);
  return (
    <View
      className="tile tile--wide"
      data-testid="home-scoreboard"
      onClick={() => Taro.navigateTo({ url: SCOREBOARD_URL })}
    >
      <Text className="tile__title">社区三率榜</Text>
      {top.length ? (
        top.map((r) => (
          <Text key={r.communityId} className="tile__desc">
            {r.rank}. {r.name} · 响应 {pct(r.responseRate)} · 办结 {pct(r.resolutionRate)} · 满意{' '}
            {pct(r.satisfactionRate)}
          </Text>
        ))
      ) : (
        <Text className="tile__desc">近 90 天各社区响应率、办结率、满意率</Text>
      )}
    </View>
  );
}
