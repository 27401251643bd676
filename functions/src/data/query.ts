import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import type { IndexName } from './table-def';

export interface PageRequest {
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * One paginated Query over a partition (table or GSI): the only way lists are read.
 * `newestFirst` reads the sort key descending (the contract's default order for lists).
 */
export async function queryPage<T>(
  opts: {
    index?: IndexName;
    pk: string;
    skBeginsWith?: string;
    newestFirst?: boolean;
    filter?: Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;
  },
  page: PageRequest,
  map: (item: Record<string, unknown>) => T,
): Promise<Page<T>> {
  const pkName = opts.index ? `${opts.index}PK` : 'PK';
  const skName = opts.index ? `${opts.index}SK` : 'SK';
  const scope = `${opts.index ?? 'table'}|${opts.pk}|${opts.skBeginsWith ?? ''}`;
  const names: Record<string, string> = { '#pk': pkName, ...(opts.filter?.ExpressionAttributeNames ?? {}) };
  const values: Record<string, unknown> = { ':pk': opts.pk, ...(opts.filter?.ExpressionAttributeValues ?? {}) };
  let cond = '#pk = :pk';
  if (opts.skBeginsWith) {
    names['#sk'] = skName;
    values[':sk'] = opts.skBeginsWith;
    cond += ' AND begins_with(#sk, :sk)';
  }
  const startKey = await decodeCursor(scope, page.cursor);
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: opts.index,
      KeyConditionExpression: cond,
      FilterExpression: opts.filter?.FilterExpression,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: !opts.newestFirst,
      Limit: page.limit,
      ExclusiveStartKey: startKey,
    }),
  );
  return {
    items: (out.Items ?? []).map(map),
    nextCursor: await encodeCursor(scope, out.LastEvaluatedKey),
  };
}
