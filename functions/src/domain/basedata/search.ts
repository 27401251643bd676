/**
 * Search within scope (issue 13): staff find the current residents of their grids by name or by
 * 门牌号, matched from the start (one Query of the community's search index, never a Scan), masked
 * as in the household view. A resident never searches (the route's roles).
 */
import type { PersonHit } from '@gridlink/shared/basedata';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { getGridNodes } from '../../data/grids';
import { searchCommunity } from '../../data/persons';
import { badRequest, forbidden, notFound } from '../errors';
import { personView, STAFF } from './households';

export interface SearchQuery {
  q: string;
  by: 'name' | 'houseNo';
  limit: number;
  cursor?: string;
}

/**
 * The grid searched: a community or below. A reader in its scope searches all of it; one who serves
 * grids below it (a worker of some buildings) searches those only.
 */
async function scopeOf(actor: Actor, gridId: string) {
  const nodes = await getGridNodes([gridId, ...actor.gridIds]);
  const grid = nodes.get(gridId);
  if (!grid) throw notFound('网格不存在');
  if (grid.path.length < 3) throw badRequest('请选择社区或以下的网格', [{ path: 'id', message: '请选择社区' }]);
  if (!STAFF.includes(actor.role)) throw forbidden('只能查询自己负责网格的人员');
  if (inScope(actor, grid.path)) return { community: grid.path[2], within: grid.level === 'community' ? [] : [gridId] };
  const below = actor.gridIds.filter((g) => nodes.get(g)?.path.includes(gridId));
  if (!below.length) throw forbidden('只能查询自己负责网格的人员');
  return { community: grid.path[2], within: below.slice(0, 20) };
}

export async function searchPersons(actor: Actor, gridId: string, q: SearchQuery) {
  const scope = await scopeOf(actor, gridId);
  const page = await searchCommunity(scope.community, q.by, q.q, scope.within, {
    limit: q.limit,
    cursor: q.cursor,
  });
  const current = page.items.filter((p) => p.status !== 'moved_out');
  const units = await getGridNodes([...new Set(current.map((p) => p.unitId))]);
  const items: PersonHit[] = current.map((p) => ({
    ...personView(p, false),
    buildingId: p.buildingId,
    unitId: p.unitId,
    houseNo: p.houseNo,
    place: [...(units.get(p.unitId)?.pathNames.slice(3) ?? []), p.houseNo].join(' '),
  }));
  return { items, nextCursor: page.nextCursor };
}
