import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client';
import { conditionalPut, fromItem } from './item';
import { keys } from './keys';
import { queryPage, type PageRequest } from './query';

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

export function listCallbacks(communityId: string, page: PageRequest, status?: 'open' | 'done') {
  return queryPage(
    {
      index: 'GSI1',
      pk: keys.callbacksOfPk(communityId),
      newestFirst: true,
      filter: status
        ? {
            FilterExpression: '#st = :st',
            ExpressionAttributeNames: { '#st': 'status' },
            ExpressionAttributeValues: { ':st': status },
          }
        : undefined,
    },
    page,
    strip,
  );
}
