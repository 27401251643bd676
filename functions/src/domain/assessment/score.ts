/**
 * 考核: a monthly score out of 100 per community and per worker, from the month's figures and the
 * district's weights. Each line: the figure (a rate 0…1, or null: no data → 0 points), its weight,
 * its points = weight × rate. The breakdown is the answer, so the person assessed sees how it adds up.
 */
import type { Assessment, AssessmentWeights } from '@gridlink/shared/centre';
import { ratio } from '../centre/figures';

const LABELS: Record<string, string> = {
  onTime: '按时办结率',
  satisfaction: '满意率',
  resolution: '办结率',
  inCommunity: '小事不出社区',
  patrol: '巡查',
  attendance: '出勤率',
  events: '上报/自处理事件',
};

const round = (x: number) => Math.round(x * 100) / 100;

/** lines in the order of `values` (a stored map keeps no order) */
function scored(weights: Record<string, number>, values: Record<string, number | null>) {
  const lines = Object.keys(values).map((key) => {
    const weight = weights[key] ?? 0;
    const value = values[key] ?? null;
    return { key, label: LABELS[key] ?? key, value, weight, points: round(weight * (value ?? 0)) };
  });
  return { lines, score: round(lines.reduce((s, l) => s + l.points, 0)) };
}

/** a community's month: its MONTH# bucket (period counters) and its totals (gauges: patrol plans) */
export function communityAssessment(
  c: { id: string; name: string },
  month: string,
  days: number,
  period: Record<string, number>,
  totals: Record<string, number>,
  w: AssessmentWeights,
): Assessment {
  const n = (k: string) => period[k] ?? 0;
  const resolved = n('req_resolved_total');
  const values = {
    onTime: ratio(n('req_resolved_on_time'), resolved),
    satisfaction: ratio(n('stars_4') + n('stars_5'), n('rated')),
    resolution: ratio(resolved, n('req_total')),
    inCommunity: ratio(n('req_resolved_in_community'), resolved),
    patrol: ratio(n('patrol_grid_days'), (totals.patrol_plan_grids ?? 0) * days),
    attendance: ratio(n('attend_days'), n('attend_days') + n('attend_missed')),
  };
  return { subject: 'community', id: c.id, name: c.name, month, ...scored(w.community, values), counters: period };
}

/** a worker's month: their per-worker counters (data/worker-stats.ts) */
export function workerAssessment(
  u: { id: string; name: string },
  month: string,
  counters: Record<string, number>,
  w: AssessmentWeights,
): Assessment {
  const n = (k: string) => counters[k] ?? 0;
  const values = {
    onTime: ratio(n('w_resolved_on_time'), n('w_resolved')),
    satisfaction: n('w_rated') ? round(n('w_stars_sum') / (5 * n('w_rated'))) : null,
    attendance: ratio(n('attend_days'), n('attend_days') + n('attend_missed')),
    patrol: ratio(n('patrols'), w.workerTargets.patrols),
    events: ratio(n('events_reported') + n('events_self_handled'), w.workerTargets.events),
  };
  const own = Object.fromEntries(Object.entries(counters).filter(([k]) => !['version'].includes(k)));
  return { subject: 'worker', id: u.id, name: u.name, month, ...scored(w.worker, values), counters: own };
}
