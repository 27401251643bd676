/**
 * Ratings you can trust (issue 14): the burst counter of a grid's minute, the devices seen with staff
 * tokens, and the street's list of flagged ratings. Device ids are kept only as a SHA-256 hash, with a
 * TTL (SECURITY.md).
 */
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client';
import { fromItem } from './item';
import { keys } from './keys';
import { queryPage, type PageRequest } from './query';

export type FlagReason = 'staff_role' | 'staff_device' | 'burst' | 'worker_all_five';

export interface FlaggedRatingItem {
  requestId: string;
  at: string;
  stars: number;
  reasons: FlagReason[];
  communityId: string;
  gridId: string;
  categoryName: string;
  raterRole: string;
  /** the staff member who resolved the request (the one rated) */
  workerId?: string;
}

export const deviceHash = (deviceId: string) =>
  createHash('sha256').update(`gridlink-device:${deviceId}`).digest('hex');

/** Counts one rating in its grid's minute; the count so far, this one included (TTL 10 minutes). */
export async function countRatingMinute(gridId: string, at: string): Promise<number> {
  const minute = at.slice(0, 16);
  const out = await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.ratingMinute(gridId, minute),
      UpdateExpression: 'ADD n :one SET expiresAt = if_not_exists(expiresAt, :exp), #t = :type',
      ExpressionAttributeNames: { '#t': 'type' },
      ExpressionAttributeValues: {
        ':one': 1,
        ':exp': Math.floor(Date.parse(at) / 1000) + 600,
        ':type': 'ratemin',
      },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(out.Attributes?.n ?? 1);
}

/**
 * Remembers a device seen with a staff token: one conditional Put, refused (and ignored) while the
 * device is remembered already. Returns whether it wrote.
 */
export async function rememberStaffDevice(hash: string, role: string, now: string, days: number): Promise<boolean> {
  const nowSec = Math.floor(Date.parse(now) / 1000);
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: {
          ...keys.staffDevice(hash),
          type: 'staffdevice',
          role,
          firstSeen: now,
          expiresAt: nowSec + days * 86400,
        },
        ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :now',
        ExpressionAttributeValues: { ':now': nowSec },
      }),
    );
    return true;
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}

/** Was this device seen with a staff token (and not yet expired)? */
export async function isStaffDevice(hash: string, now: string): Promise<boolean> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.staffDevice(hash) }));
  return !!Item && Number(Item.expiresAt) >= Math.floor(Date.parse(now) / 1000);
}

/** The flagged rating in its street's list, for the rating's transaction. */
export const flaggedRatingPut = (streetId: string, f: FlaggedRatingItem) => ({
  Put: { TableName: table(), Item: { ...keys.flaggedRating(streetId, f.at, f.requestId), type: 'flagged', ...f } },
});

export const listFlaggedRatings = (streetId: string, page: PageRequest) =>
  queryPage({ pk: keys.flaggedRatingsPk(streetId), newestFirst: true }, page, (i) => fromItem<FlaggedRatingItem>(i));
