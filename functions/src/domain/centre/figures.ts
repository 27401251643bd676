/** The centre's figures of one grid for a period, from its bucket sums (period) and its totals (gauges). */
import type { Figures } from '@gridlink/shared/centre';

export const ratio = (a: number, b: number) => (b > 0 ? Math.round(Math.min(1, a / b) * 1000) / 1000 : null);

export function figuresOf(period: Record<string, number>, totals: Record<string, number>, days: number): Figures {
  const n = (k: string) => period[k] ?? 0;
  const g = (k: string) => totals[k] ?? 0;
  const resolved = n('req_resolved_total');
  return {
    reported: n('req_total'),
    selfHandled: n('events_self_handled'),
    resolved,
    onTimeRate: ratio(n('req_resolved_on_time'), resolved),
    inCommunityRate: ratio(n('req_resolved_in_community'), resolved),
    satisfactionRate: ratio(n('stars_4') + n('stars_5'), n('rated')),
    rated: n('rated'),
    mediations: n('disp_total'),
    mediationsAgreed: n('disp_agreed_total'),
    proxyDone: n('proxy_done_total'),
    patrols: n('patrols'),
    // patrol plans are a gauge (the grid's plans now); the other helper's counters: 0 / null while absent
    patrolCoverage: ratio(n('patrol_grid_days'), g('patrol_plan_grids') * days),
    attendanceRate: ratio(n('attend_days'), n('attend_days') + n('attend_missed')),
    urged: n('urged'),
    supervised: n('supervised'),
    escalated: n('req_escalated'),
    overdue: n('req_overdue'),
    open: Math.max(0, g('req_open')),
    overdueTotal: Math.max(0, g('req_overdue')),
  };
}

/** the figures' columns in export order, with their Chinese headers */
export const FIGURE_COLUMNS: [keyof Figures, string][] = [
  ['reported', '上报事件'],
  ['selfHandled', '自处理'],
  ['resolved', '办结'],
  ['onTimeRate', '按时办结率'],
  ['inCommunityRate', '小事不出社区'],
  ['satisfactionRate', '满意率'],
  ['mediations', '调解'],
  ['proxyDone', '代办人次'],
  ['patrolCoverage', '巡查覆盖率'],
  ['attendanceRate', '出勤率'],
  ['urged', '督办'],
  ['supervised', '挂牌督办'],
  ['open', '未办结'],
  ['overdue', '超期（本期）'],
];
