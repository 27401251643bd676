/**
 * Idempotency-Key for creating POSTs. The first request claims the key (a conditional write that
 * also counts the call in the route's rate window); a retry with the same body gets the first
 * answer (waiting briefly while it is still being made); the same key with another body is refused
 * (422). Records expire after 24 h (data/idempotency.ts).
 */
import { createHash } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  claimAnswered,
  claimKey,
  readKey,
  releaseKey,
  storeAnswer,
  type Answer,
  type Claim,
} from '../data/idempotency';
import { DomainError, badRequest, statusOf } from './errors';
import { toErrorResponse } from './error-response';
import { rateLimited, rateWindowOf } from './rate-limit';
import type { Req } from './context';

const WAIT_MS = 8000;

const hashOf = (body: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
const keyOf = (r: Req) => ({ scope: r.ctx!.actor?.id ?? 'anon', key: r.ctx!.idempotencyKey! });
const answerOf = (res: APIGatewayProxyStructuredResultV2): Answer => ({
  statusCode: res.statusCode ?? 200,
  headers: (res.headers ?? {}) as Record<string, string>,
  body: res.body ?? '',
});

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
  const claim: Claim = { ...keyOf(r), bodyHash, route: ctx.route.id, createdAt: ctx.now };
  const outcome = await claimKey(claim, rateWindowOf(ctx));
  if (outcome === 'claimed') {
    ctx.idempotencyOwned = true;
    ctx.rateCounted = true;
    return; // we own the key: run the action
  }
  if (outcome === 'rate_limited') {
    // as if claimed and then refused: the 429 is this key's answer, for its retries too
    const err = rateLimited();
    if (await claimAnswered(claim, answerOf(toErrorResponse(err)))) throw err;
  }
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const rec = await readKey(claim);
    if (!rec) throw new DomainError('CONFLICT', '上一次请求失败，请重试');
    if (rec.bodyHash !== bodyHash || rec.route !== ctx.route.id)
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', '同一个 Idempotency-Key 不能用于不同的请求内容');
    if (rec.answer) {
      ctx.replay = rec.answer;
      return;
    }
    if (Date.now() > deadline) throw new DomainError('CONFLICT', '相同的请求正在处理中，请稍后重试');
    await new Promise((res) => setTimeout(res, 50));
  }
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
      return await storeAnswer(keyOf(r), answerOf(r.response));
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
  if (err instanceof DomainError && statusOf(err) < 500)
    return storeAnswer(keyOf(r), answerOf(toErrorResponse(err))).catch(() => release(r));
  return release(r);
}

/** Frees the key (a few tries: a failing dependency is why we are here). A key that could not be
 *  freed stays claimed only until its lease ends, then a retry may claim it again. */
async function release(r: Req) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await releaseKey(keyOf(r));
    } catch {
      /* try again */
    }
  }
}
