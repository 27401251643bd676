import { BatchWriteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client';
import { keys } from './keys';
import { queryPage, type PageRequest } from './query';
import type { Notice } from './outbox';

export function listMessages(userId: string, page: PageRequest) {
  return queryPage({ pk: keys.user(userId).PK, skBeginsWith: keys.messagesPrefix(), newestFirst: true }, page, (i) => ({
    id: i.id as string,
    title: i.title as string,
    body: i.body as string,
    page: i.page as string,
    at: i.at as string,
    ...(i.kind === 'digest' ? { kind: 'digest' as const, count: i.count as number } : {}),
  }));
}

/** The digest line of a drain window ("您有 5 条新待办"), beside the messages it sums up; idempotent. */
export async function writeDigestMessage(
  userId: string,
  first: { id: string; at: string },
  title: string,
  body: string,
  count: number,
) {
  const id = `${first.id}-digest`;
  await db().send(
    new PutCommand({
      TableName: table(),
      Item: {
        ...keys.message(userId, first.at, id),
        type: 'message',
        kind: 'digest',
        id,
        userId,
        title,
        body: body.slice(0, 200),
        page: '/pkg-staff/pages/inbox/index',
        at: first.at,
        count,
      },
    }),
  );
}

export interface OutboxItem extends Notice {
  id: string;
  attempts: number;
}

export async function pendingOutbox(shard: number, limit = 25): Promise<OutboxItem[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'GSI3',
      KeyConditionExpression: 'GSI3PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.outboxPendingPk(shard) },
      Limit: limit,
    }),
  );
  return (out.Items ?? []) as unknown as OutboxItem[];
}

/** Claims an outbox item for five minutes, so overlapping drains (stream + schedule) send it once. */
export async function claimOutbox(id: string, now: number): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.outbox(id),
        UpdateExpression: 'SET claimedUntil = :until',
        ConditionExpression: 'attribute_exists(GSI3PK) AND (attribute_not_exists(claimedUntil) OR claimedUntil < :now)',
        ExpressionAttributeValues: { ':until': now + 300_000, ':now': now },
      }),
    );
    return true;
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}

/** In-app messages for every recipient; idempotent (the message id derives from the outbox id). */
export async function writeMessages(n: OutboxItem) {
  const puts = n.userIds.map((userId) => ({
    PutRequest: {
      Item: {
        ...keys.message(userId, n.at, n.id),
        type: 'message',
        id: n.id,
        userId,
        title: n.title,
        body: n.body,
        page: n.page,
        at: n.at,
      },
    },
  }));
  for (let i = 0; i < puts.length; i += 25) {
    await db().send(new BatchWriteCommand({ RequestItems: { [table()]: puts.slice(i, i + 25) } }));
  }
}

/** Leaves the pending index (GSI3 attributes removed) with the delivery outcome recorded. */
export async function markSent(
  id: string,
  outcome: { sent: number; failed: number; reason?: string; digested?: number },
  now: string,
) {
  await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.outbox(id),
      UpdateExpression:
        'REMOVE GSI3PK, GSI3SK SET sentAt = :now, delivered = :d, failures = :f, reason = :r, digested = :g ' +
        'ADD attempts :one',
      ExpressionAttributeValues: {
        ':now': now,
        ':d': outcome.sent,
        ':f': outcome.failed,
        ':r': outcome.reason ?? null,
        ':g': outcome.digested ?? 0,
        ':one': 1,
      },
    }),
  );
}

/**
 * Who serves a grid, for staff notices: one Query of the grid's partition (its item's routed
 * `staffIds` and its active staff assignments — community admins included).
 */
export async function staffOfGrid(gridId: string): Promise<string[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.gridPartition(gridId) },
    }),
  );
  const ids = new Set<string>();
  for (const i of out.Items ?? []) {
    if (i.type === 'grid') for (const u of (i.staffIds as string[] | undefined) ?? []) ids.add(u);
    if (i.type === 'staff' && (i.status ?? 'active') === 'active') ids.add(i.userId as string);
  }
  return [...ids];
}

/** Registers a department member for its notices: one conditional Put (refused once registered). */
export async function rememberDeptMember(departmentId: string, userId: string, now: string) {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.deptMember(departmentId, userId), type: 'deptmember', departmentId, userId, since: now },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch (e) {
    if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
  }
}

/** The members of a department (one Query). */
export async function membersOfDepartment(departmentId: string): Promise<string[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.deptMembersPk(departmentId) },
    }),
  );
  return (out.Items ?? []).map((i) => i.userId as string);
}
