/** 红色代办员 applications and family links: the items the agent and family workflows move. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client';
import { conditionalPut, fromItem } from './item';
import { keys } from './keys';
import { queryMerged, type PageRequest } from './query';
import { userItem, type UserItem } from './users';

export interface AgentApplicationItem {
  /** the applicant's user id */
  id: string;
  userId: string;
  name: string;
  communityId: string;
  gridPath: string[];
  partyMember: boolean;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  version: number;
  createdAt: string;
  updatedAt: string;
  decidedBy?: string;
  decidedAt?: string;
}

export interface FamilyLinkItem {
  /** `<recipientId>:<userId>` */
  id: string;
  recipientId: string;
  userId: string;
  name: string;
  status: 'pending' | 'confirmed';
  version: number;
  createdAt: string;
  updatedAt: string;
  confirmedBy?: string;
  confirmedAt?: string;
}

/** Pending applications are listed for their community (GSI2); decided ones leave the list. */
export const agentApplicationPut = (a: AgentApplicationItem, expected?: { version: number; status: string }) =>
  conditionalPut(
    {
      ...keys.agentApplication(a.userId),
      ...(a.status === 'pending' ? keys.agentApplications(a.communityId, a.createdAt, a.userId) : {}),
      type: 'agent_application',
      ...a,
    },
    expected,
  );

export async function getAgentApplication(userId: string): Promise<AgentApplicationItem | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.agentApplication(userId) }));
  if (!Item) return undefined;
  const a = fromItem<AgentApplicationItem>(Item);
  return { ...a, id: a.id ?? a.userId, version: a.version ?? 0, updatedAt: a.updatedAt ?? a.createdAt };
}

/** pending applications of the communities served (several: one page merged newest first) */
export const listPendingAgentApplications = (communityIds: readonly string[], page: PageRequest) =>
  queryMerged(
    { index: 'GSI2', newestFirst: true, sources: communityIds.map((c) => ({ pk: keys.agentApplicationsPk(c) })) },
    page,
    (i) => fromItem<AgentApplicationItem>(i),
  );

/** The approved applicant becomes an agent serving the community (conditional on the user's version). */
export const userReplace = (u: UserItem, expectedVersion: number) => ({
  Put: {
    TableName: table(),
    Item: userItem(u),
    ConditionExpression: 'version = :v',
    ExpressionAttributeValues: { ':v': expectedVersion },
  },
});

/** A new user (a 帮扶对象 registered by staff), only if the id is free. */
export const userCreatePut = (u: UserItem) => ({
  Put: { TableName: table(), Item: userItem(u), ConditionExpression: 'attribute_not_exists(PK)' },
});

export const familyLinkPut = (f: FamilyLinkItem, expected?: { version: number; status: string }) =>
  conditionalPut(
    { ...keys.familyLink(f.recipientId, f.userId), ...keys.familyOf(f.userId, f.recipientId), type: 'family', ...f },
    expected,
  );

export async function getFamilyLink(recipientId: string, userId: string): Promise<FamilyLinkItem | undefined> {
  const { Item } = await db().send(
    new GetCommand({ TableName: table(), Key: keys.familyLink(recipientId, userId), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const f = fromItem<FamilyLinkItem>(Item);
  return {
    ...f,
    id: `${recipientId}:${userId}`,
    recipientId,
    version: f.version ?? 0,
    updatedAt: f.updatedAt ?? f.createdAt,
  };
}

/** The agent's live-task marker for a recipient: the access window is open while it exists. */
export async function hasLiveTask(recipientId: string, agentId: string) {
  const { Item } = await db().send(
    new GetCommand({ TableName: table(), Key: keys.liveTask(recipientId, agentId), ConsistentRead: true }),
  );
  return !!Item;
}
