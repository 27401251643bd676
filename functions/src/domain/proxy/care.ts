/** 帮扶对象: grid workers register elderly or disabled residents (many without WeChat); family links need the worker's confirmation. */
import type * as z from 'zod';
import type { CreateCareRecipientBody } from '@gridlink/shared/proxy';
import { validIdNumber } from '@gridlink/shared/fields';
import { auditPut } from '../../data/audit';
import { getGridItems } from '../../data/grids';
import { newId } from '../../data/ids';
import { careProfilePut, getCare, listCare, type CareProfileItem } from '../../data/proxy';
import type { PageRequest } from '../../data/query';
import { transact } from '../../data/requests';
import { statsUpdates } from '../../data/stats';
import { getUser, type UserItem } from '../../data/users';
import { familyLinkPut, getFamilyLink, userCreatePut, type FamilyLinkItem } from '../../data/agents';
import { badRequest, forbidden, notFound } from '../errors';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { FAMILY_LINK_WORKFLOW } from '@gridlink/shared/workflows/proxy';
import { check, commit, type Binding } from '../workflow/kernel';
import { careReader, careView } from './view';

const CARE_STAFF = ['grid_worker', 'grid_leader', 'community_admin'];

export async function registerRecipient(actor: Actor, body: z.infer<typeof CreateCareRecipientBody>, now: string) {
  if (!CARE_STAFF.includes(actor.role)) throw forbidden('只有网格员可以登记帮扶对象');
  const unit = (await getGridItems([body.unitId])).get(body.unitId);
  if (!unit || unit.level !== 'unit') throw badRequest('单元不存在', [{ path: 'unitId', message: '不是有效的单元' }]);
  if (!inScope(actor, unit.path)) throw forbidden('只能登记您负责网格内的居民');
  if (body.idNumber && !validIdNumber(body.idNumber))
    throw badRequest('身份证号不正确', [{ path: 'idNumber', message: '身份证号校验位不正确' }]);
  const id = `cr-${newId(Date.parse(now)).toLowerCase()}`;
  const user: UserItem = {
    id,
    role: 'resident',
    name: body.name,
    phone: body.phone,
    ...(body.idNumber ? { idNumber: body.idNumber } : {}),
    unitId: unit.id,
    gridIds: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const profile: CareProfileItem = {
    id,
    name: body.name,
    unitId: unit.id,
    unitName: unit.pathNames.slice(3).join(' '),
    gridPath: unit.path,
    communityId: unit.path[2],
    needs: body.needs,
    ...(body.note ? { note: body.note } : {}),
    registeredBy: actor.id,
    createdAt: now,
    version: 1,
  };
  await transact([
    userCreatePut(user),
    careProfilePut(profile),
    ...statsUpdates(unit.path, { care_recipients: 1 }, now),
    auditPut({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'care.register',
      target: `user:${id}`,
      from: null,
      to: { needs: body.needs },
      at: now,
    }),
  ]);
  // what the worker just wrote (no family link yet), as staff see it; the registration is audited above
  return careView(actor, 'staff-in-scope', profile, user, [], false);
}

export async function readRecipient(actor: Actor, id: string) {
  const [{ profile, family }, user] = await Promise.all([getCare(id), getUser(id)]); // both at once
  if (!profile) throw notFound('帮扶对象不存在');
  const reader = careReader(actor, profile, family);
  if (!reader) throw notFound('帮扶对象不存在');
  return careView(actor, reader, profile, user, family);
}

/** 帮扶对象 list of the worker's grid (the community's list, filtered to the grid). */
export async function listRecipients(actor: Actor, page: PageRequest) {
  if (!CARE_STAFF.includes(actor.role)) throw forbidden('只有网格员可以查看帮扶对象');
  // every grid served (issue 13): per community, all of it or the grids below it that are served
  const found = await getGridItems(actor.gridIds);
  const grids = actor.gridIds.map((id) => found.get(id)).filter((g) => g && g.path.length >= 3);
  if (!grids.length) throw forbidden('您没有负责的社区网格');
  const byCommunity = new Map<string, string[] | undefined>();
  for (const g of grids) {
    const c = g!.path[2];
    const whole = g!.level === 'community' || (byCommunity.has(c) && byCommunity.get(c) === undefined);
    byCommunity.set(c, whole ? undefined : [...(byCommunity.get(c) ?? []), g!.id]);
  }
  const scopes = [...byCommunity].map(([communityId, gridIds]) => ({ communityId, gridIds }));
  const p = await listCare(scopes, page);
  return { items: p.items.map(({ gridPath, communityId, ...c }) => c), nextCursor: p.nextCursor };
}

/** Family links are recorded in the audit log and shown on the recipient's profile. */
const FAMILY_BINDING: Binding<FamilyLinkItem> = {
  workflow: FAMILY_LINK_WORKFLOW,
  put: (after, expected) => familyLinkPut(after, expected),
};

/**
 * A resident asks to be linked as family; the grid worker confirms. The answer is the same whether
 * or not the person is a care recipient and whether or not it was asked before (no existence
 * oracle): nothing is written for someone who is not one; the route is rate limited.
 */
export async function requestFamilyLink(actor: Actor, recipientId: string, now: string) {
  const refusal = '只有居民可以申请家属关联';
  check(FAMILY_LINK_WORKFLOW, { move: 'request', as: [actor.role], refusal, actorRole: actor.role });
  const answer = { recipientId, userId: actor.id, status: 'pending' as const };
  const { profile } = await getCare(recipientId);
  if (!profile || recipientId === actor.id) return answer;
  const link: FamilyLinkItem = {
    id: `${recipientId}:${actor.id}`,
    recipientId,
    userId: actor.id,
    name: actor.name,
    status: 'pending',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await commit(FAMILY_BINDING, { move: 'request', actor, as: [actor.role], refusal, after: link, now });
  } catch (e) {
    if ((e as { code?: string }).code !== 'VERSION_CONFLICT') throw e; // asked before: the same answer
  }
  return answer;
}

export async function confirmFamilyLink(actor: Actor, recipientId: string, userId: string, now: string) {
  const { profile } = await getCare(recipientId);
  if (!profile) throw notFound('帮扶对象不存在');
  const as = CARE_STAFF.includes(actor.role) && inScope(actor, profile.gridPath) ? [actor.role] : [];
  const refusal = '只有本网格网格员可以确认家属关系';
  check(FAMILY_LINK_WORKFLOW, {
    move: 'confirm',
    as,
    refusal,
    actorRole: actor.role,
    before: { id: '', status: 'pending', version: 0, updatedAt: '' },
  });
  const link = await getFamilyLink(recipientId, userId);
  if (!link) throw notFound('没有这条家属关联申请');
  if (link.status === 'confirmed') return { recipientId, userId, status: 'confirmed' };
  await commit(FAMILY_BINDING, {
    move: 'confirm',
    actor,
    as,
    refusal,
    before: link,
    after: { ...link, confirmedBy: actor.id, confirmedAt: now },
    now,
  });
  return { recipientId, userId, status: 'confirmed' };
}
