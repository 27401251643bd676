/**
 * The counter aggregator the table stream runs (handlers/jobs.ts): it moves what the writes counted
 * in their own grid's LOCAL item (data/stats.ts) up to the totals of that grid and of every grid
 * above it, which the dashboards read.
 *
 * Order-independent and replay-safe by construction: a stream record only says "grid G's LOCAL
 * changed"; its content is never added. For each such grid the aggregator reads LOCAL (c_*) and
 * PUSHED (what it already added, with a version) in one consistent read, takes delta = c − pushed,
 * and in ONE transaction adds the deltas to the totals and sets PUSHED = c on condition that PUSHED
 * still has the version it read. A duplicated, replayed or reordered record finds delta 0; two
 * aggregators racing on a grid cannot both commit (the loser re-reads and finds what is left).
 * Writers never touch PUSHED or the totals and the aggregator never writes LOCAL, so the write path
 * and the aggregator never meet in a transaction.
 *
 * Batching: the grids of one stream batch share their ancestors, so their deltas are summed per
 * total and written together, up to 100 items a transaction. When a batch needs more than one
 * transaction, the top levels (district, street, community: the totals every group shares) are not
 * written by each group: each group's transaction puts their sums into a CARRY item instead, and a
 * second phase applies all carries in one transaction (adding to the totals and deleting the carries
 * it applied, on condition they still exist). So the district item takes one write per batch, not
 * one per change nor one per group. A carry left by a run that died between the phases is applied
 * by the next run (every run ends by applying whatever carries exist), exactly once.
 *
 * Period buckets: whatever a transaction adds to a grid's totals it also adds, in the same
 * transaction, to the grid's DAY#<yyyy-mm-dd> and MONTH#<yyyy-mm> items of the China date of the
 * aggregation (`now`). They ride on the same PUSHED condition, so a replay that adds nothing to the
 * totals adds nothing to any bucket either; a carry names its buckets (the day it was made), so a
 * carry applied by a later run still lands on the day it was counted.
 */
import { BatchGetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { chinaDate, chinaMonth } from '@gridlink/shared/time';
import { db, table } from './client';
import { newId } from './ids';
import { keys } from './keys';
import { COUNTER_PREFIX, type Deltas } from './stats';

/**
 * The stream mapping's batches (cdk/lib/constructs/jobs.ts STATS_STREAM; a cdk test keeps the two
 * equal): up to 1,000 records, or what arrived within 2 s of the first.
 */
export const STREAM_BATCH = { records: 1000, windowSeconds: 2 };
/** DynamoDB's cap on the items of one TransactWriteItems */
export const MAX_TRANSACTION_ITEMS = 100;
/** the top levels of a path (district, street, community) reach a big batch's deltas through carries */
export const CARRY_LEVELS = 3;
/** grids read per BatchGetItem (two keys each: LOCAL and PUSHED) */
const READ_GRIDS = 50;
/** items a grid on a path takes in a transaction: its totals, its day bucket, its month bucket */
export const BUCKETS = 3;
/** day buckets expire after this many days (the longest range asked is 366 days; months stay) */
export const DAY_BUCKET_DAYS = 800;
const MAX_ATTEMPTS = 8;

export interface RollUp {
  /** distinct grids the records named */
  grids: number;
  /** of them, those whose counters had moved since their last push */
  moved: number;
  /** transactions committed */
  transactions: number;
  /** items those transactions wrote (totals + PUSHED markers) */
  items: number;
  /** writes to the top of the paths (the district's total): one per committed transaction that reached it */
  rootWrites: number;
  /** transactions cancelled by a concurrent push or a conflict, redone after a fresh read */
  retries: number;
  /** carry items applied to the top levels (0 when the batch fit one transaction) */
  carries: number;
}

interface Move {
  gridId: string;
  /** root … the grid itself: the totals this grid's delta goes to */
  path: string[];
  delta: Deltas;
  /** LOCAL's counters as read: PUSHED becomes this */
  counters: Deltas;
  /** PUSHED's version as read (undefined: never pushed) */
  version?: number;
}

/** The grids named by stream records of LOCAL counter items (any other record is ignored). */
export function statsGridsOf(records: readonly unknown[]): string[] {
  const ids = new Set<string>();
  for (const r of records) {
    const k = (r as { dynamodb?: { Keys?: Record<string, { S?: string } | undefined> } }).dynamodb?.Keys;
    const g = k && keys.gridOfStatsLocal({ PK: k.PK?.S, SK: k.SK?.S });
    if (g) ids.add(g);
  }
  return [...ids];
}

const pause = (attempt: number) =>
  new Promise((r) => setTimeout(r, Math.min(1000, 10 * 2 ** attempt) + Math.random() * 20));

/** counters are integers; a fractional sum would be kept to 6 decimals (no float noise in the totals) */
const exact = (x: number) => (Number.isInteger(x) ? x : Math.round(x * 1e6) / 1e6);

function countersOf(item: Record<string, unknown> | undefined): Deltas {
  const out: Deltas = {};
  for (const [k, v] of Object.entries(item ?? {}))
    if (k.startsWith(COUNTER_PREFIX) && typeof v === 'number') out[k.slice(COUNTER_PREFIX.length)] = v;
  return out;
}

const id = (k: { PK: string; SK: string }) => `${k.PK}|${k.SK}`;

/** LOCAL and PUSHED of each grid, strongly consistent (a stale LOCAL would leave the last change behind). */
async function readMoves(gridIds: string[]): Promise<Move[]> {
  const found = new Map<string, Record<string, unknown>>();
  const slices: string[][] = [];
  for (let i = 0; i < gridIds.length; i += READ_GRIDS) slices.push(gridIds.slice(i, i + READ_GRIDS));
  await Promise.all(
    slices.map(async (slice) => {
      let pending: Record<string, unknown>[] = slice.flatMap((g) => [keys.statsLocal(g), keys.statsPushed(g)]);
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt >= MAX_ATTEMPTS) throw new Error('stats roll-up: BatchGet left keys unprocessed');
        if (attempt) await pause(attempt);
        const out = await db().send(
          new BatchGetCommand({ RequestItems: { [table()]: { Keys: pending, ConsistentRead: true } } }),
        );
        for (const i of out.Responses?.[table()] ?? []) found.set(`${i.PK}|${i.SK}`, i);
        pending = (out.UnprocessedKeys?.[table()]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      }
    }),
  );
  const moves: Move[] = [];
  for (const gridId of gridIds) {
    const local = found.get(id(keys.statsLocal(gridId)));
    if (!local) continue;
    const pushed = found.get(id(keys.statsPushed(gridId)));
    const counters = countersOf(local);
    const before = countersOf(pushed);
    const delta: Deltas = {};
    for (const k of new Set([...Object.keys(counters), ...Object.keys(before)])) {
      const d = exact((counters[k] ?? 0) - (before[k] ?? 0));
      if (d) delta[k] = d;
    }
    if (!Object.keys(delta).length) continue;
    const path = Array.isArray(local.gridPath) && local.gridPath.length ? (local.gridPath as string[]) : [gridId];
    moves.push({ gridId, path, delta, counters, version: pushed?.v as number | undefined });
  }
  return moves;
}

/**
 * Grids in path order (siblings together, so they share their ancestors' items), ≤ 100 items a
 * group: a PUSHED marker per grid, each total below the first `cut` levels once, one carry if cut.
 */
export function groupMoves<T extends { path: string[] }>(
  moves: T[],
  cut = 0,
  max = MAX_TRANSACTION_ITEMS,
  per = BUCKETS,
): T[][] {
  const sorted = [...moves].sort((a, b) => a.path.join('/').localeCompare(b.path.join('/')));
  const groups: T[][] = [];
  let group: T[] = [];
  let targets = new Set<string>();
  const fixed = cut ? 1 : 0;
  for (const m of sorted) {
    const fresh = m.path.slice(cut).filter((t) => !targets.has(t)).length * per;
    if (group.length && group.length + targets.size * per + fixed + 1 + fresh > max) {
      groups.push(group);
      group = [];
      targets = new Set();
    }
    group.push(m);
    for (const t of m.path.slice(cut)) targets.add(t);
  }
  if (group.length) groups.push(group);
  return groups;
}

function assign(counters: Deltas, op: 'ADD' | 'SET') {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts = Object.entries(counters).map(([k, v], i) => {
    names[`#n${i}`] = op === 'ADD' ? k : COUNTER_PREFIX + k;
    values[`:n${i}`] = v;
    return op === 'ADD' ? `#n${i} :n${i}` : `#n${i} = :n${i}`;
  });
  return { names, values, parts };
}

