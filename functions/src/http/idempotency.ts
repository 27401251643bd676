/**
 * Idempotency-Key for creating POSTs. The first request claims the key (conditional put); a retry
 * with the same body gets the first answer (waiting briefly while it is still being made); the
 * same key with another body is refused (422). Records expire after 24 h (TTL).
 */
import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../data/client';
import { keys } from '../data/keys';
import { DomainError, badRequest, statusOf } from './errors';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { toErrorResponse } from './error-response';
import type { Req } from './context';

const TTL_SECONDS = 24 * 3600;
const WAIT_MS = 8000;
const LEASE_MS = 5 * 60_000;

const hashOf = (body: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
const keyOf = (r: Req) => keys.idempotency(r.ctx!.actor?.id ?? 'anon', r.ctx!.idempotencyKey!);

export async function idempotencyBefore(r: Req) {
  const ctx = r.ctx!;
  if (!ctx.route.idempotent) return;
  const header = r.event.headers?.['idempotency-key'];
  if (header === undefined) return;
  if (!/^[A-Za-z0-9_.:-]{8,128}$/.test(header))
    throw badRequest('Idempotency-Key 格式不正确', [
      { path: 'header.idempotency-key', message: '8–128 位字母、数字或 _.:-' },
    ]);
  ctx.idempotencyKey = header;
  const bodyHash = hashOf(ctx.body);
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: {
          ...keyOf(r),
          type: 'idempotency',
          status: 'in_progress',
          bodyHash,
          route: ctx.route.id,
          createdAt: ctx.now,
          leaseUntil: Date.now() + LEASE_MS,
          expiresAt: Math.floor(Date.now() / 1000) + TTL_SECONDS,
        },
        // a claim whose owner died without answering (lease over) may be taken over
        ConditionExpression: 'attribute_not_exists(PK) OR (#s = :p AND leaseUntil < :now)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':p': 'in_progress', ':now': Date.now() },
      }),
    );
    ctx.idempotencyOwned = true;
    return; // we own the key: run the action
  } catch (e) {
    if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
  }
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keyOf(r), ConsistentRead: true }));
    if (!Item) throw new DomainError('CONFLICT', '上一次请求失败，请重试');
    if (Item.bodyHash !== bodyHash || Item.route !== ctx.route.id)
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', '同一个 Idempotency-Key 不能用于不同的请求内容');
    if (Item.status === 'done') {
      ctx.replay = { statusCode: Item.statusCode, headers: Item.headers, body: Item.responseBody };
      return;
    }
    if (Date.now() > deadline) throw new DomainError('CONFLICT', '相同的请求正在处理中，请稍后重试');
    await new Promise((res) => setTimeout(res, 50));
  }
}

async function store(r: Req, res: APIGatewayProxyStructuredResultV2) {
  await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keyOf(r),
      UpdateExpression: 'SET #s = :done, statusCode = :c, headers = :h, responseBody = :b',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':done': 'done',
        ':c': res.statusCode,
        ':h': res.headers ?? {},
        ':b': res.body ?? '',
      },
    }),
  );
}

/**
 * The action is done (its transaction committed): remember the answer. If remembering fails even
 * after retries, the key stays claimed (never released: releasing would let a retry do the action
 * twice) and the client still gets its answer.
 */
export async function idempotencyAfter(r: Req) {
  if (!r.ctx?.idempotencyOwned || !r.response) return;
  if ((r.response.statusCode ?? 200) >= 500) return release(r);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await store(r, r.response);
    } catch {
      /* try again */
    }
  }
}

/**
 * The action failed. A client error (4xx) is an answer too: remember it so retries agree.
 * Anything else frees the key so a retry runs the action again (nothing was written half-way:
 * actions write in one transaction).
 */
export async function idempotencyOnError(r: Req) {
  if (!r.ctx?.idempotencyOwned) return;
  const err = r.error;
  if (err instanceof DomainError && statusOf(err) < 500) return store(r, toErrorResponse(err)).catch(() => release(r));
  return release(r);
}

/** Frees the key (a few tries: a failing dependency is why we are here). A key that could not be
 *  freed stays claimed only until its lease ends, then a retry may claim it again. */
async function release(r: Req) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await db().send(
        new DeleteCommand({
          TableName: table(),
          Key: keyOf(r),
          ConditionExpression: '#s = :p',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':p': 'in_progress' },
        }),
      );
      return;
    } catch (e) {
      if ((e as Error).name === 'ConditionalCheckFailedException') return;
    }
  }
}
