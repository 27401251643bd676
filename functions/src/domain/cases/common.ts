/**
 * What disputes and petitions share: who may act (role + grid scope + handling level, the same
 * ladder as requests), who may read, and how every change is written — ONE transaction with the
 * case item (conditional on version and status), its timeline event, the counters of its grid and
 * all ancestors, the audit record and the notification outbox item.
 */
import { LEVEL_NAMES, type Level } from '@gridlink/shared/names';
import { auditPut } from '../../data/audit';
import { caseEventPut, casePut, caseReplace, type CaseActor, type CaseItem } from '../../data/cases';
import { getGridItems, staffedGrids, type GridItem } from '../../data/grids';
import { newId } from '../../data/ids';
import { outboxPut } from '../../data/outbox';
import { transact } from '../../data/requests';
import { statsUpdates, type Deltas } from '../../data/stats';
import { DomainError, badRequest, forbidden, versionConflict } from '../errors';
import type { Actor } from '../../auth/actor';
import { actorTier, inboxFor, levelRank } from '../requests/routing';
import { CASE_STAFF } from './transitions';

export const actorOf = (a: Actor): CaseActor => ({ id: a.id, name: a.name, role: a.role });
export const isCaseStaff = (a: Actor) => CASE_STAFF.includes(a.role);

/** The highest level a staff member serves on this path (undefined: not staff, or out of scope). */
export const staffTier = (a: Actor, path: readonly string[]): Level | undefined =>
  isCaseStaff(a) ? actorTier(a, path) : undefined;

/** Staff act on a case in their grids at or above the level handling it (like requests). */
export function checkStaffMove(actor: Actor, c: CaseItem, by: readonly string[]): Level {
  if (!by.includes(actor.role)) throw forbidden('当前身份无权进行此操作');
  const tier = staffTier(actor, c.gridPath);
  if (!tier) throw forbidden('不在您负责的网格范围内');
  if (levelRank(tier) < levelRank(c.level)) throw forbidden(`该事项已交${LEVEL_NAMES[c.level]}级办理`);
  return tier;
}

/** Handlers (staff in scope, at any level) see identities; persons (party, petitioner, proxy) see their own case. */
export function readerOf(actor: Actor, c: CaseItem): 'handler' | 'person' | undefined {
  if (staffTier(actor, c.gridPath)) return 'handler';
  if (c.personIds.includes(actor.id)) return 'person';
  return undefined;
}

export function refuse(label: string, statusName: string): never {
  throw new DomainError('INVALID_TRANSITION', `当前状态（${statusName}）不能${label}`);
}

export function checkVersion(c: CaseItem, version?: number) {
  if (version !== undefined && version !== c.version) throw versionConflict();
}

/** The unit a case is about: must exist and be in the registering staff member's scope. */
export async function unitInScope(actor: Actor, unitId: string | undefined): Promise<GridItem> {
  if (!unitId) throw badRequest('请选择事发单元', [{ path: 'unitId', message: '必填' }]);
  const unit = (await getGridItems([unitId])).get(unitId);
  if (!unit || unit.level !== 'unit') throw badRequest('单元不存在', [{ path: 'unitId', message: '不是有效的单元' }]);
  if (!staffTier(actor, unit.path)) throw forbidden('只能登记您负责网格内的事项');
  return unit;
}

/** Which grid must act at `level`: the nearest staffed grid on the path at grid level. */
export async function inboxAt(level: Level, path: string[]) {
  return inboxFor(level, path, await staffedGrids(path));
}

export const unitNameOf = (unit: GridItem) => unit.pathNames.slice(3).join(' ');

export function statusDeltas(
  prefix: 'disp' | 'pet',
  before: string | undefined,
  after: string,
  isOpen: (s: string) => boolean,
): Deltas {
  const d: Deltas = {};
  if (before === after) return d;
  if (before) d[`${prefix}_${before}`] = -1;
  d[`${prefix}_${after}`] = 1;
  const was = before ? isOpen(before) : false;
  if (was !== isOpen(after)) d[`${prefix}_open`] = isOpen(after) ? 1 : -1;
  return d;
}

export interface CaseCommit {
  before?: CaseItem;
  after: CaseItem;
  action: string;
  actor: CaseActor;
  note?: string;
  channel?: 'online' | 'offline';
  now: string;
  counters: Deltas;
  /** more items that must agree (person pointers, the request link, …) */
  extra?: unknown[];
  notice: { title: string; body: string };
}

export async function commitCase(c: CaseCommit) {
  const { before, after, now } = c;
  const event = {
    id: newId(Date.parse(now)),
    at: now,
    actorId: c.actor.id,
    actorName: c.actor.name,
    actorRole: c.actor.role,
    action: c.action,
    from: before?.status ?? null,
    to: after.status,
    level: after.level,
    ...(c.note ? { note: c.note } : {}),
    ...(c.channel ? { channel: c.channel } : {}),
  };
  const page = `/pkg-cases/pages/${after.kind}/index?id=${after.id}`;
  const hear = after.personIds.filter((u) => u !== c.actor.id);
  const items: unknown[] = [
    before ? caseReplace(after, { version: before.version, status: before.status }) : casePut(after),
    caseEventPut(after, event),
    ...statsUpdates(after.gridPath, c.counters, now),
    auditPut({
      actorId: c.actor.id,
      actorRole: c.actor.role,
      action: `${after.kind}.${c.action}`,
      target: `${after.kind}:${after.id}`,
      from: before?.status ?? null,
      to: after.status,
      at: now,
    }),
    ...(hear.length
      ? [
          outboxPut({
            userIds: hear,
            template: 'case_status',
            title: c.notice.title,
            body: c.notice.body,
            page,
            at: now,
          }),
        ]
      : []),
    ...(c.extra ?? []),
  ];
  try {
    await transact(items);
  } catch (e) {
    if ((e as Error).name === 'TransactionCanceledException' || (e as Error).name === 'ConditionalCheckFailedException')
      throw versionConflict();
    throw e;
  }
  return event;
}