/** Sums per total of what `entries` add (exact), without the totals that sum to zero everywhere. */
function sumUp(entries: [gridId: string, delta: Deltas][]): Map<string, Deltas> {
  const sums = new Map<string, Deltas>();
  for (const [t, delta] of entries) {
    const s = sums.get(t) ?? {};
    for (const [k, v] of Object.entries(delta)) s[k] = exact((s[k] ?? 0) + v);
    sums.set(t, s);
  }
  for (const [t, s] of sums) {
    for (const k of Object.keys(s)) if (s[k] === 0) delete s[k];
    if (!Object.keys(s).length) sums.delete(t); // +1 here and −1 there: nothing to write above
  }
  return sums;
}

/**
 * What a grid's delta is added to: `<grid>` (its totals), `<grid>|D|<day>` and `<grid>|M|<month>`
 * (its buckets of the aggregation's China day and month). A carry keeps these names.
 */
function targetsOf(gridId: string, now: string): string[] {
  return [gridId, `${gridId}|D|${chinaDate(now)}`, `${gridId}|M|${chinaMonth(now)}`];
}

function totalAdd(target: string, sum: Deltas, now: string) {
  const { names, values, parts } = assign(sum, 'ADD');
  const [gridId, kind, period] = target.split('|');
  const set = ['updatedAt = :now', '#type = :type', 'gridId = :g'];
  const more: Record<string, unknown> = {};
  if (kind === 'D') {
    set.push('#day = :p', 'expiresAt = :exp');
    names['#day'] = 'day';
    more[':p'] = period;
    more[':exp'] = Math.floor(Date.parse(`${period}T00:00:00+08:00`) / 1000) + DAY_BUCKET_DAYS * 86400;
  } else if (kind === 'M') {
    set.push('#month = :p');
    names['#month'] = 'month';
    more[':p'] = period;
  }
  const key = kind === 'D' ? keys.statsDay(gridId, period) : kind === 'M' ? keys.statsMonth(gridId, period) : undefined;
  const type = kind === 'D' ? 'stats_day' : kind === 'M' ? 'stats_month' : 'stats';
  return {
    Update: {
      TableName: table(),
      Key: key ?? keys.stats(gridId),
      UpdateExpression: `ADD ${parts.join(', ')} SET ${set.join(', ')}`,
      ExpressionAttributeNames: { ...names, '#type': 'type' },
      ExpressionAttributeValues: { ...values, ...more, ':now': now, ':type': type, ':g': gridId },
    },
  };
}

/**
 * One transaction of phase one: every total below the first `cut` levels once (the sums of the
 * group's deltas), the sums for the top levels into a carry (when cut), every grid's PUSHED marker.
 */
