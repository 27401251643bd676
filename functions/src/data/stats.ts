import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { getMany } from './batch';
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

/** DynamoDB calls and items a period read took (the dashboard's query cost) */
export interface ReadCost {
  calls: number;
  items: number;
}

const numbers = (item: Record<string, unknown> | undefined, into: Record<string, number> = {}) => {
  for (const [k, v] of Object.entries(item ?? {}))
    if (typeof v === 'number' && k !== 'expiresAt') into[k] = (into[k] ?? 0) + v;
  return into;
};

/**
 * The sum of a grid's period buckets between two sort keys (inclusive): ONE Query (paged only past
 * 1 MB, which 366 small day items never reach). `kind` 'DAY' takes 'YYYY-MM-DD', 'MONTH' 'YYYY-MM'.
 */
export async function readBuckets(
  gridId: string,
  kind: 'DAY' | 'MONTH',
  from: string,
  to: string,
  cost: ReadCost = { calls: 0, items: 0 },
): Promise<Record<string, number>> {
  const sk = kind === 'DAY' ? keys.statsDaySk : keys.statsMonthSk;
  const out: Record<string, number> = {};
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :a AND :b',
        ExpressionAttributeValues: { ':pk': keys.statsPk(gridId), ':a': sk(from), ':b': sk(to) },
        ExclusiveStartKey: start,
      }),
    );
    cost.calls++;
    cost.items += page.Items?.length ?? 0;
    for (const i of page.Items ?? []) numbers(i, out);
    start = page.LastEvaluatedKey;
  } while (start);
  for (const k of ['day', 'month']) delete out[k];
  return out;
}

/** One month's bucket of several grids: BatchGet, 100 keys a call. */
export async function readMonthOf(
  gridIds: readonly string[],
  month: string,
  cost: ReadCost = { calls: 0, items: 0 },
): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>(gridIds.map((g) => [g, {}]));
  for (let i = 0; i < gridIds.length; i += 100) {
    const items = await getMany(gridIds.slice(i, i + 100).map((g) => keys.statsMonth(g, month)));
    cost.calls++;
    cost.items += items.length;
    for (const it of items) out.set(String(it.gridId), numbers(it));
  }
  return out;
}

/** The all-time totals of several grids (gauges such as patrol plans): BatchGet, 100 keys a call. */
export async function readStatsOf(
  gridIds: readonly string[],
  cost: ReadCost = { calls: 0, items: 0 },
): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>(gridIds.map((g) => [g, {}]));
  for (let i = 0; i < gridIds.length; i += 100) {
    const items = await getMany(gridIds.slice(i, i + 100).map((g) => keys.stats(g)));
    cost.calls++;
    cost.items += items.length;
    for (const it of items) out.set(String(it.gridId), numbers(it));
  }
  return out;
}
