import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Consent, ProxyStatus } from '@gridlink/shared/proxy';
import { db, table } from './client';
import { conditionalPut, fromItem } from './item';
import { keys } from './keys';
import { readPartition } from './partition';
import { queryMerged, queryPage, type PageRequest } from './query';
import { getMany } from './batch';
import { shardOf } from './outbox';

export interface ProxyTaskItem {
  id: string;
  status: ProxyStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  kind: 'service' | 'errand';
  serviceCode?: string;
  serviceName?: string;
  description: string;
  communityId: string;
  gridPath: string[];
  deadline: string;
  requesterId: string;
  requesterName: string;
  recipientId: string;
  recipientName: string;
  /** the recipient's unit, community downwards (masked readers see the community only) */
  recipientAddress: string;
  consent: Consent & { by: string; byName: string; at: string };
  agentId?: string;
  agentName?: string;
  claimedAt?: string;
  result?: { note: string; applicationId?: string; photos: string[] };
  confirmedBy?: { id: string; name: string; role: string; at: string };
  rating?: { stars: number; comment?: string; at: string };
  unclaimedAlerted?: boolean;
}

export interface CareProfileItem {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  gridPath: string[];
  communityId: string;
  needs: string[];
  note?: string;
  registeredBy: string;
  createdAt: string;
  version: number;
}

const strip = (i: Record<string, unknown>) => fromItem<Record<string, unknown>>(i);

/** Index attributes follow the state: hall + due while open, the agent's list once claimed. */
export function taskItem(t: ProxyTaskItem) {
  const open = t.status === 'open';
  return {
    ...keys.proxyTask(t.id),
    ...keys.tasksRequested(t.requesterId, t.createdAt, t.id),
    ...(open
      ? keys.taskHall(t.communityId, t.deadline, t.id)
      : t.agentId
        ? keys.agentTasks(t.agentId, t.claimedAt ?? t.updatedAt, t.id)
        : {}),
    ...(open && !t.unclaimedAlerted ? keys.taskDue(shardOf(t.id), t.deadline, t.id) : {}),
    type: 'proxy_task',
    ...t,
  };
}

export const taskPut = (t: ProxyTaskItem, expected?: { version: number; status: ProxyStatus }) =>
  conditionalPut(taskItem(t), expected);

export const taskEventPut = (
  taskId: string,
  e: {
    id: string;
    at: string;
    actorId: string;
    actorName: string;
    action: string;
    from: ProxyStatus | null;
    to: ProxyStatus;
    note?: string;
  },
) => ({
  Put: { TableName: table(), Item: { ...keys.proxyEvent(taskId, e.at, e.id), type: 'task_event', ...e } },
});

export const taskForPut = (t: ProxyTaskItem) => ({
  Put: {
    TableName: table(),
    Item: { ...keys.taskFor(t.id, t.recipientId, t.createdAt), type: 'task_for', taskId: t.id },
  },
});

export const liveTaskPut = (t: ProxyTaskItem) => ({
  Put: {
    TableName: table(),
    Item: { ...keys.liveTask(t.recipientId, t.agentId!), type: 'livetask', taskId: t.id, since: t.claimedAt },
  },
});
export const liveTaskDelete = (t: ProxyTaskItem) => ({
  Delete: { TableName: table(), Key: keys.liveTask(t.recipientId, t.agentId!) },
});

export async function getTask(id: string): Promise<ProxyTaskItem | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.proxyTask(id) }));
  return Item ? (strip(Item) as unknown as ProxyTaskItem) : undefined;
}

export async function getTaskWithTimeline(id: string) {
  const items = await readPartition(keys.proxyTaskPartition(id));
  const task = items.find((i) => i.SK === keys.proxyTask(id).SK);
  if (!task) return undefined;
  return {
    task: strip(task) as unknown as ProxyTaskItem,
    events: items.filter((i) => i.type === 'task_event').map(strip),
  };
}

