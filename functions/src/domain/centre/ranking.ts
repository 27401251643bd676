/**
 * Rankings of a grid's scope for a month: its communities by their 考核 score (the communities are
 * the grid's children at street level, the grid itself at community level, the streets' children at
 * district level: one page of the child index each), and the workers serving in the scope (the staff
 * admin's STAFFIN# index, read page by page) by theirs (per-worker monthly counters, BatchGet).
 */
import type { Actor } from '../../auth/actor';
import { listChildren, type GridItem } from '../../data/grids';
import { listStaffIn } from '../../data/staff';
import { readMonthOf, readStatsOf } from '../../data/stats';
import { readWorkerStats } from '../../data/worker-stats';
import type { Grid } from '@gridlink/shared/grid';
import { communityAssessment, workerAssessment } from '../assessment/score';
import { weightsOf } from '../assessment/weights';
import { centreGrid } from './access';
import { daysInMonth, monthOf } from './period';

/** at most this many staff assignments are ranked (10 pages of 100) */
const MAX_STAFF = 1000;

async function communitiesOf(grid: GridItem): Promise<Pick<Grid, 'id' | 'name'>[]> {
  if (grid.level === 'community') return [grid];
  if (grid.level === 'street') return (await listChildren(grid.id, { limit: 100 })).items;
  if (grid.level === 'district') {
    const streets = (await listChildren(grid.id, { limit: 100 })).items;
    const pages = await Promise.all(streets.map((s) => listChildren(s.id, { limit: 100 })));
    return pages.flatMap((p) => p.items);
  }
  return [];
}

async function workersOf(grid: GridItem) {
  const out = new Map<string, string>();
  let cursor: string | undefined;
  for (let n = 0; n < MAX_STAFF / 100; n++) {
    const p = await listStaffIn(grid.path, { limit: 100, cursor });
    for (const s of p.items)
      if ((s.role === 'grid_worker' || s.role === 'grid_leader') && s.status !== 'retired') out.set(s.userId, s.name);
    if (!p.nextCursor) break;
    cursor = p.nextCursor;
  }
  return out;
}

const ranked = <T extends { score: number }>(xs: T[]) =>
  [...xs].sort((a, b) => b.score - a.score).map((x, i) => ({ ...x, rank: i + 1 }));

export async function centreRanking(actor: Actor, q: { gridId?: string; month?: string }, now: string) {
  const grid = await centreGrid(actor, q.gridId);
  const month = monthOf(q.month, now);
  const [communities, workers, w] = await Promise.all([communitiesOf(grid), workersOf(grid), weightsOf(grid.path[0])]);
  const ids = communities.map((c) => c.id);
  const [period, totals, wstats] = await Promise.all([
    readMonthOf(ids, month),
    readStatsOf(ids),
    readWorkerStats([...workers.keys()], month),
  ]);
  const strip = <T extends { counters: unknown }>({ counters: _c, ...rest }: T) => rest;
  return {
    month,
    gridId: grid.id,
    communities: ranked(
      communities.map((c) =>
        strip(communityAssessment(c, month, daysInMonth(month), period.get(c.id) ?? {}, totals.get(c.id) ?? {}, w)),
      ),
    ),
    workers: ranked(
      [...workers].map(([id, name]) => strip(workerAssessment({ id, name }, month, wstats.get(id) ?? {}, w))),
    ),
  };
}

/** the ranking tables' columns (the breakdown's values, as in the JSON) */
export const RANKING_COLUMNS = {
  community: [
    { key: 'rank', header: '名次' },
    { key: 'name', header: '社区' },
    { key: 'score', header: '得分' },
    { key: 'onTime', header: '按时办结率', percent: true },
    { key: 'satisfaction', header: '满意率', percent: true },
    { key: 'resolution', header: '办结率', percent: true },
    { key: 'inCommunity', header: '小事不出社区', percent: true },
    { key: 'patrol', header: '巡查覆盖率', percent: true },
    { key: 'attendance', header: '出勤率', percent: true },
  ],
  worker: [
    { key: 'rank', header: '名次' },
    { key: 'name', header: '网格员' },
    { key: 'score', header: '得分' },
    { key: 'onTime', header: '按时办结率', percent: true },
    { key: 'satisfaction', header: '满意度', percent: true },
    { key: 'attendance', header: '出勤率', percent: true },
    { key: 'patrol', header: '巡查完成', percent: true },
    { key: 'events', header: '事件完成', percent: true },
  ],
};
