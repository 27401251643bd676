/**
 * Staff administration (实名动态管理, issue 13 item 5): community/street/district admins list, add,
 * move, suspend, reactivate and retire the staff of their grids and set their duties (网格五员).
 * Every write is the 网格员 import's own (`applyStaff`: the user, its STAFF# items, the grids'
 * staffIds and the audit record in one transaction), here at the version the admin read.
 * Suspended and retired users are refused at sign-in of every request (auth/authenticate.ts).
 */
import { maskPhone } from '@gridlink/shared/mask';
import type { ListQuery } from '@gridlink/shared/common';
import type { Duty, Role } from '@gridlink/shared/roles';
import type {
  CreateStaffBody,
  Handover,
  RetireStaffBody,
  StaffAssignment,
  StaffChange,
  StaffMember,
  UpdateStaffBody,
} from '@gridlink/shared/staff';
import type { Actor } from '../../auth/actor';
import { applyStaff, StaleStaff } from '../../data/basedata';
import { forgetGrids, type GridItem, type StaffItem } from '../../data/grids';
import { newId } from '../../data/ids';
import { getHandover, listStaffIn, putHandover, type HandoverItem } from '../../data/staff';
import { isConditionFailure } from '../../data/transact';
import { getUser, type UserItem } from '../../data/users';
import { changeOf, staffRowHash, staffUserId } from '../basedata/import';
import { badRequest, conflict, versionConflict } from '../errors';
import { newHandover, runHandover } from './handover';
import { assertAdmin, assertRoleManageable, gridsInScope, isRouted, manageable } from './scope';

const statusOf = (u: UserItem) => (u.retiredAt ? 'retired' : u.disabled ? 'suspended' : 'active');
const gridName = (g: GridItem) => g.pathNames.slice(1).join(' › ');

function memberView(u: UserItem, grids: GridItem[]): StaffMember {
  return {
    id: u.id,
    name: u.name,
    role: u.role,
    duties: u.duties ?? [],
    grids: grids.map((g) => ({ id: g.id, name: gridName(g) })),
    phone: u.phone ? maskPhone(u.phone) : '',
    status: statusOf(u),
    version: u.version,
    updatedAt: u.updatedAt,
  };
}

const assignmentView = (s: StaffItem): StaffAssignment => ({
  userId: s.userId,
  name: s.name,
  role: s.role,
  duties: s.duties ?? [],
  gridId: s.gridId,
  gridName: s.gridName ?? '',
  phone: s.phone ?? '',
  status: s.status ?? 'active',
});

/** The staff of a grid and below (default: the admin's own grid when they serve one). */
export async function listStaff(actor: Actor, q: ListQuery & { gridId?: string }) {
  assertAdmin(actor);
  const gridId = q.gridId ?? (actor.gridIds.length === 1 ? actor.gridIds[0] : undefined);
  if (!gridId) throw badRequest('请选择网格', [{ path: 'gridId', message: '负责多个网格时请指定网格' }]);
  const [grid] = await gridsInScope(actor, [gridId]);
  const p = await listStaffIn(grid.path, q);
  return { items: p.items.map(assignmentView), nextCursor: p.nextCursor };
}

async function load(actor: Actor, userId: string, what?: string) {
  const user = await getUser(userId);
  const grids = await manageable(actor, user, what);
  return { user: user!, grids };
}

export async function readStaff(actor: Actor, userId: string): Promise<StaffMember> {
  assertAdmin(actor);
  const { user, grids } = await load(actor, userId);
  return memberView(user, grids);
}

type Fields = Pick<UserItem, 'name' | 'role' | 'phone' | 'gridIds' | 'duties' | 'disabled' | 'retiredAt'>;

/** One write through the import's applyStaff, at `version` (0: a new user), with its audit record. */
async function write(
  actor: Actor,
  base: UserItem | undefined,
  next: Fields & { id: string },
  grids: GridItem[],
  action: string,
  now: string,
  version: number,
): Promise<UserItem> {
  const { id, name, role, phone, duties, disabled, retiredAt } = next;
  const state = { name, role, phone, gridIds: grids.map((g) => g.id), duties, disabled, retiredAt };
  const user = {
    ...(base ?? {}),
    ...state,
    id,
    rowHash: staffRowHash(state),
    importId: 'admin',
    version: version + 1,
    createdAt: base?.createdAt ?? now,
    updatedAt: now,
  } as UserItem & { rowHash: string; importId: string };
  try {
    await applyStaff(
      { user, grids },
      (old) => ({
        actorId: actor.id,
        actorRole: actor.role,
        action,
        target: `user:${id}`,
        ...changeOf(old ?? {}, state),
        at: now,
      }),
      version,
    );
    forgetGrids([...(base?.gridIds ?? []), ...grids.map((g) => g.id)]);
  } catch (e) {
    if (e instanceof StaleStaff) throw version ? versionConflict() : conflict('该手机号已登记为工作人员');
    if (isConditionFailure(e)) throw versionConflict();
    throw e;
  }
  return user;
}

export async function createStaff(actor: Actor, body: CreateStaffBody, now: string): Promise<StaffMember> {
  assertAdmin(actor);
  assertRoleManageable(actor, body.role);
  const grids = await gridsInScope(actor, body.gridIds);
  const id = staffUserId(body.phone);
  const user = await write(actor, undefined, { id, ...body, duties: uniq(body.duties) }, grids, 'staff.create', now, 0);
  return memberView(user, grids);
}

const uniq = (d: Duty[]) => [...new Set(d)];

