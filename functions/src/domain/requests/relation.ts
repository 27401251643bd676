/** Who a resident is to a request of a building: the neighbour relation is the verified home building. */
import { UNIT_ROLES } from '@gridlink/shared/roles';
import { getGridItems } from '../../data/grids';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';

/** The building of the caller's verified unit (residents and agents), read now: a rebinding counts at once. */
export async function homeBuilding(actor: Actor): Promise<string | undefined> {
  if (!UNIT_ROLES.includes(actor.role) || !actor.unitId || !actor.unitVerified) return undefined;
  return (await getGridItems([actor.unitId])).get(actor.unitId)?.path[5];
}

/**
 * The building whose open requests the caller may be offered (我也遇到): a resident's or agent's own
 * verified building (a `unitId` they pass is ignored); for staff, the unit they report for if it is
 * in their grids. Anyone else: none.
 */
export async function suggestionBuilding(actor: Actor, unitId?: string): Promise<string | undefined> {
  if (UNIT_ROLES.includes(actor.role)) return homeBuilding(actor);
  if (!unitId) return undefined;
  const unit = (await getGridItems([unitId])).get(unitId);
  return unit?.level === 'unit' && inScope(actor, unit.path) ? unit.path[5] : undefined;
}
