/**
 * The grid worker's day in the table (issue 14): patrols with their track chunks, grid setups (fence,
 * key points, plan), attendance and leave, point-calls and visits. Every list is a Query.
 * Tracks are personal data: the patrol item and its chunks carry the TTL attribute (expiresAt).
 */
import { GetCommand, QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { TRACK_RETENTION_DAYS, type GridGeo, type LocationFlag } from '@gridlink/shared/patrol';
import { tableDef } from './table-def';
import { getMany } from './batch';
import { db, table } from './client';
import { conditionalPut, fromItem } from './item';
import { patrolKeys as k } from './keys';
import { queryPage, type PageRequest } from './query';

/** epoch seconds after which DynamoDB's TTL deletes a track (retention: SECURITY.md) */
export const trackExpiry = (startedAt: string) =>
  Math.floor(Date.parse(startedAt) / 1000) + TRACK_RETENTION_DAYS * 86400;
const TTL = tableDef.ttlAttribute;

export interface PatrolItem {
  id: string;
  status: 'active' | 'finished' | 'closed';
  version: number;
  updatedAt: string;
  workerId: string;
  workerName: string;
  gridId: string;
  gridName: string;
  /** district … the worker's grid */
  gridPath: string[];
  startedAt: string;
  endedAt: string | null;
  minutes: number;
  points: number;
  /** the latest point by time */
  last?: { seq: number; at: string; lat: number; lng: number };
  checkins: { pointId: string; name: string; at: string; by: 'location' | 'qr' }[];
  events: { reported: number; selfHandled: number; requestIds: string[] };
  flags: LocationFlag[];
  flagCount: number;
  chunks: string[];
}

export function patrolItem(p: PatrolItem) {
  const active = p.status === 'active';
  return {
    ...k.patrol(p.id),
    ...k.patrolsBy(p.workerId, p.startedAt, p.id),
    ...(active ? k.patrolsOn(p.gridPath, p.startedAt, p.id) : {}),
    ...(active ? k.patrolOpen(p.startedAt, p.id) : {}),
    type: 'patrol',
    [TTL]: trackExpiry(p.startedAt),
    ...p,
  };
}

export const patrolPut = (p: PatrolItem, expected?: { version: number; status: string }) =>
  conditionalPut(patrolItem(p), expected);

const get = async (key: { PK: string; SK: string }) =>
  (await db().send(new GetCommand({ TableName: table(), Key: key }))).Item;

async function queryAll(input: Omit<QueryCommandInput, 'TableName'>) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out: QueryCommandOutput = await db().send(
      new QueryCommand({ TableName: table(), ...input, ExclusiveStartKey: start }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

const byPk = (pk: string, prefix?: string) =>
  queryAll({
    KeyConditionExpression: prefix ? 'PK = :pk AND begins_with(SK, :sk)' : 'PK = :pk',
    ExpressionAttributeValues: { ':pk': pk, ...(prefix ? { ':sk': prefix } : {}) },
  });

const below = (index: 'GSI3', pk: string, before: string) =>
  queryAll({
    IndexName: index,
    KeyConditionExpression: `${index}PK = :pk AND ${index}SK < :b`,
    ExpressionAttributeValues: { ':pk': pk, ':b': before },
  });

export async function getPatrol(id: string) {
  const it = await get(k.patrol(id));
  return it ? fromItem<PatrolItem>(it, [TTL]) : undefined;
}

/** One track chunk: the points of a 10-minute bucket, as compact text (seq,epochSec,lat,lng[,acc] per line). */
export interface ChunkItem {
  patrolId: string;
  bucket: string;
  v: number;
  n: number;
  pts: string;
}

export async function getChunks(patrolId: string, buckets: readonly string[]) {
  const items = await getMany(buckets.map((b) => k.chunk(patrolId, b)));
  return new Map(items.map((i) => [String(i.bucket), fromItem<ChunkItem>(i, [TTL])]));
}

export async function allChunks(patrolId: string) {
  return (await byPk(k.patrolPk(patrolId), k.chunkPrefix())).map((i) => fromItem<ChunkItem>(i, [TTL]));
}

export const chunkPut = (c: ChunkItem, startedAt: string) => ({
  Put: {
    TableName: table(),
    Item: { ...k.chunk(c.patrolId, c.bucket), type: 'trackChunk', [TTL]: trackExpiry(startedAt), ...c },
    ConditionExpression: c.v === 1 ? 'attribute_not_exists(PK)' : 'v = :v',
    ...(c.v === 1 ? {} : { ExpressionAttributeValues: { ':v': c.v - 1 } }),
  },
});

export const activePut = (userId: string, patrolId: string) => ({
  Put: {
    TableName: table(),
    Item: { ...k.activePatrol(userId), type: 'patrolActive', patrolId },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});
export const activeDelete = (userId: string) => ({ Delete: { TableName: table(), Key: k.activePatrol(userId) } });
export async function activePatrolId(userId: string) {
  return (await get(k.activePatrol(userId)))?.patrolId as string | undefined;
}

export function patrolsOfWorker(userId: string, page: PageRequest) {
  return queryPage({ index: 'GSI1', pk: k.patrolsByPk(userId), newestFirst: true }, page, (i) =>
    fromItem<PatrolItem>(i, [TTL]),
  );
}

export function activePatrolsIn(path: readonly string[], page: PageRequest) {
  const prefix = path
    .slice(1)
    .map((id) => `${id}/`)
    .join('');
  return queryPage({ index: 'GSI2', pk: k.patrolsOnPk(path[0]), skBeginsWith: prefix || undefined }, page, (i) =>
    fromItem<PatrolItem>(i, [TTL]),
  );
}

export async function openPatrolsStartedBefore(cutoff: string) {
  return (await below('GSI3', k.patrolOpenPk(), cutoff)).map((i) => fromItem<PatrolItem>(i, [TTL]));
}

/** +1 patrol of a grid on a China day; `first`: the day's marker does not exist yet */
export const patrolDayAdd = (gridId: string, date: string, first: boolean) => ({
  Update: {
    TableName: table(),
    Key: k.patrolDay(gridId, date),
    UpdateExpression: 'ADD patrols :one SET #t = :t, gridId = :g, #d = :d',
    ...(first ? { ConditionExpression: 'attribute_not_exists(PK)' } : {}),
    ExpressionAttributeNames: { '#t': 'type', '#d': 'date' },
    ExpressionAttributeValues: { ':one': 1, ':t': 'patrolDay', ':g': gridId, ':d': date },
  },
});
export async function patrolDays(gridId: string, dates: readonly string[]) {
  const items = await getMany(dates.map((d) => k.patrolDay(gridId, d)));
  return new Map(items.map((i) => [String(i.date), Number(i.patrols ?? 0)]));
}

// ── grid setup: fence, key points, plan ──

export interface KeyPointItem {
  id: string;
  gridId: string;
  name: string;
  lat: number;
  lng: number;
  radiusM: number;
  qrToken: string;
  createdAt: string;
}
export interface PlanItem {
  gridId: string;
  perWeek: number;
  pointIds: string[];
  setBy: string;
  setById: string;
  createdAt: string;
  updatedAt: string;
  lastAlertAt?: string;
}

export async function gridSetup(gridId: string) {
  const items = await byPk(k.gridSetupPk(gridId));
  const geo = items.find((i) => i.SK === 'GEO');
  const plan = items.find((i) => i.SK === 'PLAN');
  return {
    geo: (geo ? fromItem<GridGeo>(geo, ['gridId', 'updatedAt']) : {}) as GridGeo,
    keyPoints: items.filter((i) => i.type === 'keyPoint').map((i) => fromItem<KeyPointItem>(i)),
    plan: plan ? fromItem<PlanItem>(plan) : undefined,
  };
}
export async function gridGeos(gridIds: readonly string[]) {
  const items = await getMany(gridIds.map((g) => k.gridGeo(g)));
  return new Map(items.map((i) => [String(i.gridId), fromItem<GridGeo>(i, ['gridId', 'updatedAt'])]));
}
export const geoPut = (gridId: string, geo: GridGeo, now: string) => ({
  Put: { TableName: table(), Item: { ...k.gridGeo(gridId), type: 'gridGeo', gridId, ...geo, updatedAt: now } },
});
export const keyPointPut = (p: KeyPointItem) => ({
  Put: {
    TableName: table(),
    Item: { ...k.keyPoint(p.gridId, p.id), type: 'keyPoint', ...p },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});
export const keyPointDelete = (gridId: string, id: string) => ({
  Delete: { TableName: table(), Key: k.keyPoint(gridId, id), ConditionExpression: 'attribute_exists(PK)' },
});
export const planPut = (p: PlanItem, existed: boolean) => ({
  Put: {
    TableName: table(),
    Item: { ...k.plan(p.gridId), ...k.plansIdx(p.gridId), type: 'patrolPlan', ...p },
    ConditionExpression: existed ? 'attribute_exists(PK)' : 'attribute_not_exists(PK)',
  },
});
export const planDelete = (gridId: string) => ({
  Delete: { TableName: table(), Key: k.plan(gridId), ConditionExpression: 'attribute_exists(PK)' },
});
export async function allPlans() {
  return (
    await queryAll({
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': k.plansPk() },
    })
  ).map((i) => fromItem<PlanItem>(i));
}
export const planAlerted = (gridId: string, at: string, lastAlertAt?: string) => ({
  Update: {
    TableName: table(),
    Key: k.plan(gridId),
    UpdateExpression: 'SET lastAlertAt = :at',
    ConditionExpression: lastAlertAt ? 'lastAlertAt = :was' : 'attribute_not_exists(lastAlertAt)',
    ExpressionAttributeValues: { ':at': at, ...(lastAlertAt ? { ':was': lastAlertAt } : {}) },
  },
});

// ── attendance and leave ──

export interface Clock {
  at: string;
  lat: number;
  lng: number;
  inFence: boolean;
  distanceM: number | null;
}
export interface AttendanceItem {
  userId: string;
  date: string;
  gridId: string;
  in: Clock | null;
  out: Clock | null;
  flags: string[];
  v: number;
}
export async function attendanceDays(userId: string, keyList: { date: string }[]) {
  const items = await getMany(keyList.map((d) => k.attendanceDay(userId, d.date)));
  return new Map(items.map((i) => [String(i.date), fromItem<AttendanceItem>(i)]));
}
export const attendancePut = (a: AttendanceItem) => ({
  Put: {
    TableName: table(),
    Item: { ...k.attendanceDay(a.userId, a.date), type: 'attendance', ...a },
    ConditionExpression: a.v === 1 ? 'attribute_not_exists(PK)' : 'v = :v',
    ...(a.v === 1 ? {} : { ExpressionAttributeValues: { ':v': a.v - 1 } }),
  },
});
export const leaveDayPut = (userId: string, date: string, leaveId: string) => ({
  Put: { TableName: table(), Item: { ...k.leaveDay(userId, date), type: 'leaveDay', userId, date, leaveId } },
});
export async function leaveDaysOf(pairs: { userId: string; date: string }[]) {
  const items = await getMany(pairs.map((p) => k.leaveDay(p.userId, p.date)));
  return new Set(items.map((i) => `${i.userId}|${i.date}`));
}
/** a worker's attendance days and leave days of one month: one Query */
export async function monthOf(userId: string, month: string) {
  const items = await byPk(k.attendancePk(userId));
  const inMonth = (i: Record<string, unknown>) => String(i.date ?? '').startsWith(month);
  return {
    days: items.filter((i) => i.type === 'attendance' && inMonth(i)).map((i) => fromItem<AttendanceItem>(i)),
    leave: new Set(items.filter((i) => i.type === 'leaveDay' && inMonth(i)).map((i) => String(i.date))),
  };
}

export interface LeaveItem {
  id: string;
  status: 'pending' | 'approved' | 'refused' | 'cancelled';
  version: number;
  updatedAt: string;
  createdAt: string;
  userId: string;
  userName: string;
  gridId: string;
  gridPath: string[];
  from: string;
  to: string;
  reason: string;
  decidedBy?: string;
  note?: string;
}
export const leaveItem = (l: LeaveItem) => ({
  ...k.leave(l.id),
  ...k.leavesBy(l.userId, l.createdAt, l.id),
  ...(l.status === 'pending' ? k.leavesPending(l.gridPath[2] ?? l.gridPath[0], l.createdAt, l.id) : {}),
  type: 'leave',
  ...l,
});
export async function getLeave(id: string) {
  const it = await get(k.leave(id));
  return it ? fromItem<LeaveItem>(it) : undefined;
}
export const pendingLeaves = (communityId: string, page: PageRequest) =>
  queryPage({ index: 'GSI2', pk: k.leavesPendingPk(communityId) }, page, (i) => fromItem<LeaveItem>(i));
export const leavesOf = (userId: string, page: PageRequest) =>
  queryPage({ index: 'GSI1', pk: k.leavesByPk(userId), newestFirst: true }, page, (i) => fromItem<LeaveItem>(i));

// ── point-calls ──

export interface PointCallItem {
  id: string;
  status: 'calling' | 'answered' | 'missed';
  version: number;
  updatedAt: string;
  createdAt: string;
  channel: string;
  workerId: string;
  workerName: string;
  gridPath: string[];
  callerId: string;
  callerName: string;
  dueAt: string;
  answeredAt: string | null;
  answer: { photo: string; lat: number; lng: number; source: string } | null;
}
export const pointCallItem = (c: PointCallItem) => ({
  ...k.pointCall(c.id),
  ...k.pointCallsFor(c.workerId, c.createdAt, c.id),
  ...(c.status === 'calling' ? k.pointCallDue(c.dueAt, c.id) : {}),
  type: 'pointCall',
  ...c,
});
export async function getPointCall(id: string) {
  const it = await get(k.pointCall(id));
  return it ? fromItem<PointCallItem>(it) : undefined;
}
export const pointCallsFor = (userId: string, page: PageRequest) =>
  queryPage({ index: 'GSI1', pk: k.pointCallsForPk(userId), newestFirst: true }, page, (i) =>
    fromItem<PointCallItem>(i),
  );
export async function pointCallsDueBefore(now: string) {
  return (await below('GSI3', k.pointCallDuePk(), now)).map((i) => fromItem<PointCallItem>(i));
}

// ── visits ──

export interface VisitItem {
  id: string;
  buildingId: string;
  unitId: string;
  houseNo: string;
  personIds: string[];
  found: string;
  at: string;
  byId: string;
  byName: string;
  gridPath: string[];
}
export const visitPut = (v: VisitItem) => ({
  Put: {
    TableName: table(),
    Item: { ...k.visit(v.buildingId, v.at, v.id), type: 'visit', ...v },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});
/** the last visit of a tagged person: only moves forward in time */
export const visitLastPut = (buildingId: string, personId: string, at: string, visitId: string) => ({
  Update: {
    TableName: table(),
    Key: k.visitLast(buildingId, personId),
    UpdateExpression: 'SET #t = :t, personId = :p, lastVisitedAt = :at, visitId = :v',
    ConditionExpression: 'attribute_not_exists(lastVisitedAt) OR lastVisitedAt < :at',
    ExpressionAttributeNames: { '#t': 'type' },
    ExpressionAttributeValues: { ':t': 'visitLast', ':p': personId, ':at': at, ':v': visitId },
  },
});
export async function lastVisits(buildingId: string) {
  const items = await byPk(k.visitLastPk(buildingId));
  return new Map(items.map((i) => [String(i.personId), String(i.lastVisitedAt)]));
}
export const visitsOf = (buildingId: string, page: PageRequest) =>
  queryPage({ pk: k.visitsPk(buildingId), newestFirst: true }, page, (i) => fromItem<VisitItem>(i));
