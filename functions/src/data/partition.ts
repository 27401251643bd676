import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client';

/**
 * An item and everything beside it in its partition (timeline events, pointers), oldest first:
 * one Query, paged through (up to `max` items) so a long timeline is never cut.
 */
export async function readPartition(pk: string, opts: { sk?: string; max?: number } = {}) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: opts.sk ? 'PK = :pk AND SK = :sk' : 'PK = :pk',
        ExpressionAttributeValues: opts.sk ? { ':pk': pk, ':sk': opts.sk } : { ':pk': pk },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start && items.length < (opts.max ?? 1000));
  return items;
}
