/**
 * Every change to a request is written the same way, in ONE transaction: the new request item
 * (conditional on the version and status read), its timeline event, the counters of its grid and
 * all ancestors, the duplicate index, the audit record and the notification outbox item.
 */
import { REQUEST_STATUS_NAMES } from '@gridlink/shared/requests';
import { auditPut } from '../../data/audit';
import { newId } from '../../data/ids';
import { outboxPut } from '../../data/outbox';
import {
  eventPut,
  isOpen,
  openIndexDelete,
  openIndexPut,
  requestReplace,
  transact,
  type RequestItem,
} from '../../data/requests';
import { statsUpdates, type Deltas } from '../../data/stats';
import { versionConflict } from '../errors';
import { feedUpdate } from '../../data/open311';
import { REQUEST_TRANSITIONS, type RequestMove } from './transitions';

export interface MoveActor {
  id: string;
  name: string;
  role: string;
}

export const SYSTEM: MoveActor = { id: 'system', name: '系统', role: 'system' };

export interface Commit {
  before: RequestItem;
  after: RequestItem;
  move: RequestMove;
  actor: MoveActor;
  note?: string;
  now: string;
  counters?: Deltas;
  /** more items that must agree (a call-back, …) */
  extra?: unknown[];
}

export function statusDeltas(before: RequestItem | undefined, after: RequestItem): Deltas {
  const d: Deltas = {};
  if (before) d[`req_${before.status}`] = (d[`req_${before.status}`] ?? 0) - 1;
  d[`req_${after.status}`] = (d[`req_${after.status}`] ?? 0) + 1;
  const wasOpen = before ? isOpen(before.status) : false;
  if (wasOpen !== isOpen(after.status)) d.req_open = isOpen(after.status) ? 1 : -1;
  return d;
}

export async function commitMove(c: Commit): Promise<RequestItem> {
  const { before, after, now } = c;
  const label = REQUEST_TRANSITIONS[c.move].label;
  const event = {
    id: newId(Date.parse(now)),
    at: now,
    actorId: c.actor.id,
    actorName: c.actor.name,
    actorRole: c.actor.role,
    action: c.move,
    from: before.status,
    to: after.status,
    level: after.level,
    note: c.note,
  };
  const items: unknown[] = [
    requestReplace(after, { version: before.version, status: before.status }),
    eventPut(after.id, event),
    ...statsUpdates(after.gridPath, { ...statusDeltas(before, after), ...(c.counters ?? {}) }, now),
    auditPut({
      actorId: c.actor.id,
      actorRole: c.actor.role,
      action: `request.${c.move}`,
      target: `request:${after.id}`,
      from: before.status,
      to: after.status,
      at: now,
    }),
    outboxPut({
      userIds: [after.reporterId, ...after.joinerIds],
      template: 'request_status',
      title: `${after.categoryName}：${REQUEST_STATUS_NAMES[after.status]}`,
      body: c.note ? `${label}：${c.note}` : label,
      page: `/pkg-resident/pages/request/index?id=${after.id}`,
      at: now,
    }),
    feedUpdate(after),
    ...(c.extra ?? []),
  ];
  if (isOpen(before.status) && !isOpen(after.status)) items.push(openIndexDelete(after));
  if (!isOpen(before.status) && isOpen(after.status)) items.push(openIndexPut(after));
  try {
    await transact(items);
  } catch (e) {
    if ((e as Error).name === 'TransactionCanceledException' || (e as Error).name === 'ConditionalCheckFailedException')
      throw versionConflict();
    throw e;
  }
  return after;
}
