/** Who sees the centre: community, street and district staff, for the grids they serve and below. */
import type { Role } from '@gridlink/shared/roles';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { getGridItems, type GridItem } from '../../data/grids';
import { forbidden, notFound } from '../errors';

export const CENTRE_ROLES: readonly Role[] = ['community_admin', 'street_admin', 'district_admin'];

/** The grid asked for (default: the first the actor serves), in the actor's scope. */
export async function centreGrid(actor: Actor, gridId?: string): Promise<GridItem> {
  if (!CENTRE_ROLES.includes(actor.role)) throw forbidden('只有社区、街道和区级工作人员可以使用指挥中心');
  const id = gridId ?? actor.gridIds[0];
  if (!id) throw forbidden('您尚未分配网格');
  const grid = (await getGridItems([id])).get(id);
  if (!grid) throw notFound('网格不存在');
  if (!inScope(actor, grid.path)) throw forbidden('不在您负责的网格范围内');
  return grid;
}
