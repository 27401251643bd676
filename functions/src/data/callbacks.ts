import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client';
import { conditionalPut, fromItem } from './item';
import { keys } from './keys';
import { queryMerged, statusFilter, type PageRequest } from './query';

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
}

const strip = (i: Record<string, unknown>) => fromItem<CallbackItem>(i);

/** The call-back item, created once or replaced at the version and status that were read. */
export function callbackPut(c: CallbackItem, expected?: { version: number; status: string }) {
  return conditionalPut(
    { ...keys.callback(c.id), ...keys.callbacksOf(c.communityId, c.createdAt, c.id), type: 'callback', ...c },
    expected,
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
