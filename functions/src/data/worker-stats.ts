/**
 * Per-worker monthly counters (the worker's day, ratings, assessment): one item per staff member and
 * China month, `USER#<id> / WSTATS#<yyyy-mm>`, ADDed inside the write's own transaction (a worker's
 * item takes only that worker's writes, so it never becomes hot). Read by BatchGet, never a Scan.
 */
import { chinaMonth } from '@gridlink/shared/time';
import { getMany } from './batch';
import { table } from './client';
import { keys } from './keys';

export type WorkerDeltas = Record<string, number>;

/** The Update to put into a transaction: ADD `deltas` to the worker's month of `at`. */
export function workerStatsUpdate(userId: string, at: string, deltas: WorkerDeltas) {
  const entries = Object.entries(deltas).filter(([, v]) => v !== 0);
  if (!entries.length) return [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':u': userId, ':m': chinaMonth(at), ':at': at };
  const adds = entries.map(([k, v], i) => {
    if (!/^[a-z0-9_]+$/.test(k)) throw new Error(`bad counter ${k}`);
    names[`#c${i}`] = k;
    values[`:c${i}`] = v;
    return `#c${i} :c${i}`;
  });
  return [
    {
      Update: {
        TableName: table(),
        Key: keys.workerStats(userId, chinaMonth(at)),
        UpdateExpression: `ADD ${adds.join(', ')} SET userId = :u, #month = :m, updatedAt = :at`,
        ExpressionAttributeNames: { ...names, '#month': 'month' },
        ExpressionAttributeValues: values,
      },
    },
  ];
}

/** The counters of each worker for one month ('YYYY-MM'): one BatchGet per 100 workers. */
export async function readWorkerStats(
  userIds: readonly string[],
  month: string,
): Promise<Map<string, Record<string, number>>> {
  const ids = [...new Set(userIds)];
  const chunks = Array.from({ length: Math.ceil(ids.length / 100) }, (_, i) => ids.slice(i * 100, i * 100 + 100));
  const items = (await Promise.all(chunks.map((c) => getMany(c.map((u) => keys.workerStats(u, month)))))).flat();
  const out = new Map<string, Record<string, number>>();
  for (const it of items) {
    const counts: Record<string, number> = {};
    for (const [k, v] of Object.entries(it)) if (typeof v === 'number') counts[k] = v;
    out.set(String(it.userId), counts);
  }
  return out;
}
