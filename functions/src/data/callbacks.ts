import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client';
import { conditionalPut, fromItem } from './item';
import { keys } from './keys';
import { queryMerged, statusFilter, type PageRequest } from './query';
import { shardOf } from './outbox';

export interface CallbackItem {
  id: string;
  requestId: string;
  status: 'open' | 'done';
  communityId: string;
  gridPath: string[];
  stars: number;
  dueAt: string;
  outcome?: 'confirmed' | 'reopen';
  note?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  requestSummary: { category: string; categoryName: string; description: string; unitName: string };
  /** 'low': after a 1–2★ rating (absent on older items); 'sampled': a sampled 3★; 'audit': a sampled 5★ */
  kind?: 'low' | 'sampled' | 'audit';
  /** the staff member who resolved the request: may not do its audit call-back */
  handlerId?: string;
  /** not done within 24 h: escalated to the street */
  escalatedAt?: string;
  /** who must call back now: the community, or the street once escalated */
  level?: 'community' | 'street';
}

const strip = (i: Record<string, unknown>) => fromItem<CallbackItem>(i);

/** The call-back item, created once or replaced at the version and status that were read. */
export function callbackPut(c: CallbackItem, expected?: { version: number; status: string }) {
  const low = (c.kind ?? 'low') === 'low';
  const due = c.status === 'open' && low && !c.escalatedAt ? keys.callbackDue(shardOf(c.id), c.dueAt, c.id) : {};
  const esc = c.escalatedAt ? keys.callbacksEscalated(c.gridPath[1], c.escalatedAt, c.id) : {};
  return conditionalPut(
    {
      ...keys.callback(c.id),
      ...keys.callbacksOf(c.communityId, c.createdAt, c.id),
      ...due,
      ...esc,
      type: 'callback',
      ...c,
    },
    expected,
  );
}

/** Open 1–2★ call-backs past their deadline by `now`, in one shard (the escalation sweep). */
export async function overdueCallbacks(shard: number, now: string, limit = 50): Promise<CallbackItem[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'GSI3',
      KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK <= :now',
      ExpressionAttributeValues: { ':pk': keys.callbackDuePk(shard), ':now': `${now}#~` },
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map(strip);
}

/** A street's escalated call-backs, newest first. */
export function listEscalatedCallbacks(streetId: string, page: PageRequest, status?: 'open' | 'done') {
  return queryMerged(
    {
      index: 'GSI2',
      newestFirst: true,
      sources: [{ pk: keys.callbacksEscalatedPk(streetId), filter: statusFilter(status) }],
    },
    page,
    strip,
  );
}

export async function getCallback(id: string) {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.callback(id) }));
  return Item ? strip(Item) : undefined;
}

export function listCallbacks(communityIds: string | string[], page: PageRequest, status?: 'open' | 'done') {
  const filter = statusFilter(status);
  const ids = typeof communityIds === 'string' ? [communityIds] : communityIds;
  return queryMerged(
    { index: 'GSI1', newestFirst: true, sources: ids.map((c) => ({ pk: keys.callbacksOfPk(c), filter })) },
    page,
    strip,
  );
}
