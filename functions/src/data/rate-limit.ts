/**
 * Fixed one-minute rate windows: one counter item per caller scope and minute, expired by TTL.
 * The count is a conditional ADD, so it fits in a transaction too (the idempotency claim folds it in).
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client';
import { keys } from './keys';

export interface RateWindow {
  /** `<route id>:<caller>` */
  scope: string;
  /** minutes since the epoch */
  window: number;
  /** calls allowed in the window */
  limit: number;
}

/** Counts one call in the window, refused (ConditionalCheckFailed) once the window is full. */
export function rateCount(w: RateWindow) {
  return {
    TableName: table(),
    Key: keys.rate(w.scope, w.window),
    UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :exp), #t = :type',
    ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
    ExpressionAttributeNames: { '#t': 'type' },
    ExpressionAttributeValues: { ':one': 1, ':exp': (w.window + 2) * 60, ':type': 'rate', ':limit': w.limit },
  };
}

/** One conditional ADD: true when the call fits in the window, false when the window is full. */
export async function countCall(w: RateWindow): Promise<boolean> {
  try {
    await db().send(new UpdateCommand(rateCount(w)));
    return true;
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}
