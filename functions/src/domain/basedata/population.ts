/**
 * The dashboard's population and housing counts (issue 13): a grid's totals and those of each grid
 * of the level below, read from the write-time counters (one GetItem each, never a count of rows),
 * for staff whose scope covers the grid.
 */
import type { PopulationStats } from '@gridlink/shared/basedata';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { getGridNodes, listChildren } from '../../data/grids';
import type { PageRequest } from '../../data/query';
import { readStatsMany } from '../../data/population';
import { forbidden, notFound } from '../errors';
import { populationFigures } from './counts';
import { STAFF } from './households';

export async function populationStats(actor: Actor, gridId: string, page: PageRequest): Promise<PopulationStats> {
  const grid = (await getGridNodes([gridId])).get(gridId);
  if (!grid) throw notFound('网格不存在');
  if (!STAFF.includes(actor.role) || !inScope(actor, grid.path)) throw forbidden('不在您负责的网格范围内');
  const children = await listChildren(gridId, page);
  const totals = await readStatsMany([gridId, ...children.items.map((c) => c.id)]);
  const counts = (id: string) => populationFigures(totals.get(id) ?? {});
  return {
    gridId,
    name: grid.name,
    level: grid.level,
    counts: counts(gridId),
    children: children.items.map((c) => ({ gridId: c.id, name: c.name, level: c.level, counts: counts(c.id) })),
    nextCursor: children.nextCursor,
  };
}
