/**
 * The centre's figures by period for a grid and its children (drill-down: district → … → unit).
 * Cost: one Query of DAY# (or MONTH#) buckets for the grid; the children's buckets by one BatchGet a
 * 100 (a single month) or one Query each, in parallel; their gauges (open, overdue, patrol plans) by
 * one BatchGet; the children themselves are one page of the tree's child index.
 */
import type { FiguresAnswer, GridFigures, PeriodQuery, QueueItem } from '@gridlink/shared/centre';
import type { Actor } from '../../auth/actor';
import { listChildren } from '../../data/grids';
import type { Page } from '../../data/query';
import { readBuckets, readMonthOf, readStatsOf, type ReadCost } from '../../data/stats';
import { inboxOverdueOrEscalated } from '../../data/centre';
import type { Grid } from '@gridlink/shared/grid';
import { centreGrid } from './access';
import { FIGURE_COLUMNS, figuresOf } from './figures';
import { resolvePeriod, type Period } from './period';
import { exportTable } from './export';
import { toQueueItem, type Supervised } from './supervise';

/** the bucket sums of each grid for the period */
async function periodSums(ids: string[], p: Period, cost: ReadCost) {
  if (p.source === 'MONTH' && p.fromMonth === p.toMonth && ids.length > 1) return readMonthOf(ids, p.fromMonth, cost);
  const [kind, a, b] =
    p.source === 'MONTH' ? (['MONTH', p.fromMonth, p.toMonth] as const) : (['DAY', p.from, p.to] as const);
  const sums = await Promise.all(ids.map((id) => readBuckets(id, kind, a, b, cost)));
  return new Map(ids.map((id, i) => [id, sums[i]]));
}

export async function centreFigures(
  actor: Actor,
  q: PeriodQuery & { gridId?: string; limit?: number; cursor?: string },
  now: string,
): Promise<FiguresAnswer> {
  const grid = await centreGrid(actor, q.gridId);
  const p = resolvePeriod(q, now);
  const cost: ReadCost = { calls: 0, items: 0 };
  const page = await listChildren(grid.id, { limit: q.limit ?? 100, cursor: q.cursor });
  cost.calls++;
  cost.items += page.items.length;
  const nodes: Pick<Grid, 'id' | 'name' | 'level' | 'childCount'>[] = [grid, ...page.items];
  const ids = nodes.map((n) => n.id);
  const [own, rest, totals] = await Promise.all([
    periodSums([grid.id], p, cost),
    periodSums(ids.slice(1), p, cost),
    readStatsOf(ids, cost),
  ]);
  const of = (n: (typeof nodes)[number]): GridFigures => ({
    gridId: n.id,
    name: n.name,
    level: n.level,
    childCount: n.childCount ?? 0,
    figures: figuresOf((n.id === grid.id ? own : rest).get(n.id) ?? {}, totals.get(n.id) ?? {}, p.days),
  });
  return {
    from: p.from,
    to: p.to,
    days: p.days,
    source: p.source,
    grid: of(nodes[0]),
    children: nodes.slice(1).map(of),
    nextCursor: page.nextCursor,
    cost,
  };
}

/** the figures table as .xlsx: the grid's row then its children's, the same values as the JSON */
export async function exportFigures(actor: Actor, answer: FiguresAnswer, now: string) {
  const rows = [answer.grid, ...answer.children].map((g) => ({ name: g.name, ...g.figures }));
  const columns = [
    { key: 'name', header: '网格' },
    ...FIGURE_COLUMNS.map(([key, header]) => ({
      key,
      header,
      percent: key.endsWith('Rate') || key === 'patrolCoverage',
    })),
  ];
  return exportTable(actor.id, `指挥中心数据-${answer.grid.name}-${answer.from}至${answer.to}`, columns, rows, now);
}

/**
 * The queue: overdue or escalated open requests waiting in the inbox of the grid or of one of its
 * children (one page of the child index, then one merged paginated Query over those inboxes).
 */
export async function centreQueue(
  actor: Actor,
  q: { gridId?: string; limit: number; cursor?: string },
): Promise<Page<QueueItem>> {
  const grid = await centreGrid(actor, q.gridId);
  const children = await listChildren(grid.id, { limit: 100 });
  const inboxes = [grid.id, ...children.items.map((c) => c.id)];
  const p = await inboxOverdueOrEscalated(inboxes, { limit: q.limit, cursor: q.cursor });
  return { items: p.items.map((r) => toQueueItem(r as Supervised)), nextCursor: p.nextCursor };
}

export const QUEUE_COLUMNS = [
  { key: 'categoryName', header: '类别' },
  { key: 'summary', header: '摘要' },
  { key: 'level', header: '层级' },
  { key: 'status', header: '状态' },
  { key: 'overdue', header: '超期' },
  { key: 'dueAt', header: '期限' },
  { key: 'urgeCount', header: '督办次数' },
  { key: 'supervised', header: '挂牌督办' },
];
