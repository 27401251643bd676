import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from './audit';
import type { Duty, Role } from '@gridlink/shared/roles';
import { db, table } from './client';
import { fromItem } from './item';
import { keys } from './keys';

export interface UserItem {
  id: string;
  role: Role;
  name: string;
  unitId?: string;
  /** true once the binding is verified (the unit's QR code, or a grid worker's confirmation) */
  unitVerified?: boolean;
  unitVerifiedBy?: string;
  gridIds?: string[];
  duties?: Duty[];
  departmentId?: string;
  phone?: string;
  idNumber?: string;
  /** WeChat openid (to address subscribe messages); the session key is never stored */
  openid?: string;
  disabled?: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const strip = (i: Record<string, unknown>) => fromItem<UserItem>(i);

export async function getUser(id: string): Promise<UserItem | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.user(id) }));
  return out.Item ? strip(out.Item) : undefined;
}

const readFor = new WeakMap<object, UserItem>();

/** The user item an actor was signed in from: later reads of it in the same request reuse it. */
export const rememberUser = (actor: object, user: UserItem) => void readFor.set(actor, user);

/** The actor's own user item: the one read at sign-in for this request (the actor object is per
 *  request), else a fresh read. */
export async function actorUser(actor: { id: string }): Promise<UserItem | undefined> {
  return readFor.get(actor) ?? getUser(actor.id);
}

export function userItem(u: UserItem) {
  return { ...keys.user(u.id), type: 'user', ...u };
}

export async function getUserIdByOpenid(openid: string): Promise<string | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.openid(openid) }));
  return out.Item?.userId as string | undefined;
}

/** The openid claim and the new user are written together: two logins racing create one user. */
export async function createWechatUser(openid: string, user: UserItem): Promise<'created' | 'exists'> {
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(),
              Item: { ...keys.openid(openid), type: 'openid', userId: user.id, createdAt: user.createdAt },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Put: { TableName: table(), Item: userItem(user), ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
      }),
    );
    return 'created';
  } catch (e) {
    if ((e as Error).name === 'TransactionCanceledException') return 'exists';
    throw e;
  }
}

/** Optimistic update of the bound unit, with its audit record. False when the version moved on. */
export async function setUnit(user: UserItem, unitId: string, actorRole: string, now: string) {
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table(),
              Key: keys.user(user.id),
              UpdateExpression: 'SET unitId = :u, updatedAt = :now, version = version + :one',
              ConditionExpression: 'version = :v',
              ExpressionAttributeValues: { ':u': unitId, ':now': now, ':one': 1, ':v': user.version },
            },
          },
          auditPut({
            actorId: user.id,
            actorRole,
            action: 'user.bindUnit',
            target: `user:${user.id}`,
            from: user.unitId ?? null,
            to: unitId,
            at: now,
          }),
        ],
      }),
    );
    return true;
  } catch (e) {
    if ((e as Error).name === 'TransactionCanceledException') return false;
    throw e;
  }
}
