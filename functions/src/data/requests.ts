import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Level, RequestStatus } from '@gridlink/shared/requests';
import { isOpenState } from '@gridlink/shared/workflow';
import { REQUEST_WORKFLOW } from '@gridlink/shared/workflows/requests';
import { db, table } from './client';
import { conditionalPut, fromItem } from './item';
import { keys } from './keys';
import { readPartition } from './partition';
import { queryMerged, statusFilter, queryPage, type PageRequest } from './query';
import { OUTBOX_SHARDS, shardOf } from './outbox';
import type { Moderation, Verdict } from './moderation';

export interface RequestItem {
  id: string;
  status: RequestStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  category: string;
  categoryName: string;
  /** the description without personal data (domain/requests/summary.ts), set at create time */
  publicSummary?: string;
  description: string;
  unitId: string;
  unitName: string;
  /** district … unit */
  gridPath: string[];
  level: Level;
  /** the level that last handled it (a reopen returns there) */
  lastLevel: Level;
  /** the inbox that must act now: a grid id, or a department id while dispatched */
  inbox: string;
  dueAt: string | null;
  overdue: boolean;
  reporterId: string;
  reporterName: string;
  location?: { lat: number; lng: number; address?: string };
  attachments: string[];
  departmentId?: string;
  rating?: { stars: number; comment?: string; at: string };
  resolvedAt?: string;
  reopenCount: number;
  joinCount: number;
  joinerIds: string[];
  callbackId?: string;
  /** content security of what others may see (domain/moderation.ts); absent on items written before it */
  moderation?: Moderation;
  /** the staff-written public summary (Open311 feed, 我也遇到); published once its own check passes */
  approvedSummary?: { text: string; status: Verdict; by: string; at: string };
  // 社区吹哨、部门报到 (issue 14)
  /** while dispatched: the department must 报到 by then */
  signDueAt?: string;
  signedAt?: string;
  signedBy?: string;
  /** the sweep found it not signed for in time (counted once) */
  signOverdue?: boolean;
  /** why it sits in its street's overdue-department list (removed when it leaves 转办) */
  deptLate?: ('sign' | 'deadline')[];
  /** the one extension a department may ask for, pending or decided */
  extension?: Extension;
  /** what the handler reported on 办结, with photos (required of a department) */
  result?: string;
  resultPhotos?: string[];
  resolvedBy?: string;
  /** the due time a due-soon notice was sent for (one notice per deadline) */
  remindedDueAt?: string;
}

export interface Extension {
  dueAt: string;
  reason: string;
  at: string;
  byId: string;
  status: 'pending' | 'approved' | 'refused';
  decidedAt?: string;
  decidedBy?: string;
  note?: string;
}

export interface EventItem {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  action: string;
  from: RequestStatus | null;
  to: RequestStatus;
  level: Level;
  note?: string;
}

const AUTO_CLOSE_DAYS = 7;
export const DUE_SHARDS = OUTBOX_SHARDS;

const strip = (i: Record<string, unknown>) => fromItem<Record<string, unknown>>(i);

/** The full item (keys and index attributes derived from state): the one place they are decided. */
export function requestItem(r: RequestItem) {
  const open = isOpen(r.status);
  const shard = shardOf(r.id);
  let gsi3 = {};
  if (open && r.dueAt) gsi3 = keys.due(shard, r.dueAt, r.id);
  // not signed for yet: the 报到 deadline while it comes first (the SLA one takes over after the sweep)
  if (r.status === 'dispatched' && r.signDueAt && !r.signedAt && !r.signOverdue && (!r.dueAt || r.signDueAt <= r.dueAt))
    gsi3 = keys.deptSignDue(shard, r.signDueAt, r.id);
  if (r.status === 'resolved' && r.resolvedAt) {
    const closeAt = new Date(Date.parse(r.resolvedAt) + AUTO_CLOSE_DAYS * 86400_000).toISOString();
    gsi3 = keys.autoClose(shard, closeAt, r.id);
  }
  return {
    ...keys.request(r.id),
    ...keys.requestsBy(r.reporterId, r.createdAt, r.id),
    ...keys.inbox(r.inbox, r.createdAt, r.id),
    ...gsi3,
    type: 'request',
    ...r,
  };
}

export const isOpen = (s: RequestStatus) => isOpenState(REQUEST_WORKFLOW, s);

export async function getRequest(id: string): Promise<RequestItem | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.request(id) }));
  return Item ? (strip(Item) as unknown as RequestItem) : undefined;
}

/** One Query: the request, its timeline (oldest first) and its joiners. */
export async function getRequestWithTimeline(id: string) {
  const items = await readPartition(keys.requestPartition(id));
  const req = items.find((i) => i.SK === keys.request(id).SK);
  if (!req) return undefined;
  return {
    request: strip(req) as unknown as RequestItem,
    events: items.filter((i) => i.type === 'event').map((i) => strip(i) as unknown as EventItem),
  };
}

export function eventPut(requestId: string, e: EventItem) {
  return { Put: { TableName: table(), Item: { ...keys.requestEvent(requestId, e.at, e.id), type: 'event', ...e } } };
}

/** Replace the request item if it is still at `expected` version and status. */
export const requestReplace = (next: RequestItem, expected: { version: number; status: RequestStatus }) =>
  conditionalPut(requestItem(next), expected);

