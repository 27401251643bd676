import { Text, View } from '@tarojs/components';
import { GRID_LEVEL_NAMES } from '@gridlink/shared/names';
import { REQUEST_WORKFLOW } from '@gridlink/shared/workflows/requests';
import { getGrid, getMe } from '../../../api/endpoints';
import { getGridStats, listCategories, type GridStats } from '../../../api/requests';
import { Bars, Figure as Fig, Figures, StatsHead } from '../../../components/Figures';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { usePullDown } from '../../../components/useReloadOnShow';
import { useSignedIn } from '../../../components/useViewer';
import { percent } from '../../../components/request/format';
import PopulationFigures from './Population';

const Figure = ({ id, ...p }: { id: string; label: string; value: string | number; unit?: string }) => (
  <Fig testId={`stat-${id}`} {...p} />
);

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
  const signedIn = useSignedIn();
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

  usePullDown(data.reload);

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
            <StatsHead
              testId="dash-grid"
              title={d.gridName}
              sub={`${d.gridLevel ? `${d.gridLevel} · ` : ''}含下级网格 · 实时统计`}
            />

            <PopulationFigures gridId={d.stats.gridId} />

            <Text className="section__title">诉求办理</Text>
            <Figures>
              <Figure id="total" label="诉求总数" value={q.total} />
              <Figure id="open" label="办理中" value={q.open} />
              <Figure id="resolved" label="已办结" value={q.resolved} />
              <Figure id="overdue" label="超期" value={q.overdue} />
              <Figure id="escalated" label="上报上级" value={q.escalated} />
              <Figure id="reopened" label="回访后重办" value={q.reopened} />
            </Figures>

            <Text className="section__title">群众满意度</Text>
            <Figures>
              <Figure id="five-star" label="五星好评率" value={percent(q.fiveStarRate)} />
              <Figure id="avg-stars" label="平均评分" value={num(q.averageStars, 2)} unit=" 星" />
              <Figure id="satisfaction" label="满意率" value={percent(q.satisfactionRate)} />
              <Figure
                id="satisfaction-unflagged"
                label="满意率（剔除存疑评价）"
                value={percent(q.satisfactionRateUnflagged)}
              />
              <Figure id="flagged" label="存疑评价" value={q.flaggedRatings ?? 0} />
              <Figure id="rated" label="已评价" value={q.rated} />
              <Figure id="callbacks-open" label="待回访" value={q.callbacksOpen} />
              <Figure id="avg-hours" label="平均办结用时" value={num(q.averageResolveHours)} unit=" 小时" />
            </Figures>

            <View className="section">
              <Text className="section__title">按状态</Text>
              <Bars
                testId="bar-status"
                emptyText="暂无数据"
                bars={REQUEST_WORKFLOW.states
                  .filter((s) => (q.byStatus[s] ?? 0) > 0)
                  .map((s) => ({
                    key: s,
                    label: REQUEST_WORKFLOW.stateNames[s],
                    value: q.byStatus[s] ?? 0,
                  }))}
              />
            </View>

            <View className="section">
              <Text className="section__title">按类别</Text>
              <Bars
                testId="bar-cat"
                emptyText="暂无数据"
                bars={Object.entries(q.byCategory)
                  .filter(([, v]) => v > 0)
                  .sort((x, y) => y[1] - x[1])
                  .map(([code, v]) => ({ key: code, label: d.categoryNames[code] ?? code, value: v }))}
              />
            </View>

            <Text className="section__title">便民服务</Text>
            <Figures>
              <Figure id="apps-total" label="办件总数" value={a.total} />
              <Figure id="apps-completed" label="已办结" value={a.completed} />
              <Figure id="apps-review" label="审核中" value={a.underReview} />
              <Figure id="apps-direct-rate" label="网上直办率" value={percent(a.onlineDirectRate)} />
              <Figure id="apps-days" label="平均办理天数" value={num(a.averageDaysToComplete)} unit=" 天" />
              <Figure id="apps-stars" label="办件平均评分" value={num(a.averageStars, 2)} unit=" 星" />
            </Figures>
          </>
        )}
      </StateView>
    </View>
  );
}
