import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Button, Picker, Text, View } from '@tarojs/components';
import { PERIOD_NAMES } from '@gridlink/shared/centre';
import { getMe } from '../../../api/endpoints';
import { exportXlsx, getFigures, type ExportTable, type FiguresAnswer, type Period } from '../../../api/centre';
import Chips from '../../../components/Chips';
import StateView from '../../../components/StateView';
import { useSignedIn } from '../../../components/useViewer';
import Chart from '../../components/Chart';
import Queue from '../../components/Queue';
import Ranking from '../../components/Ranking';
import { heat, pct } from '../../components/format';
import './index.css';

/** the patrol pages are another part of issue 14 (pkg-patrol): this is the agreed placeholder target */
export const PATROL_ACTIVE_URL = '/pkg-patrol/pages/leader/index';

type Crumb = { id: string; name: string };
type PeriodKey = Period['period'];

/**
 * 指挥中心 (street, district and community staff; the h5 build's desktop layout): the tree map of the
 * grids in scope coloured by open/overdue work (click to drill down), figures by period, the queue
 * with 督办 / 挂牌督办, rankings, and .xlsx export of every table.
 */
export default function CentrePage() {
  const signedIn = useSignedIn();
  const [role, setRole] = useState('');
  const [trail, setTrail] = useState<Crumb[]>([]);
  const [period, setPeriod] = useState<Period>({ period: 'month' });
  const [data, setData] = useState<FiguresAnswer | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(false);
  const grid = trail[trail.length - 1];
  const gridId = grid?.id;

  useEffect(() => {
    if (!signedIn) return;
    void getMe({ silent: true }).then((me) => {
      setRole(me.role);
      if (me.gridIds[0]) setTrail([{ id: me.gridIds[0], name: '' }]);
    }, setError);
  }, [signedIn]);

  useEffect(() => {
    if (!gridId) return;
    if (period.period === 'custom' && (!period.from || !period.to)) return;
    setLoading(true);
    getFigures(gridId, period)
      .then((d) => {
        setData(d);
        setError(null);
        setTrail((t) => t.map((c, i) => (i === t.length - 1 && !c.name ? { ...c, name: d.grid.name } : c)));
      }, setError)
      .finally(() => setLoading(false));
  }, [gridId, period]);

  const down = (id?: string) => {
    const c = data?.children.find((x) => x.gridId === id);
    if (c && c.childCount > 0) setTrail((t) => [...t, { id: c.gridId, name: c.name }]);
  };
  const up = (i: number) => setTrail((t) => t.slice(0, i + 1));
  const exp = (table: ExportTable) => {
    void exportXlsx(table, grid?.id, period).then(() => Taro.showToast({ title: '已导出', icon: 'success' }));
  };
  const setKind = (k: PeriodKey) => setPeriod((p) => ({ ...p, period: k }));

  const f = data?.grid.figures;
  const treemap = data && {
    tooltip: { formatter: '{b}' },
    series: [
      {
        type: 'treemap',
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        label: { show: true, formatter: '{b}' },
        data: data.children.map((c) => ({
          id: c.gridId,
          name: `${c.name}\n未办结 ${c.figures.open} · 本期超期 ${c.figures.overdue}`,
          value: Math.max(1, c.figures.reported + c.figures.open),
          itemStyle: { color: heat(c.figures.open, c.figures.overdue) },
        })),
      },
    ],
  };
  const bars = data && {
    tooltip: { trigger: 'axis' },
    legend: { data: ['上报', '办结', '自处理'] },
    grid: { left: 40, right: 16, bottom: 60, top: 40 },
    xAxis: { type: 'category', data: data.children.map((c) => c.name), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value' },
    series: [
      { name: '上报', type: 'bar', data: data.children.map((c) => c.figures.reported) },
      { name: '办结', type: 'bar', data: data.children.map((c) => c.figures.resolved) },
      { name: '自处理', type: 'bar', data: data.children.map((c) => c.figures.selfHandled) },
    ],
  };

  return (
    <View className="page centre">
      <View className="centre__bar">
        <View className="centre__trail" data-testid="centre-trail">
          {trail.map((c, i) => (
            <Text key={c.id} className="centre__crumb" onClick={() => up(i)} data-testid={`crumb-${i}`}>
              {i ? ' › ' : ''}
              {c.name || '…'}
            </Text>
          ))}
        </View>
        <Chips options={PERIOD_NAMES} value={period.period} onChange={setKind} testIdPrefix="period" />
        {period.period === 'custom' && (
          <View className="centre__range">
            <Picker
              mode="date"
              value={period.from ?? ''}
              onChange={(e) => setPeriod((p) => ({ ...p, from: e.detail.value }))}
            >
              <Text className="centre__date">{period.from ?? '开始日期'}</Text>
            </Picker>
            <Text> 至 </Text>
            <Picker
              mode="date"
              value={period.to ?? ''}
              onChange={(e) => setPeriod((p) => ({ ...p, to: e.detail.value }))}
            >
              <Text className="centre__date">{period.to ?? '结束日期'}</Text>
            </Picker>
          </View>
        )}
        <Text
          className="centre__patrol"
          onClick={() => Taro.navigateTo({ url: PATROL_ACTIVE_URL })}
          data-testid="patrol-link"
        >
          巡查中 ›
        </Text>
      </View>
      <StateView loading={loading && !data} error={data ? null : error} onRetry={() => setPeriod({ ...period })}>
        {data && f && grid && (
          <View className="centre__cols">
            <View className="centre__col centre__col--wide">
              <View className="centre-card" data-testid="centre-map">
                <Text className="centre-card__title">
                  {data.grid.name} · {data.from} 至 {data.to}（点击下级网格钻取）
                </Text>
                {data.children.length ? (
                  <Chart testId="centre-treemap" option={treemap!} height={360} onClick={(p) => down(p.data?.id)} />
                ) : (
                  <Text className="centre-empty">已到最下级网格</Text>
                )}
                <View className="centre-legend">
                  <Text className="centre-dot" style={{ background: heat(0, 1) }} />
                  <Text>本期有超期 </Text>
                  <Text className="centre-dot" style={{ background: heat(1, 0) }} />
                  <Text>有未办结 </Text>
                  <Text className="centre-dot" style={{ background: heat(0, 0) }} />
                  <Text>无待办</Text>
                </View>
              </View>
              <View className="centre-card" data-testid="centre-figures">
                <View className="centre-card__head">
                  <Text className="centre-card__title">本级数据（{PERIOD_NAMES[period.period]}）</Text>
                  <Button size="mini" onClick={() => exp('figures')} data-testid="export-figures">
                    导出
                  </Button>
                </View>
                <View className="centre-figs">
                  {(
                    [
                      ['reported', '上报事件', f.reported],
                      ['selfHandled', '自处理', f.selfHandled],
                      ['resolved', '办结', f.resolved],
                      ['onTime', '按时办结率', pct(f.onTimeRate)],
                      ['inCommunity', '小事不出社区', pct(f.inCommunityRate)],
                      ['satisfaction', '满意率', pct(f.satisfactionRate)],
                      ['mediations', '调解', f.mediations],
                      ['proxy', '代办人次', f.proxyDone],
                      ['patrol', '巡查覆盖率', pct(f.patrolCoverage)],
                      ['attendance', '出勤率', pct(f.attendanceRate)],
                      ['urged', '督办', f.urged],
                      ['supervised', '挂牌督办', f.supervised],
                    ] as const
                  ).map(([id, label, value]) => (
                    <View key={id} className="centre-fig" data-testid={`fig-${id}`}>
                      <Text className="centre-fig__value">{value}</Text>
                      <Text className="centre-fig__label">{label}</Text>
                    </View>
                  ))}
                </View>
                {data.children.length > 0 && <Chart testId="centre-bars" option={bars!} height={300} />}
                <View className="centre-table" data-testid="centre-children">
                  <View className="centre-row centre-row--head">
                    <Text className="centre-row__name">下级网格</Text>
                    <Text className="centre-row__cell">上报</Text>
                    <Text className="centre-row__cell">办结</Text>
                    <Text className="centre-row__cell">按时率</Text>
                    <Text className="centre-row__cell">满意率</Text>
                  </View>
                  {data.children.map((c) => (
                    <View
                      key={c.gridId}
                      className="centre-row"
                      onClick={() => down(c.gridId)}
                      data-testid={`child-${c.gridId}`}
                    >
                      <Text className="centre-row__name">{c.name}</Text>
                      <Text className="centre-row__cell">{c.figures.reported}</Text>
                      <Text className="centre-row__cell">{c.figures.resolved}</Text>
                      <Text className="centre-row__cell">{pct(c.figures.onTimeRate)}</Text>
                      <Text className="centre-row__cell">{pct(c.figures.satisfactionRate)}</Text>
                    </View>
                  ))}
                </View>
              </View>
            </View>
            <View className="centre__col">
              <Queue gridId={grid.id} role={role} onExport={() => exp('queue')} />
              <Ranking gridId={grid.id} onExport={exp} />
            </View>
          </View>
        )}
      </StateView>
    </View>
  );
}
