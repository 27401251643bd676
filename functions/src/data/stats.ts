import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client';
import { keys } from './keys';

export type Deltas = Record<string, number>;

/** `type` of the write path's counter item; the table stream's aggregator mapping filters on it (cdk). */
export const STATS_LOCAL_TYPE = 'stats_local';
/** counters are stored as `c_<name>` in the LOCAL and PUSHED items, as `<name>` in the totals */
export const COUNTER_PREFIX = 'c_';

/**
 * The counter update a change puts into its own transaction: one ADD on the LOCAL item of the
 * change's own grid (the last id of `gridPath`), whatever the depth. The grid's ancestors are not
 * touched here: the table stream's aggregator (data/stats-rollup.ts) adds what changed to the totals
 * of the grid and of every grid above it, so no two writes of a district meet on one item.
 * The path is kept on the item so the aggregator knows where to push.
 */
export function statsUpdates(gridPath: readonly string[], deltas: Deltas, now: string) {
  const entries = Object.entries(deltas).filter(([, v]) => v !== 0);
  const gridId = gridPath[gridPath.length - 1];
  if (!entries.length || !gridId) return [];
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = {
    ':now': now,
    ':type': STATS_LOCAL_TYPE,
    ':g': gridId,
    ':path': [...gridPath],
  };
  const adds = entries.map(([k, v], i) => {
    if (!/^[a-z0-9_]+$/.test(k)) throw new Error(`bad counter ${k}`);
    names[`#c${i}`] = COUNTER_PREFIX + k;
    values[`:c${i}`] = v;
    return `#c${i} :c${i}`;
  });
  return [
    {
      Update: {
        TableName: table(),
        Key: keys.statsLocal(gridId),
        UpdateExpression: `ADD ${adds.join(', ')} SET updatedAt = :now, #type = :type, gridId = :g, gridPath = :path`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  ];
}

/** The totals of a grid (everything below it included), as the aggregator left them: one GetItem. */
export async function readStats(gridId: string): Promise<Record<string, number>> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.stats(gridId) }));
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(Item ?? {})) if (typeof v === 'number') out[k] = v;
  return out;
}
