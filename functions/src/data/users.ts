import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, transact } from './transact';
import { queryPage, type PageRequest } from './query';
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
  /** the imported persons a binding by 姓名 + 身份证号 matched (their 迁出 ends the binding) */
  boundPersonIds?: string[];
  gridIds?: string[];
  duties?: Duty[];
  departmentId?: string;
  phone?: string;
  idNumber?: string;
  /** WeChat openid (to address subscribe messages); the session key is never stored */
  openid?: string;
  /** suspended or retired staff: their tokens are refused (auth/authenticate.ts) */
  disabled?: boolean;
  /** staff administration: retired (with a successor); retired staff serve no grid */
  retiredAt?: string;
  /** the hand-over started when they last left grids (a retirement resumes it) */
  lastHandoverId?: string;
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

export interface PendingBindingItem {
  userId: string;
  userName: string;
  unitId: string;
  unitName: string;
  gridPath: string[];
  createdAt: string;
}

export interface UnitChange {
  unitId: string;
  /** district … unit of the new unit */
  path: string[];
  unitName: string;
  verified: boolean;
  /** how it was verified (audited with the masked evidence) */
  method?: 'code' | 'household' | 'phone';
  evidence?: string;
  /** the previous unit's path, when the user was bound before (its pending item is removed) */
  previousPath?: string[];
  /** the persons of the unit a household binding matched (a PBIND pointer each) */
  personIds?: string[];
}

const pendingDelete = (communityId: string, userId: string) => ({
  Delete: { TableName: table(), Key: keys.pendingBinding(communityId, userId) },
});

/**
 * Optimistic update of the bound unit, with its audit record: verified at once (the unit's QR
 * code), or pending with an item in the community's queue for the grid worker. A rebinding drops
 * the previous verification and pending item. False when the version moved on.
 */
export async function setUnit(user: UserItem, change: UnitChange, actorRole: string, now: string) {
  const community = change.path[2];
  const items: unknown[] = [
    {
      Update: {
        TableName: table(),
        Key: keys.user(user.id),
        UpdateExpression:
          'SET unitId = :u, unitVerified = :ver, updatedAt = :now, version = version + :one, boundPersonIds = :pids ' +
          'REMOVE unitVerifiedBy',
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: {
          ':u': change.unitId,
          ':ver': change.verified,
          ':now': now,
          ':one': 1,
          ':v': user.version,
          ':pids': change.personIds ?? [],
        },
      },
    },
    auditPut({
      actorId: user.id,
      actorRole,
      action: change.verified ? 'user.bindUnit.verified' : 'user.bindUnit',
      target: `user:${user.id}`,
      from: user.unitId ?? null,
      to: change.unitId,
      ...(change.method ? { method: change.method } : {}),
      ...(change.evidence ? { evidence: change.evidence } : {}),
      at: now,
    }),
  ];
  // the old binding ends whole: the persons it matched no longer point to this user
  for (const pid of user.boundPersonIds ?? [])
    if (!change.personIds?.includes(pid))
      items.push({ Delete: { TableName: table(), Key: keys.personBinding(pid, user.id) } });
  for (const pid of change.personIds ?? [])
    items.push({
      Put: {
        TableName: table(),
        Item: { ...keys.personBinding(pid, user.id), type: 'pbind', personId: pid, userId: user.id, at: now },
      },
    });
  const previousCommunity = change.previousPath?.[2];
  if (previousCommunity && previousCommunity !== community) items.push(pendingDelete(previousCommunity, user.id));
  if (change.verified) items.push(pendingDelete(community, user.id));
  else {
    const pending: PendingBindingItem = {
      userId: user.id,
      userName: user.name,
      unitId: change.unitId,
      unitName: change.unitName,
      gridPath: change.path,
      createdAt: now,
    };
    items.push({
      Put: { TableName: table(), Item: { ...keys.pendingBinding(community, user.id), type: 'unitbind', ...pending } },
    });
  }
  try {
    await transact(items);
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** A grid worker confirms the pending binding the user still has (same unit, same version). */
export async function confirmUnit(
  user: UserItem,
  unitId: string,
  communityId: string,
  by: { id: string; role: string },
  now: string,
) {
  try {
    await transact([
      {
        Update: {
          TableName: table(),
          Key: keys.user(user.id),
          UpdateExpression: 'SET unitVerified = :t, unitVerifiedBy = :by, updatedAt = :now, version = version + :one',
          ConditionExpression: 'version = :v AND unitId = :u',
          ExpressionAttributeValues: {
            ':t': true,
            ':by': by.id,
            ':now': now,
            ':one': 1,
            ':v': user.version,
            ':u': unitId,
          },
        },
      },
      pendingDelete(communityId, user.id),
      auditPut({
        actorId: by.id,
        actorRole: by.role,
        action: 'user.verifyUnit',
        target: `user:${user.id}`,
        from: null,
        to: unitId,
        at: now,
      }),
    ]);
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** The pending bindings of a community, oldest first. */
export function listPendingBindings(communityId: string, page: PageRequest) {
  return queryPage({ pk: keys.pendingBindingsPk(communityId) }, page, (i) => fromItem<PendingBindingItem>(i));
}
