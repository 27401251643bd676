/**
 * Search within scope (issue 13): staff find the current residents of their grids by name or by
 * 门牌号, matched from the start (one Query of the community's search index, never a Scan; a street:
 * one Query per community, merged), masked as in the household view. The district level is not
 * searched as a whole (a street is picked): a name prefix over 233,744 people is a list nobody
 * needs and every reader should not have. A resident never searches (the route's roles).
 */
import type { PersonHit } from '@gridlink/shared/basedata';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { getGridNodes, listChildren } from '../../data/grids';
import { searchCommunities } from '../../data/persons';
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
async function scopeOf(actor: Actor, gridId: string): Promise<{ communities: string[]; within: string[] }> {
  const nodes = await getGridNodes([gridId, ...actor.gridIds]);
  const grid = nodes.get(gridId);
  if (!grid) throw notFound('网格不存在');
  if (grid.path.length < 2) throw badRequest('请选择街道或以下的网格', [{ path: 'id', message: '请选择街道' }]);
  if (!STAFF.includes(actor.role)) throw forbidden('只能查询自己负责网格的人员');
  if (grid.level === 'street') {
    if (!inScope(actor, grid.path)) throw forbidden('只能查询自己负责网格的人员');
    return { communities: await communitiesOf(grid.id), within: [] };
  }
  const community = grid.path[2];
  if (inScope(actor, grid.path))
    return { communities: [community], within: grid.level === 'community' ? [] : [gridId] };
  const below = actor.gridIds.filter((g) => nodes.get(g)?.path.includes(gridId));
  if (!below.length) throw forbidden('只能查询自己负责网格的人员');
  return { communities: [community], within: below.slice(0, 20) };
}

/** the communities of a street (a street has a dozen or so: one page) */
async function communitiesOf(streetId: string) {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const p = await listChildren(streetId, { limit: 100, cursor });
    out.push(...p.items.filter((g) => g.level === 'community').map((g) => g.id));
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

export async function searchPersons(actor: Actor, gridId: string, q: SearchQuery) {
  const scope = await scopeOf(actor, gridId);
  const page = await searchCommunities(scope.communities, q.by, q.q, scope.within, {
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