/** The successor: active staff the admin manages, another person, able to take requests if the leaver did. */
async function successorOf(actor: Actor, leaver: UserItem, successorId: string | undefined) {
  if (!successorId) throw badRequest('请选择接替人员', [{ path: 'successorId', message: '必填' }]);
  if (successorId === leaver.id)
    throw badRequest('接替人员不能是本人', [{ path: 'successorId', message: '接替人员不能是本人' }]);
  const { user, grids } = await load(actor, successorId, '接替人员');
  if (statusOf(user) !== 'active') throw badRequest('接替人员已停用', [{ path: 'successorId', message: '已停用' }]);
  if (isRouted(leaver.role) && !isRouted(user.role))
    throw badRequest('接替人员应为网格员或网格长', [{ path: 'successorId', message: '应为网格员或网格长' }]);
  return { user, grids };
}

type Successor = Awaited<ReturnType<typeof successorOf>>;

/** The successor also serves the grids left (if not yet), then the work there moves to them. */
async function finish(actor: Actor, h: HandoverItem, leaver: UserItem, s: Successor, left: GridItem[], now: string) {
  const more = left.filter((g) => !s.grids.some((x) => x.id === g.id));
  if (more.length) await write(actor, s.user, s.user, [...s.grids, ...more], 'staff.update', now, s.user.version);
  return runHandover(h, { from: leaver.name, to: { id: s.user.id, name: s.user.name, role: s.user.role } }, left);
}

export async function updateStaff(
  actor: Actor,
  userId: string,
  body: UpdateStaffBody,
  now: string,
): Promise<StaffChange> {
  assertAdmin(actor);
  const { user, grids } = await load(actor, userId);
  if (user.retiredAt) throw conflict('该人员已离岗');
  // a move whose hand-over stopped half-way is finished first; the same call retried gets its result
  const resumed = await resumeMove(actor, user);
  if (resumed && body.version === user.version - 1 && body.successorId === resumed.toId)
    return { member: memberView(user, grids), handover: resumed };
  if (user.version !== body.version) throw versionConflict();
  const role: Role = body.role ?? user.role;
  if (body.role) assertRoleManageable(actor, body.role);
  const next = body.gridIds ? await gridsInScope(actor, body.gridIds) : grids;
  const left = grids.filter((g) => !next.some((n) => n.id === g.id));
  if (left.length && !body.successorId && isRouted(user.role))
    throw badRequest('移出网格时请指定接替人员', [{ path: 'successorId', message: '移出网格的待办将交给接替人员' }]);
  const s = left.length && body.successorId ? await successorOf(actor, user, body.successorId) : undefined;
  const fields = { ...user, role, duties: uniq(body.duties ?? user.duties ?? []) };
  // the hand-over is recorded first and named on the user: a stop after the move is resumed
  const h = s && newHandover(newId(Date.parse(now)), user, s.user, left, actor, now);
  if (h) await putHandover(h);
  const base = h ? { ...user, lastHandoverId: h.id } : user;
  const updated = await write(actor, base, fields, next, 'staff.update', now, body.version);
  const handover: Handover | undefined = h && (await finish(actor, h, user, s!, left, now));
  return { member: memberView(updated, next), ...(handover ? { handover } : {}) };
}

/** Finishes the unfinished hand-over of an earlier move, if any (undefined: none pending). */
async function resumeMove(actor: Actor, user: UserItem) {
  const h = user.lastHandoverId ? await getHandover(user.id, user.lastHandoverId) : undefined;
  if (!h || h.done) return undefined;
  const left = await gridsInScope(actor, h.gridIds);
  return finish(actor, h, user, await successorOf(actor, user, h.toId), left, h.at);
}

export async function setSuspended(
  actor: Actor,
  userId: string,
  body: { version: number },
  suspended: boolean,
  now: string,
): Promise<StaffMember> {
  assertAdmin(actor);
  const { user, grids } = await load(actor, userId);
  if (user.retiredAt) throw conflict('该人员已离岗');
  if (user.version !== body.version) throw versionConflict();
  if (!!user.disabled === suspended) return memberView(user, grids);
  const action = suspended ? 'staff.suspend' : 'staff.update';
  const updated = await write(actor, user, { ...user, disabled: suspended }, grids, action, now, body.version);
  return memberView(updated, grids);
}

/**
 * Retire with a successor: the leaver is disabled and leaves every grid (its STAFF# items and
 * staffIds go), the successor serves those grids, and the open work there is handed over. Called
 * again on a retired user, it resumes an unfinished hand-over.
 */
export async function retireStaff(actor: Actor, userId: string, body: RetireStaffBody, now: string) {
  assertAdmin(actor);
  const user = await getUser(userId);
  if (user?.retiredAt) {
    const h = user.lastHandoverId ? await getHandover(user.id, user.lastHandoverId) : undefined;
    if (!h || h.done || h.toId !== body.successorId) throw conflict('该人员已离岗');
    const grids = await gridsInScope(actor, h.gridIds);
    const handover = await finish(actor, h, user, await successorOf(actor, user, h.toId), grids, h.at);
    return { member: memberView(user, []), handover };
  }
  const grids = await manageable(actor, user);
  if (user!.version !== body.version) throw versionConflict();
  const s = await successorOf(actor, user!, body.successorId);
  // the hand-over is recorded first: a failure after the retirement is resumed by calling again
  const h = newHandover(newId(Date.parse(now)), user!, s.user, grids, actor, now);
  await putHandover(h);
  const retired = await write(
    actor,
    { ...user!, lastHandoverId: h.id },
    { ...user!, disabled: true, retiredAt: now },
    [],
    'staff.retire',
    now,
    body.version,
  );
  return { member: memberView(retired, []), handover: await finish(actor, h, user!, s, grids, now) };
}
