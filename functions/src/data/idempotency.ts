/**
 * Idempotency records: one item per caller and Idempotency-Key, claimed before the action runs
 * (in progress, with a lease), then holding the answer to replay. Expire after 24 h (TTL).
 */
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client';
import { keys } from './keys';
import { rateCount, type RateWindow } from './rate-limit';

const TTL_SECONDS = 24 * 3600;
/** a claim whose owner died without answering may be taken over once its lease is over */
const LEASE_MS = 5 * 60_000;

export interface Claim {
  /** whose key it is (the user id, or 'anon') */
  scope: string;
  key: string;
  bodyHash: string;
  route: string;
  createdAt: string;
}

export interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export interface IdempotencyRecord {
  status: 'in_progress' | 'done';
  bodyHash: string;
  route: string;
  answer?: Answer;
}

const keyOf = (c: Pick<Claim, 'scope' | 'key'>) => keys.idempotency(c.scope, c.key);

function claimPut(c: Claim, answer?: Answer) {
  const now = Date.now();
  return {
    TableName: table(),
    Item: {
      ...keyOf(c),
      type: 'idempotency',
      status: answer ? 'done' : 'in_progress',
      bodyHash: c.bodyHash,
      route: c.route,
      createdAt: c.createdAt,
      leaseUntil: now + LEASE_MS,
      expiresAt: Math.floor(now / 1000) + TTL_SECONDS,
      ...(answer ? { statusCode: answer.statusCode, headers: answer.headers, responseBody: answer.body } : {}),
    },
    ConditionExpression: 'attribute_not_exists(PK) OR (#s = :p AND leaseUntil < :now)',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':p': 'in_progress', ':now': now },
  };
}

const isCheckFailed = (e: unknown) => (e as Error).name === 'ConditionalCheckFailedException';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Claims the key, and with `rate` counts the call in its rate window in the same write (one
 * transaction: a replay, which never gets the claim, is never counted). 'taken': another request
 * holds or answered the key; 'rate_limited': the key was free but the window is full (nothing written).
 */
export async function claimKey(c: Claim, rate?: RateWindow): Promise<'claimed' | 'taken' | 'rate_limited'> {
  if (!rate) {
    try {
      await db().send(new PutCommand(claimPut(c)));
      return 'claimed';
    } catch (e) {
      if (isCheckFailed(e)) return 'taken';
      throw e;
    }
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: [{ Put: claimPut(c) }, { Update: rateCount(rate) }] }));
      return 'claimed';
    } catch (e) {
      if ((e as Error).name !== 'TransactionCanceledException') throw e;
      const [claim, count] = ((e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map(
        (r) => r.Code,
      );
      if (claim === 'ConditionalCheckFailed') return 'taken';
      if (count === 'ConditionalCheckFailed') return 'rate_limited';
      // TransactionConflict: a concurrent write on the key or the window (real DynamoDB only)
      if (attempt >= 5) throw e;
      await sleep(5 + Math.random() * 20 * attempt);
    }
  }
}

/** Claims the key already answered (an answer decided before any action ran). False when taken. */
export async function claimAnswered(c: Claim, answer: Answer): Promise<boolean> {
  try {
    await db().send(new PutCommand(claimPut(c, answer)));
    return true;
  } catch (e) {
    if (isCheckFailed(e)) return false;
    throw e;
  }
}

export async function readKey(c: Pick<Claim, 'scope' | 'key'>): Promise<IdempotencyRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keyOf(c), ConsistentRead: true }));
  if (!Item) return undefined;
  return {
    status: Item.status,
    bodyHash: Item.bodyHash,
    route: Item.route,
    ...(Item.status === 'done'
      ? { answer: { statusCode: Item.statusCode, headers: Item.headers, body: Item.responseBody } }
      : {}),
  };
}

/** The answer of a claimed key, for its retries. */
export async function storeAnswer(c: Pick<Claim, 'scope' | 'key'>, answer: Answer) {
  await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keyOf(c),
      UpdateExpression: 'SET #s = :done, statusCode = :c, headers = :h, responseBody = :b',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':done': 'done', ':c': answer.statusCode, ':h': answer.headers, ':b': answer.body },
    }),
  );
}

/** Frees a claimed key that has no answer (a key answered meanwhile stays). */
export async function releaseKey(c: Pick<Claim, 'scope' | 'key'>) {
  try {
    await db().send(
      new DeleteCommand({
        TableName: table(),
        Key: keyOf(c),
        ConditionExpression: '#s = :p',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':p': 'in_progress' },
      }),
    );
  } catch (e) {
    if (!isCheckFailed(e)) throw e;
  }
}
