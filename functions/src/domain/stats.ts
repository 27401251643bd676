import type { GridStats } from '@gridlink/shared/stats';
import { getGridItems } from '../data/grids';
import { readStats } from '../data/stats';
import { rollUpGrids, statsGridsOf, type RollUp } from '../data/stats-rollup';
import { forbidden, notFound } from './errors';
import type { Actor } from '../auth/actor';
import { inScope } from '../auth/policy';
import { disputeFigures, petitionFigures } from './cases/figures';

const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);

/**
 * The table stream's counter aggregator (handlers/jobs.ts): the records of LOCAL counter items name
 * the grids whose own counts moved; their deltas go up to the totals of each grid and its ancestors.
 * Idempotent: a replayed, duplicated or reordered batch adds nothing twice (data/stats-rollup.ts).
 */
export async function rollUpStats(records: readonly unknown[], now?: string): Promise<RollUp> {
  return rollUpGrids(statsGridsOf(records), now);
}

/** One GetItem: the totals of this grid (covering all below it), seconds behind the writes. */
export async function gridStats(actor: Actor, gridId: string): Promise<GridStats> {
  const grid = (await getGridItems([gridId])).get(gridId);
  if (!grid) throw notFound('网格不存在');
  if (!inScope(actor, grid.path)) throw forbidden('不在您负责的网格范围内');
  // population and housing counts have their own route (staff only: domain/basedata/population.ts)
  const c = Object.fromEntries(Object.entries(await readStats(gridId)).filter(([k]) => !k.startsWith('pop_')));
  const n = (k: string) => c[k] ?? 0;
  const byStatus: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  for (const [k, v] of Object.entries(c)) {
    if (
      k.startsWith('req_') &&
      ['submitted', 'accepted', 'rejected', 'dispatched', 'resolved', 'closed'].includes(k.slice(4))
    )
      byStatus[k.slice(4)] = v;
    if (k.startsWith('cat_')) byCategory[k.slice(4).replace(/_/g, '-')] = v;
  }
  return {
    gridId,
    requests: {
      total: n('req_total'),
      open: n('req_open'),
      byStatus,
      byCategory,
      escalated: n('req_escalated'),
      overdue: n('req_overdue'),
      resolved: n('req_resolved_total'),
      rated: n('rated'),
      averageStars: n('rated') ? Math.round((n('stars_sum') / n('rated')) * 100) / 100 : null,
      fiveStarRate: ratio(n('stars_5'), n('rated')),
      callbacksOpen: n('callbacks_open'),
      reopened: n('reopened'),
      averageResolveHours: n('req_resolved_total')
        ? Math.round((n('resolve_hours_sum') / n('req_resolved_total')) * 10) / 10
        : null,
      resolutionRate: ratio(n('req_resolved') + n('req_closed'), n('req_total')),
      onTimeRate: ratio(n('req_resolved_on_time'), n('req_resolved_total')),
      satisfactionRate: ratio(n('stars_4') + n('stars_5'), n('rated')),
      // issue 14 (deptflow): the same without flagged ratings (staff account or device, bursts, all-5★ workers)
      flaggedRatings: n('flagged_rated'),
      satisfactionRateUnflagged: ratio(
        n('stars_4') + n('stars_5') - n('flagged_stars_4') - n('flagged_stars_5'),
        n('rated') - n('flagged_rated'),
      ),
      callbackRate: ratio(n('callbacks_total'), n('rated')),
      settledInCommunityRate: ratio(n('req_resolved_in_community'), n('req_resolved_total')),
    },
    applications: {
      total: n('apps_total'),
      completed: n('apps_completed'),
      underReview: n('apps_under_review'),
      onlineDirect: n('apps_online_direct'),
      onlineDirectRate: ratio(n('apps_online_direct'), n('apps_total')),
      averageDaysToComplete:
        n('apps_completed') - n('apps_online_direct') > 0
          ? Math.round((n('apps_days_sum') / (n('apps_completed') - n('apps_online_direct'))) * 10) / 10
          : null,
      rated: n('apps_rated'),
      averageStars: n('apps_rated') ? Math.round((n('apps_stars_sum') / n('apps_rated')) * 100) / 100 : null,
    },
    proxy: {
      tasks: n('proxy_tasks'),
      open: n('proxy_open'),
      done: n('proxy_done_total'),
      rated: n('proxy_rated'),
      averageStars: n('proxy_rated') ? Math.round((n('proxy_stars_sum') / n('proxy_rated')) * 100) / 100 : null,
      careRecipients: n('care_recipients'),
    },
    disputes: disputeFigures(c),
    petitions: petitionFigures(c),
    counters: c,
  };
}
