/**
 * Who may administer whom: community, street and district admins, within the grids they serve
 * (a grid and everything below it), and only staff of a lower rank than their own.
 */
import { STAFF_ADMIN_RANK } from '@gridlink/shared/names';
import type { Role } from '@gridlink/shared/roles';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { getGridItems, type GridItem } from '../../data/grids';
import type { UserItem } from '../../data/users';
import { badRequest, forbidden, notFound } from '../errors';

const RANK = STAFF_ADMIN_RANK;
export const ADMINS: readonly Role[] = ['community_admin', 'street_admin', 'district_admin'];
/** workers and leaders take requests (routing walks up to the grids they serve) */
export const isRouted = (role: Role) => role === 'grid_worker' || role === 'grid_leader';

export function assertAdmin(actor: Actor) {
  if (!ADMINS.includes(actor.role)) throw forbidden('只有社区、街道、区级管理员可以管理人员');
}

/** The role may be given (or its holder managed) by this admin: strictly below the admin's own. */
export function assertRoleManageable(actor: Actor, role: Role) {
  const own = RANK[actor.role] ?? -1;
  const r = RANK[role];
  if (r === undefined || r >= own) throw forbidden('无权管理该角色的人员');
}

/** The grids, all existing and all in the admin's scope (a grid served or below one). */
export async function gridsInScope(actor: Actor, ids: readonly string[]): Promise<GridItem[]> {
  const found = await getGridItems([...ids]);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length)
    throw badRequest(
      '网格不存在',
      missing.map((id) => ({ path: 'gridIds', message: `网格 ${id} 不存在` })),
    );
  const grids = [...new Set(ids)].map((id) => found.get(id)!);
  if (grids.some((g) => !inScope(actor, g.path))) throw forbidden('只能管理自己负责范围内的网格人员');
  return grids;
}

/** A staff member the admin may manage: staff role below theirs, every grid they serve in scope. */
export async function manageable(actor: Actor, user: UserItem | undefined, what = '人员'): Promise<GridItem[]> {
  if (!user || RANK[user.role] === undefined) throw notFound(`${what}不存在`);
  if (user.id === actor.id) throw forbidden('不能管理自己的账号');
  assertRoleManageable(actor, user.role);
  const ids = user.gridIds ?? [];
  if (!ids.length && !user.retiredAt) throw forbidden('只能管理自己负责范围内的网格人员');
  return gridsInScope(actor, ids);
}