/** 任务大厅 of the communities served (several: one page merged by deadline) */
export function listHall(communityIds: readonly string[], page: PageRequest) {
  return queryMerged(
    { index: 'GSI2', sources: communityIds.map((c) => ({ pk: keys.taskHallPk(c) })) },
    page,
    (i) => strip(i) as unknown as ProxyTaskItem,
  );
}
export function listAgentTasks(agentId: string, page: PageRequest) {
  return queryPage(
    { index: 'GSI2', pk: keys.agentTasksPk(agentId), newestFirst: true },
    page,
    (i) => strip(i) as unknown as ProxyTaskItem,
  );
}
export async function listRequested(userId: string, page: PageRequest) {
  const p = await queryPage({ index: 'GSI1', pk: keys.tasksRequestedPk(userId), newestFirst: true }, page, (i) =>
    i.type === 'task_for' ? (i.taskId as string) : (i.id as string),
  );
  const items = await getMany(p.items.map((id) => keys.proxyTask(id)));
  return { items: items.map((i) => strip(i) as unknown as ProxyTaskItem), nextCursor: p.nextCursor };
}

export async function dueOpenTasks(shard: number, now: string) {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'GSI3',
      KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK <= :now',
      ExpressionAttributeValues: { ':pk': keys.taskDuePk(shard), ':now': `${now}#~` },
      Limit: 50,
    }),
  );
  return (out.Items ?? []).map((i) => strip(i) as unknown as ProxyTaskItem);
}

/** The care partition: profile, family links and live-task markers in one Query. */
export async function getCare(recipientId: string) {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.carePartition(recipientId) },
    }),
  );
  const items = out.Items ?? [];
  const profile = items.find((i) => i.SK === keys.careProfile(recipientId).SK);
  return {
    profile: profile ? (strip(profile) as unknown as CareProfileItem) : undefined,
    family: items
      .filter((i) => i.type === 'family')
      .map((i) => ({
        userId: i.userId as string,
        name: i.name as string,
        status: i.status as 'pending' | 'confirmed',
      })),
  };
}

export function careProfilePut(c: CareProfileItem) {
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.careProfile(c.id), ...keys.careList(c.communityId, c.name, c.id), type: 'care', ...c },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/**
 * 帮扶对象 of the grids a worker serves: per community, the whole list or only the profiles under
 * the grids named (`gridIds`); several communities are merged in name order.
 */
export function listCare(scopes: { communityId: string; gridIds?: string[] }[], page: PageRequest) {
  const sources = scopes.map(({ communityId, gridIds }) => {
    const values: Record<string, unknown> = {};
    (gridIds ?? []).forEach((g, i) => (values[`:g${i}`] = g));
    return {
      pk: keys.careListPk(communityId),
      filter: gridIds?.length
        ? {
            FilterExpression: gridIds.map((_, i) => `contains(gridPath, :g${i})`).join(' OR '),
            ExpressionAttributeValues: values,
          }
        : undefined,
    };
  });
  return queryMerged({ index: 'GSI1', sources }, page, (i) => strip(i) as unknown as CareProfileItem);
}

export async function getAgentStats(agentId: string) {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.agentStats(agentId) }));
  return {
    tasksDone: (Item?.tasksDone as number) ?? 0,
    ratings: (Item?.ratings as number) ?? 0,
    ratingSum: (Item?.ratingSum as number) ?? 0,
  };
}

export function agentStatsAdd(agentId: string, deltas: Record<string, number>, now: string) {
  const entries = Object.entries(deltas);
  return {
    Update: {
      TableName: table(),
      Key: keys.agentStats(agentId),
      UpdateExpression: `ADD ${entries.map((_, i) => `#k${i} :v${i}`).join(', ')} SET #t = :t, updatedAt = :now`,
      ExpressionAttributeNames: Object.fromEntries([...entries.map(([k], i) => [`#k${i}`, k]), ['#t', 'type']]),
      ExpressionAttributeValues: Object.fromEntries([
        ...entries.map(([, v], i) => [`:v${i}`, v]),
        [':t', 'agent_stats'],
        [':now', now],
      ]),
    },
  };
}

/** Marks an open task as alerted (once) and takes it off the due index, if still open at that version. */
export const unclaimedAlertedUpdate = (t: ProxyTaskItem) => ({
  Update: {
    TableName: table(),
    Key: keys.proxyTask(t.id),
    UpdateExpression: 'SET unclaimedAlerted = :t REMOVE GSI3PK, GSI3SK',
    ConditionExpression: '#s = :open AND version = :v',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':t': true, ':open': 'open', ':v': t.version },
  },
});
