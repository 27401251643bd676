/**
 * Counts what one API call costs in DynamoDB, from the meter on the one document client `db()`
 * (data/client.ts): the local API server meters each request for its watchers (`watchRequests`),
 * and `counted` meters what runs in-process (the jobs). While counting, every command asks for
 * ReturnConsumedCapacity=TOTAL, so DynamoDB Local reports the request units it would bill: GSI
 * writes and the 2× of transactions included — except for TransactWriteItems, where DynamoDB Local
 * reports as if the transaction were one item; for those the tally takes the larger of the report and
 * an estimate from the request: 2 × ⌈item KB⌉ per item + 1 × ⌈KB⌉ per GSI a put item is in.
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

/** DynamoDB's size of a native value (names and values in UTF-8; numbers ≈ 1 byte per 2 digits + 1) */
function bytes(v: unknown): number {
  if (typeof v === 'string') return Buffer.byteLength(v);
  if (typeof v === 'number') return Math.ceil(String(Math.abs(v)).replace('.', '').length / 2) + 1;
  if (typeof v === 'boolean' || v === null || v === undefined) return 1;
  if (v instanceof Set) return [...v].reduce((n: number, x) => n + bytes(x), 0);
  if (Array.isArray(v)) return 3 + v.reduce((n: number, x) => n + 1 + bytes(x), 0);
  if (typeof v === 'object')
    return 3 + Object.entries(v).reduce((n, [k, x]) => n + 1 + Buffer.byteLength(k) + bytes(x), 0);
  return 0;
}
const kb = (b: number) => Math.max(1, Math.ceil(b / 1024));
const GSI_KEYS = ['GSI1PK', 'GSI2PK', 'GSI3PK'];

type TxItem = {
  Put?: { Item?: Record<string, unknown> };
  Update?: { Key?: unknown; ExpressionAttributeValues?: unknown };
  Delete?: { Key?: unknown };
  ConditionCheck?: { Key?: unknown };
};
/** what DynamoDB bills a TransactWriteItems: 2 WRU per item and KB, + the GSI copies of put items */
function transactionWru(items: TxItem[]): number {
  let wru = 0;
  for (const t of items) {
    if (t.Put?.Item) {
      const size = kb(bytes(t.Put.Item));
      wru += 2 * size + GSI_KEYS.filter((k) => t.Put!.Item![k] !== undefined).length * size;
    } else if (t.Update) wru += 2 * kb(bytes(t.Update.Key) + bytes(t.Update.ExpressionAttributeValues));
    else if (t.Delete || t.ConditionCheck) wru += 2;
  }
  return wru;
}

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
    } else
      // DynamoDB Local reports a transaction as if it were one item: take the larger of that and the estimate
      t.wru +=
        c.command === 'TransactWriteItems'
          ? Math.max(c.units, transactionWru((c.input.TransactItems as TxItem[] | undefined) ?? []))
          : c.units;
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
