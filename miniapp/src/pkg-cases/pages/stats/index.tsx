import { Text, View } from '@tarojs/components';
import { getGrid, getMe } from '../../../api/endpoints';
import { getGridStats } from '../../../api/requests';
import { Bars, Figure, Figures, StatsHead } from '../../../components/Figures';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { usePullDown } from '../../../components/useReloadOnShow';
import { percent as pct } from '../../../components/request/format';
import {
  DISPUTE_KINDS,
  DISPUTE_KIND_NAMES,
  LEVELS,
  LEVEL_NAMES,
  REFERRALS,
  REFERRAL_NAMES,
} from '@gridlink/shared/names';
import './index.css';

const Fig = ({ id, ...p }: { id: string; label: string; value: string | number }) => (
  <Figure testId={`fig-${id}`} {...p} />
);

/** 纠纷信访统计 for the user's first grid and everything below it (write-time counters). */
export default function CaseStatsPage() {
  const data = useAsync(async () => {
    const me = await getMe({ silent: true });
    const gridId = me.gridIds[0];
    if (!gridId) return null;
    const [grid, stats] = await Promise.all([
      getGrid(gridId, { silent: true }).catch(() => null),
      getGridStats(gridId, { silent: true }),
    ]);
    return { name: grid?.name ?? gridId, stats };
  });
  usePullDown(data.reload);
  const d = data.data?.stats.disputes;
  const p = data.data?.stats.petitions;
  return (
    <View className="page">
      <StateView
        loading={data.loading}
        error={data.error}
        onRetry={data.reload}
        empty={data.data === null}
        emptyText="暂未分配网格，没有统计数据"
      >
        {d && p && (
          <>
            <StatsHead testId="cdash-grid" title={data.data!.name} sub="含下级网格 · 实时统计" />
            <Text className="section__title">矛盾纠纷化解</Text>
            <Figures>
              <Fig id="disputes" label="纠纷总数" value={d.total} />
              <Fig id="disputes-open" label="调解中" value={d.open} />
              <Fig id="agreement-rate" label="调解成功率" value={pct(d.agreementRate)} />
              <Fig id="on-spot" label="网格员就地化解" value={d.mediatedOnSpot} />
              <Fig id="by-community" label="社区调解员化解" value={d.mediatedByCommunity} />
              <Fig id="by-street" label="街道化解" value={d.mediatedByStreet} />
            </Figures>
            <Text className="section__title">谁调解成功</Text>
            <Bars
              testId="bar-mediator"
              bars={[
                { key: 'grid', label: '网格员就地', value: d.mediatedOnSpot },
                { key: 'community', label: '社区调解员', value: d.mediatedByCommunity },
                { key: 'street', label: '街道', value: d.mediatedByStreet },
              ]}
            />
            <Text className="section__title">按类型（调解成功/总数）</Text>
            <Bars
              testId="bar-kind"
              bars={DISPUTE_KINDS.map((k) => ({
                key: k,
                label: DISPUTE_KIND_NAMES[k],
                value: d.byKind[k]?.total ?? 0,
                inner: d.byKind[k]?.agreed ?? 0,
              }))}
            />
            <Text className="section__title">调解未成的去向</Text>
            <Bars
              testId="bar-referral"
              bars={REFERRALS.map((r) => ({
                key: r,
                label: REFERRAL_NAMES[r].replace(/（.*）/, ''),
                value: d.referrals[r] ?? 0,
              }))}
            />

            <Text className="section__title">网格 + 信访</Text>
            <Figures>
              <Fig id="petitions" label="信访总数" value={p.total} />
              <Fig id="petitions-open" label="办理中" value={p.open} />
              <Fig id="in-grid-rate" label="初访网格内化解率" value={pct(p.firstVisitSettledInGridRate)} />
              <Fig id="key-open" label="重点案件在办" value={p.keyCases.open} />
              <Fig id="key-closed" label="重点案件已化解" value={p.keyCases.closed} />
              <Fig id="satisfied" label="满意率" value={pct(p.satisfiedRate)} />
              <Fig id="escalated" label="上报上级" value={p.escalated} />
              <Fig id="overdue" label="超期" value={p.overdue} />
              <Fig id="proxy" label="代理代办" value={p.byProxy} />
            </Figures>
            <Text className="section__title">答复层级</Text>
            <Bars
              testId="bar-settled"
              bars={LEVELS.map((l) => ({ key: l, label: `${LEVEL_NAMES[l]}级`, value: p.settledByLevel[l] ?? 0 }))}
            />
            <Text className="section__title">线上线下同步化解（办理记录）</Text>
            <Bars
              testId="bar-handling"
              bars={[
                { key: 'offline', label: '线下走访', value: p.handlingOffline },
                { key: 'online', label: '线上沟通', value: p.handlingOnline },
              ]}
            />
            <Text className="cbars__legend">
              初访网格内化解率 = 网格初访且在网格或社区答复、信访人满意的 / 已办结的网格初访信访
            </Text>
          </>
        )}
      </StateView>
    </View>
  );
}
