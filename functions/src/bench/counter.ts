/**
 * Counts what one API call costs in DynamoDB, from the meter on the one document client `db()`
 * (data/client.ts): the local API server meters each request for its watchers (`watchRequests`),
 * and `counted` meters what runs in-process (the jobs). While counting, every command asks for
 * ReturnConsumedCapacity=TOTAL, so DynamoDB Local reports the request units it would bill: GSI
 * writes and the 2× of transactions included.
 */
import { isRead, meterOptions, metered, type DbCall, type DbMeter } from '../data/client';
import { watchRequests } from '../local/api-server';

export interface Tally {
  calls: number;
  byCommand: Record<string, number>;
  /** read request units (eventually consistent 0.5 per 4 KB, transactional 2×) */
  rru: number;
  /** write request units (1 per KB per item, GSIs included, transactional 2×) */
  wru: number;
  /** read commands (GetItem, Query, …): DynamoDB bills at least 0.5 RRU for each, even when empty */
  reads: number;
  /** notifications queued (outbox items put): each costs the notifier a drain later */
  outbox: number;
  /** wall time with at least one DynamoDB call in flight (parallel calls count once) */
  dbMs: number;
  /** the calls in the order they were sent, e.g. "Get 4.1 › Get 3.9 ∥ Query 5.0 › TransactWrite(9) 30.2" */
  steps: string;
}

export const emptyTally = (): Tally => ({
  calls: 0,
  byCommand: {},
  rru: 0,
  wru: 0,
  reads: 0,
  outbox: 0,
  dbMs: 0,
  steps: '',
});

const isOutbox = (item: unknown) => {
  const t = (item as { type?: unknown } | undefined)?.type;
  return t === 'outbox' || (t as { S?: string } | undefined)?.S === 'outbox';
};

const short = (c: DbCall) => {
  const n = c.command.replace(/Item$|Items$/, '');
  const items = (c.input.TransactItems as unknown[] | undefined)?.length;
  return `${n}${items ? `(${items})` : ''}${c.failed ? '!' : ''} ${c.ms.toFixed(1)}`;
};

/** A tally of metered calls. */
export function tallyOf(calls: readonly DbCall[]): Tally {
  const t = emptyTally();
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  let end = -Infinity;
  const steps: string[] = [];
  for (const c of sorted) {
    t.calls++;
    t.byCommand[c.command] = (t.byCommand[c.command] ?? 0) + 1;
    if (isRead(c.command)) {
      t.rru += c.units;
      t.reads++;
    } else t.wru += c.units;
    if (isOutbox(c.input.Item)) t.outbox++;
    for (const x of (c.input.TransactItems as { Put?: { Item?: unknown } }[] | undefined) ?? [])
      if (isOutbox(x.Put?.Item)) t.outbox++;
    // union of [start, start + ms]: overlapping (parallel) calls are one wait
    const stop = c.start + c.ms;
    if (c.start >= end) t.dbMs += c.ms;
    else if (stop > end) t.dbMs += stop - end;
    steps.push(`${steps.length ? (c.start < end ? ' ∥ ' : ' › ') : ''}${short(c)}`);
    end = Math.max(end, stop);
  }
  t.steps = steps.join('');
  return t;
}

/** Ask for request units from now on (kept for the bench parts that called it). */
export function installCounter() {
  meterOptions.capacity = true;
}

/**
 * Count everything `fn` makes DynamoDB do: in-process calls and the requests the local API server
 * answers meanwhile (calls must not overlap with other traffic).
 */
export async function counted<T>(fn: () => Promise<T>): Promise<{ value: T; tally: Tally; calls: DbMeter }> {
  installCounter();
  const calls: DbMeter = [];
  const stop = watchRequests((r) => calls.push(...r.calls));
  try {
    const value = await metered(calls, fn);
    return { value, tally: tallyOf(calls), calls };
  } finally {
    stop();
  }
}