export const requestCreatePut = (r: RequestItem) => conditionalPut(requestItem(r));

export function openIndexPut(r: RequestItem) {
  const building = r.gridPath[5];
  return {
    Put: {
      TableName: table(),
      Item: {
        ...keys.openInBuilding(building, r.category, r.id),
        type: 'openreq',
        requestId: r.id,
        createdAt: r.createdAt,
      },
    },
  };
}
export function openIndexDelete(r: RequestItem) {
  return { Delete: { TableName: table(), Key: keys.openInBuilding(r.gridPath[5], r.category, r.id) } };
}

export function joinPut(r: RequestItem, userId: string, at: string) {
  return {
    Put: {
      TableName: table(),
      Item: {
        ...keys.requestJoin(r.id, userId),
        ...keys.requestsBy(userId, at, r.id),
        type: 'join',
        requestId: r.id,
        userId,
        createdAt: at,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

export { transact } from './transact';

export async function openRequestIdsInBuilding(buildingId: string, category: string): Promise<string[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.openInBuildingPk(buildingId, category) },
      Limit: 10,
    }),
  );
  return (out.Items ?? []).map((i) => i.requestId as string);
}

export async function getRequests(ids: string[]): Promise<RequestItem[]> {
  if (!ids.length) return [];
  const out = await db().send(
    new BatchGetCommand({ RequestItems: { [table()]: { Keys: [...new Set(ids)].map((id) => keys.request(id)) } } }),
  );
  const byId = new Map(
    (out.Responses?.[table()] ?? []).map((i) => [i.id as string, strip(i) as unknown as RequestItem]),
  );
  return ids.map((id) => byId.get(id)).filter((r): r is RequestItem => !!r);
}

/** A user's requests: own items and join markers, newest first; join markers resolved in one BatchGet. */
export async function listMine(userId: string, page: PageRequest, status?: RequestStatus) {
  const p = await queryPage({ index: 'GSI1', pk: keys.requestsByPk(userId), newestFirst: true }, page, (i) => i);
  const ids = p.items.map((i) => (i.type === 'join' ? (i.requestId as string) : (i.id as string)));
  let items = await getRequests(ids);
  if (status) items = items.filter((r) => r.status === status);
  return { items, nextCursor: p.nextCursor };
}

export function listInbox(owner: string | string[], page: PageRequest, status?: RequestStatus) {
  const filter = statusFilter(status);
  // several inboxes (staff serving several grids): one page merged newest first
  const owners = typeof owner === 'string' ? [owner] : owner;
  return queryMerged(
    { index: 'GSI2', newestFirst: true, sources: owners.map((o) => ({ pk: keys.inboxPk(o), filter })) },
    page,
    (i) => strip(i) as unknown as RequestItem,
  );
}

/** Requests due by `now` in one shard: past their SLA ('sla') or unrated long enough to auto-close. */
export function dueRequests(kind: 'sla' | 'autoClose', shard: number, now: string, limit = 50) {
  return dueItems(kind === 'sla' ? keys.duePk(shard) : keys.autoClosePk(shard), now, limit);
}

/** Dispatched requests whose 报到 deadline passed by `now`, in one shard. */
export const signOverdueRequests = (shard: number, now: string, limit = 50) =>
  dueItems(keys.deptSignDuePk(shard), now, limit);

/** Due items of one GSI3 partition up to `now` (SLA sweep / auto-close). */
async function dueItems(pk: string, now: string, limit = 50): Promise<RequestItem[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'GSI3',
      KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK <= :now',
      ExpressionAttributeValues: { ':pk': pk, ':now': `${now}#~` },
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((i) => strip(i) as unknown as RequestItem);
}

/** Open requests falling due between `now` and `until` not yet reminded of this deadline, in one shard. */
export async function dueSoonRequests(shard: number, now: string, until: string, limit = 50) {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'GSI3',
      KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK BETWEEN :now AND :until',
      FilterExpression: 'attribute_not_exists(remindedDueAt) OR remindedDueAt <> dueAt',
      ExpressionAttributeValues: { ':pk': keys.duePk(shard), ':now': now, ':until': `${until}#~` },
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((i) => strip(i) as unknown as RequestItem);
}

export interface DeptLateItem {
  requestId: string;
  reason: 'sign' | 'deadline';
  departmentId: string;
  communityId: string;
  categoryName: string;
  since: string;
  dueAt: string | null;
}

/** Puts a request into its street's overdue-department list (in the sweep's transaction). */
export const deptLatePut = (r: RequestItem, reason: DeptLateItem['reason'], since: string) => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.deptLate(r.gridPath[1], r.id, reason),
      type: 'deptlate',
      requestId: r.id,
      reason,
      departmentId: r.departmentId ?? '',
      communityId: r.gridPath[2],
      categoryName: r.categoryName,
      since,
      dueAt: r.dueAt,
    },
  },
});

export const deptLateDeletes = (r: RequestItem) =>
  (r.deptLate ?? []).map((reason) => ({
    Delete: { TableName: table(), Key: keys.deptLate(r.gridPath[1], r.id, reason) },
  }));

/** A street's requests late at their departments, newest request first. */
export const listDeptLate = (streetId: string, page: PageRequest) =>
  queryPage({ pk: keys.deptLatePk(streetId), newestFirst: true }, page, (i) => fromItem<DeptLateItem>(i, ['type']));
