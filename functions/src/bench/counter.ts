/**
 * Counts what one API call costs in DynamoDB: a middleware on the one document client `db()` (the
 * API server runs in this process, so its handlers use the same client). While a tally is open,
 * every command is counted and asks for ReturnConsumedCapacity=TOTAL, so DynamoDB Local reports
 * the request units it would bill: GSI writes and the 2× of transactions included.
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
        TransactItems?: { Put?: { Item?: unknown } }[];
      };
      input.ReturnConsumedCapacity = 'TOTAL';
      if (isOutbox(input.Item)) tally.outbox++;
      for (const t of input.TransactItems ?? []) if (isOutbox(t.Put?.Item)) tally.outbox++;
      const out = await next(args);
      const u = units((out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity);
      if (READS.has(name)) {
        tally.rru += u;
        tally.reads++;
      } else tally.wru += u;
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