function transactionOf(group: Move[], now: string, cut: number) {
  const spread = (m: Move, grids: string[]) =>
    grids.flatMap((g) => targetsOf(g, now).map((t): [string, Deltas] => [t, m.delta]));
  const lower = sumUp(group.flatMap((m) => spread(m, m.path.slice(cut))));
  const items: unknown[] = [...lower].map(([gridId, s]) => totalAdd(gridId, s, now));
  const written = [...lower.keys()];
  if (cut) {
    const top = sumUp(group.flatMap((m) => spread(m, m.path.slice(0, cut))));
    if (top.size)
      items.push({
        Put: {
          TableName: table(),
          Item: {
            ...keys.statsCarry(now, newId(Date.parse(now))),
            type: 'stats_carry',
            sums: Object.fromEntries(top),
            roots: [...new Set(group.map((m) => m.path[0]))],
            createdAt: now,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
  }
  for (const m of group) {
    const { names, values, parts } = assign(m.counters, 'SET');
    items.push({
      Update: {
        TableName: table(),
        Key: keys.statsPushed(m.gridId),
        UpdateExpression: `SET ${[...parts, 'v = :next', '#type = :type', 'gridId = :g', 'pushedAt = :now'].join()}`,
        ConditionExpression: m.version === undefined ? 'attribute_not_exists(v)' : 'v = :v',
        ExpressionAttributeNames: { ...names, '#type': 'type' },
        ExpressionAttributeValues: {
          ...values,
          ':next': (m.version ?? 0) + 1,
          ...(m.version === undefined ? {} : { ':v': m.version }),
          ':type': 'stats_pushed',
          ':g': m.gridId,
          ':now': now,
        },
      },
    });
  }
  return { items, written };
}

const cancelled = (e: unknown) =>
  ['TransactionCanceledException', 'TransactionConflictException'].includes((e as Error).name);

interface Carry {
  PK: string;
  SK: string;
  sums: Record<string, Deltas>;
  roots: string[];
}

async function pendingCarries(): Promise<Carry[]> {
  const out: Carry[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.statsCarryPk() },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    out.push(...((page.Items ?? []) as Carry[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** Carries in groups whose transaction (each total once + each carry's delete) stays ≤ 100 items. */
function groupCarries(carries: Carry[]): Carry[][] {
  const groups: Carry[][] = [];
  let group: Carry[] = [];
  let targets = new Set<string>();
  for (const c of carries) {
    const fresh = Object.keys(c.sums).filter((t) => !targets.has(t));
    if (group.length && group.length + 1 + targets.size + fresh.length > MAX_TRANSACTION_ITEMS) {
      groups.push(group);
      group = [];
      targets = new Set();
    }
    group.push(c);
    for (const t of Object.keys(c.sums)) targets.add(t);
  }
  if (group.length) groups.push(group);
  return groups;
}

/** Phase two: add every pending carry to the top-level totals and delete it, in as few transactions as fit. */
async function applyCarries(out: RollUp, now: string) {
  for (let attempt = 0; ; attempt++) {
    const carries = await pendingCarries();
    if (!carries.length) return;
    if (attempt >= MAX_ATTEMPTS) throw new Error(`stats roll-up: ${carries.length} carries still contended`);
    if (attempt) await pause(attempt);
    let contended = false;
    for (const group of groupCarries(carries)) {
      const sums = sumUp(group.flatMap((c) => Object.entries(c.sums)));
      const items = [
        ...[...sums].map(([gridId, s]) => totalAdd(gridId, s, now)),
        ...group.map((c) => ({
          Delete: { TableName: table(), Key: { PK: c.PK, SK: c.SK }, ConditionExpression: 'attribute_exists(PK)' },
        })),
      ];
      try {
        await db().send(new TransactWriteCommand({ TransactItems: items as never }));
      } catch (e) {
        if (!cancelled(e)) throw e;
        out.retries++;
        contended = true; // another run applied some of them first: read again
        continue;
      }
      const roots = new Set(group.flatMap((c) => c.roots));
      out.transactions++;
      out.items += items.length;
      out.carries += group.length;
      out.rootWrites += [...sums.keys()].filter((g) => roots.has(g)).length;
    }
    if (!contended) return;
  }
}

/** Push the named grids' new own counts up their paths. Safe to call with any grids, any number of times. */
export async function rollUpGrids(gridIds: readonly string[], now = new Date().toISOString()): Promise<RollUp> {
  const unique = [...new Set(gridIds)];
  const out: RollUp = {
    grids: unique.length,
    moved: 0,
    transactions: 0,
    items: 0,
    rootWrites: 0,
    retries: 0,
    carries: 0,
  };
  let todo = unique;
  for (let attempt = 0; todo.length; attempt++) {
    if (attempt >= MAX_ATTEMPTS)
      throw new Error(`stats roll-up: ${todo.length} grids still contended after ${MAX_ATTEMPTS} attempts`);
    if (attempt) await pause(attempt);
    const moves = await readMoves(todo);
    if (attempt === 0) out.moved = moves.length;
    const again: string[] = [];
    // one transaction when the batch fits; otherwise the top levels go through carries (phase two)
    const whole = groupMoves(moves);
    const cut = whole.length > 1 ? CARRY_LEVELS : 0;
    // one group at a time: groups of one batch share ancestors, in parallel they would conflict
    for (const group of cut ? groupMoves(moves, cut) : whole) {
      const { items, written } = transactionOf(group, now, cut);
      try {
        await db().send(new TransactWriteCommand({ TransactItems: items as never }));
      } catch (e) {
        if (!cancelled(e)) throw e;
        out.retries++;
        again.push(...group.map((m) => m.gridId));
        continue;
      }
      out.transactions++;
      out.items += items.length;
      const roots = new Set(group.map((m) => m.path[0]));
      out.rootWrites += written.filter((g) => roots.has(g)).length;
    }
    todo = again;
  }
  await applyCarries(out, now);
  return out;
}
