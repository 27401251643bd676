import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../data/client';
import { keys } from '../data/keys';
import { DomainError } from './errors';
import type { RequestContext } from './context';

/**
 * Fixed one-minute window per caller (user id, else source IP) and route: one atomic ADD.
 * Windows expire by TTL. Only sign-in and creating routes carry a limit.
 */
export async function checkRateLimit(ctx: RequestContext) {
  // RATE_LIMIT_SCALE lets the test suites, which sign in hundreds of times a minute, raise every limit
  const limit = ctx.route.rateLimit! * Number(process.env.RATE_LIMIT_SCALE || 1);
  const caller = ctx.actor?.id ?? ctx.event.requestContext?.http?.sourceIp ?? 'unknown';
  const window = Math.floor(Date.now() / 60000);
  const out = await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.rate(`${ctx.route.id}:${caller}`, window),
      UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :exp), #t = :type',
      ExpressionAttributeNames: { '#t': 'type' },
      ExpressionAttributeValues: { ':one': 1, ':exp': (window + 2) * 60, ':type': 'rate' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  if ((out.Attributes?.hits as number) > limit) throw new DomainError('RATE_LIMITED', '操作过于频繁，请稍后再试');
}
