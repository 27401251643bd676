/**
 * Counts what one API call costs in DynamoDB: a middleware on the one document client `db()` (the
 * API server runs in this process, so its handlers use the same client). While a tally is open,
 * every command is counted and asks for ReturnConsumedCapacity=TOTAL, so DynamoDB Local reports
 * the request units it would bill: GSI writes and the 2× of transactions included — except for
 * TransactWriteItems, where DynamoDB Local reports as if the transaction were one item (2 WRU for
 * 8 small items; DynamoDB bills 2 WRU per item and KB). For those the tally takes the larger of the
 * report and an estimate from the request: 2 × ⌈item KB⌉ per item (the Put's item, or an Update's key
 * and values: a lower bound for updates of big items) + 1 × ⌈KB⌉ per GSI a put item is in.
 */
import { db } from '../data/client';

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
}

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
let current: Tally | undefined;
let installed: unknown;

export const emptyTally = (): Tally => ({ calls: 0, byCommand: {}, rru: 0, wru: 0, reads: 0, outbox: 0 });

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

function units(c: unknown): number {
  if (!c) return 0;
  if (Array.isArray(c)) return c.reduce((s, x) => s + units(x), 0);
  return Number((c as { CapacityUnits?: number }).CapacityUnits ?? 0);
}

/** Install once per document client (db() makes a new one only when the endpoint changes). */
export function installCounter() {
  const doc = db();
  if (installed === doc) return;
  installed = doc;
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const tally = current;
      if (!tally) return next(args);
      const name = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
      tally.calls++;
      tally.byCommand[name] = (tally.byCommand[name] ?? 0) + 1;
      const input = args.input as {
        ReturnConsumedCapacity?: string;
        Item?: unknown;
        TransactItems?: TxItem[];
      };
      input.ReturnConsumedCapacity = 'TOTAL';
      if (isOutbox(input.Item)) tally.outbox++;
      for (const t of input.TransactItems ?? []) if (isOutbox(t.Put?.Item)) tally.outbox++;
      const out = await next(args);
      const u = units((out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity);
      if (READS.has(name)) {
        tally.rru += u;
        tally.reads++;
      } else tally.wru += name === 'TransactWriteItems' ? Math.max(u, transactionWru(input.TransactItems ?? [])) : u;
      return out;
    },
    { step: 'initialize', name: 'gridlinkBenchCounter', override: true },
  );
}

/** Count everything `fn` makes DynamoDB do (calls must not overlap with other traffic). */
export async function counted<T>(fn: () => Promise<T>): Promise<{ value: T; tally: Tally }> {
  const tally = emptyTally();
  current = tally;
  try {
    return { value: await fn(), tally };
  } finally {
    current = undefined;
  }
}
