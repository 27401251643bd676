import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client';
import { keys } from './keys';

export type Deltas = Record<string, number>;

/**
 * Counter updates for a grid node and all its ancestors, for the same transaction as the change
 * they count: dashboards read one item, never aggregate.
 */
export function statsUpdates(gridPath: readonly string[], deltas: Deltas, now: string) {
  const entries = Object.entries(deltas).filter(([, v]) => v !== 0);
  if (!entries.length) return [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':now': now, ':stats': 'stats' };
  const adds = entries.map(([k, v], i) => {
    if (!/^[a-z0-9_]+$/.test(k)) throw new Error(`bad counter ${k}`);
    names[`#c${i}`] = k;
    values[`:c${i}`] = v;
    return `#c${i} :c${i}`;
  });
  return gridPath.map((gridId) => ({
    Update: {
      TableName: table(),
      Key: keys.stats(gridId),
      UpdateExpression: `ADD ${adds.join(', ')} SET updatedAt = :now, #type = :stats, gridId = :g`,
      ExpressionAttributeNames: { ...names, '#type': 'type' },
      ExpressionAttributeValues: { ...values, ':g': gridId },
    },
  }));
}

export async function readStats(gridId: string): Promise<Record<string, number>> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.stats(gridId) }));
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(Item ?? {})) if (typeof v === 'number') out[k] = v;
  return out;
}
