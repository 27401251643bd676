/** Verifying unit bindings: the unit's QR code for the building, and grid workers' confirmations. */
import type { PendingBinding } from '@gridlink/shared/me';
import { getGridNodes } from '../data/grids';
import type { PageRequest } from '../data/query';
import { confirmUnit, getUser, listPendingBindings } from '../data/users';
import type { Actor } from '../auth/actor';
import { inScope } from '../auth/policy';
import { unitCode } from '../auth/unit-code';
import { badRequest, conflict, forbidden, notFound, versionConflict } from './errors';

async function unitInScope(actor: Actor, unitId: string) {
  const unit = (await getGridNodes([unitId])).get(unitId);
  if (!unit) throw notFound('单元不存在');
  if (unit.level !== 'unit') throw badRequest('请选择到单元一级', [{ path: 'id', message: '不是单元' }]);
  if (!inScope(actor, unit.path)) throw forbidden('不在您负责的网格范围内');
  return unit;
}

/** The code and QR payload to print in the building (staff of the unit's grid). */
export async function unitQr(actor: Actor, unitId: string) {
  const unit = await unitInScope(actor, unitId);
  const code = await unitCode(unit.id);
  return {
    unitId: unit.id,
    unitName: unit.pathNames.slice(3).join(' '),
    code,
    path: `pages/bind/index?unitId=${encodeURIComponent(unit.id)}&code=${code}`,
  };
}

/** The community whose queue a staff member reads: given (one they serve or lie above), else their first grid's. */
async function communityOf(actor: Actor, communityId?: string) {
  const nodes = await getGridNodes([...actor.gridIds, ...(communityId ? [communityId] : [])]);
  const served = actor.gridIds.map((g) => nodes.get(g)?.path[2]).filter((c): c is string => !!c);
  const pick = () => badRequest('请选择社区', [{ path: 'communityId', message: '请选择社区' }]);
  if (!communityId) {
    if (!served[0]) throw pick();
    return served[0];
  }
  const node = nodes.get(communityId);
  if (!node || node.level !== 'community') throw pick();
  if (!served.includes(communityId) && !inScope(actor, node.path)) throw forbidden('不在您负责的网格范围内');
  return communityId;
}

/** Pending bindings of the units the caller serves (oldest first). */
export async function pendingBindings(actor: Actor, q: PageRequest & { communityId?: string }) {
  const community = await communityOf(actor, q.communityId);
  const page = await listPendingBindings(community, { limit: q.limit, cursor: q.cursor });
  const items: PendingBinding[] = page.items
    .filter((b) => inScope(actor, b.gridPath))
    .map(({ userId, userName, unitId, unitName, createdAt }) => ({ userId, userName, unitId, unitName, createdAt }));
  return { items, nextCursor: page.nextCursor };
}

/** A grid worker in scope confirms the resident lives in the unit they bound to. */
export async function confirmBinding(actor: Actor, userId: string, unitId: string, now: string) {
  const user = await getUser(userId);
  if (!user || user.unitId !== unitId) throw notFound('没有待核验的绑定');
  const unit = await unitInScope(actor, unitId);
  if (user.unitVerified === true) throw conflict('该绑定已核验');
  if (!(await confirmUnit(user, unitId, unit.path[2], actor, now))) throw versionConflict();
  return {
    userId,
    userName: user.name,
    unitId,
    unitName: unit.pathNames.slice(3).join(' '),
    createdAt: user.updatedAt,
  } satisfies PendingBinding;
}
