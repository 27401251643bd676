import { useEffect } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { getGrid, getMe } from '../../../api/endpoints';
import { getGridStats, listCategories, type GridStats } from '../../../api/requests';
import { getToken, goLogin } from '../../../api/session';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { percent } from '../../../components/request/format';
import { GRID_LEVEL_NAMES, REQUEST_STATUSES, REQUEST_STATUS_NAMES } from '@gridlink/shared/names';
import './index.css';

interface Bar {
  key: string;
  label: string;
  value: number;
}

/** Plain View/CSS bars: the longest is full width. */
export function BarChart({ bars, testIdPrefix }: { bars: Bar[]; testIdPrefix: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  if (!bars.length) return <Text className="dash__none">暂无数据</Text>;
  return (
    <View className="bars">
      {bars.map((b) => (
        <View key={b.key} className="bars__row" data-testid={`${testIdPrefix}-${b.key}`}>
          <Text className="bars__label">{b.label}</Text>
          <View className="bars__track">
            <View className="bars__fill" style={{ width: `${(b.value / max) * 100}%` }} />
          </View>
          <Text className="bars__value">{b.value}</Text>
        </View>
      ))}
    </View>
  );
}

function Figure({ id, label, value, unit }: { id: string; label: string; value: string | number; unit?: string }) {
  return (
    <View className="fig" data-testid={`stat-${id}`}>
      <Text className="fig__value">
        {value}
        {unit && value !== '—' ? <Text className="fig__unit">{unit}</Text> : null}
      </Text>
      <Text className="fig__label">{label}</Text>
    </View>
  );
}

const num = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? '—' : String(Math.round(v * 10 ** digits) / 10 ** digits);

interface Loaded {
  gridName: string;
  gridLevel: string;
  stats: GridStats;
  categoryNames: Record<string, string>;
}

/** 统计: the figures of the user's first grid (and everything below it), read from counters. */
export default function DashboardPage() {
  const signedIn = !!getToken();
  const data = useAsync<Loaded | null>(
    async () => {
      const me = await getMe({ silent: true });
      const gridId = me.gridIds[0];
      if (!gridId) return null;
      const [grid, stats, cats] = await Promise.all([
        getGrid(gridId, { silent: true }).catch(() => null),
        getGridStats(gridId, { silent: true }),
        listCategories({ silent: true }).catch(() => ({ items: [] })),
      ]);
      return {
        gridName: grid?.name ?? gridId,
        gridLevel: grid ? GRID_LEVEL_NAMES[grid.level] : '',
        stats,
        categoryNames: Object.fromEntries(cats.items.map((c) => [c.code, c.name])),
      };
    },
    [],
    signedIn,
  );

  useEffect(() => {
    if (!signedIn) goLogin();
  }, [signedIn]);
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const d = data.data;
  const q = d?.stats.requests;
  const a = d?.stats.applications;
  return (
    <View className="page dash">
      <StateView
        loading={data.loading && !d}
        error={d ? null : data.error}
        onRetry={data.reload}
        empty={d === null}
        emptyText="暂未分配网格，没有统计数据"
      >
        {d && q && a && (
          <>
            <View className="dash__head">
              <Text className="dash__grid" data-testid="dash-grid">
                {d.gridName}
              </Text>
              <Text className="dash__sub">{d.gridLevel ? `${d.gridLevel} · ` : ''}含下级网格 · 实时统计</Text>
            </View>

            <Text className="section__title">诉求办理</Text>
            <View className="figs">
              <Figure id="total" label="诉求总数" value={q.total} />
              <Figure id="open" label="办理中" value={q.open} />
              <Figure id="resolved" label="已办结" value={q.resolved} />
              <Figure id="overdue" label="超期" value={q.overdue} />
              <Figure id="escalated" label="上报上级" value={q.escalated} />
              <Figure id="reopened" label="回访后重办" value={q.reopened} />
            </View>

            <Text className="section__title">群众满意度</Text>
            <View className="figs">
              <Figure id="five-star" label="五星好评率" value={percent(q.fiveStarRate)} />
              <Figure id="avg-stars" label="平均评分" value={num(q.averageStars, 2)} unit=" 星" />
              <Figure id="rated" label="已评价" value={q.rated} />
              <Figure id="callbacks-open" label="待回访" value={q.callbacksOpen} />
              <Figure id="avg-hours" label="平均办结用时" value={num(q.averageResolveHours)} unit=" 小时" />
            </View>

            <View className="section">
              <Text className="section__title">按状态</Text>
              <BarChart
                testIdPrefix="bar-status"
                bars={REQUEST_STATUSES.filter((s) => (q.byStatus[s] ?? 0) > 0).map((s) => ({
                  key: s,
                  label: REQUEST_STATUS_NAMES[s],
                  value: q.byStatus[s] ?? 0,
                }))}
              />
            </View>

            <View className="section">
              <Text className="section__title">按类别</Text>
              <BarChart
                testIdPrefix="bar-cat"
                bars={Object.entries(q.byCategory)
                  .filter(([, v]) => v > 0)
                  .sort((x, y) => y[1] - x[1])
                  .map(([code, v]) => ({ key: code, label: d.categoryNames[code] ?? code, value: v }))}
              />
            </View>

            <Text className="section__title">便民服务</Text>
            <View className="figs">
              <Figure id="apps-total" label="办件总数" value={a.total} />
              <Figure id="apps-completed" label="已办结" value={a.completed} />
              <Figure id="apps-review" label="审核中" value={a.underReview} />
              <Figure id="apps-direct-rate" label="网上直办率" value={percent(a.onlineDirectRate)} />
              <Figure id="apps-days" label="平均办理天数" value={num(a.averageDaysToComplete)} unit=" 天" />
              <Figure id="apps-stars" label="办件平均评分" value={num(a.averageStars, 2)} unit=" 星" />
            </View>
          </>
        )}
      </StateView>
    </View>
  );
}
