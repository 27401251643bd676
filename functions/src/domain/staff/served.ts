/**
 * The grids a staff list covers (issue 13: a member may serve several grids and sees all of
 * them): every grid they serve by default, or the one asked for — one they serve or one below.
 */
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { getGridItems } from '../../data/grids';
import { forbidden } from '../errors';

export async function servedGrids(actor: Actor, gridId?: string): Promise<string[]> {
  if (!gridId) return actor.gridIds;
  if (actor.gridIds.includes(gridId)) return [gridId];
  const grid = (await getGridItems([gridId])).get(gridId);
  if (!grid || !inScope(actor, grid.path)) throw forbidden('不在您负责的网格范围内');
  return [gridId];
}

/** The communities of the grids served (community-keyed lists: call-backs, …), in order. */
export async function servedCommunities(actor: Actor): Promise<string[]> {
  const grids = await getGridItems(actor.gridIds);
  return [...new Set(actor.gridIds.map((id) => grids.get(id)?.path[2]).filter((c): c is string => !!c))];
}
