/**
 * The counter aggregator (the table stream's job) against DynamoDB Local: writes count themselves in
 * their own grid only (data/stats.ts statsUpdates, the real write path); DynamoDB Local's own stream
 * records of those writes are fed to the jobs handler duplicated, reordered, replayed, split, late
 * and concurrently, and every total must equal the sum a plain model computes from the writes.
 */
import { randomBytes } from 'node:crypto';
import { PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../src/data/client';
import { keys } from '../src/data/keys';
import { readStats, statsUpdates, type Deltas } from '../src/data/stats';
import { CARRY_LEVELS, groupMoves, MAX_TRANSACTION_ITEMS, type RollUp } from '../src/data/stats-rollup';
import { handler } from '../src/handlers/jobs';
import { rollUpStats } from '../src/domain/stats';
import { readBuckets } from '../src/data/stats';
import { chinaDate, chinaMonth } from '@gridlink/shared/time';
import { ensureTable } from '../src/local/table';
import { streamReader, type StreamRecord } from './local-stream';

const TABLE = `t-${randomBytes(6).toString('hex')}`;
const D = 'd0';
const PATHS: Record<string, string[]> = {
  u1: [D, 's1', 'c1', 'u1'],
  u2: [D, 's1', 'c1', 'u2'],
  u3: [D, 's2', 'c3', 'u3'],
  c1: [D, 's1', 'c1'], // a change counted at a community itself
};
const ALL_GRIDS = [...new Set(Object.values(PATHS).flat())];

interface Write {
  own: string;
  path: string[];
  deltas: Deltas;
}
const writes: Write[] = [];
let reader: Awaited<ReturnType<typeof streamReader>>;

/** a small seeded generator: the same "random" writes and orders on every run */
let seed = 20261201;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const shuffle = <T>(xs: T[]) => {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};

/** the writes, in order; several in one transaction only when their grids differ (one item once a transaction) */
async function write(list: Write[]) {
  const batches: Write[][] = [];
  for (const w of list) {
    const last = batches[batches.length - 1];
    if (last && last.length < 50 && !last.some((x) => x.own === w.own)) last.push(w);
    else batches.push([w]);
  }
  for (const b of batches) {
    const items = b.flatMap((w) => statsUpdates(w.path, w.deltas, new Date().toISOString()));
    await db().send(new TransactWriteCommand({ TransactItems: items as never }));
  }
  writes.push(...list);
}

const randomWrite = (own: string): Write => ({
  own,
  path: PATHS[own],
  deltas: { req_total: 1, req_open: rnd() < 0.3 ? -1 : 1, stars_sum: Math.floor(rnd() * 5) + 1 },
});

/** What the totals must be once the grids in `pushed` have been aggregated (each grid: all its writes so far). */
function model(pushed: Set<string>, grids = ALL_GRIDS): Record<string, Deltas> {
  const out: Record<string, Deltas> = Object.fromEntries(grids.map((g) => [g, {}]));
  for (const w of writes)
    if (pushed.has(w.own))
      for (const g of w.path)
        if (out[g]) for (const [k, v] of Object.entries(w.deltas)) out[g][k] = (out[g][k] ?? 0) + v;
  for (const d of Object.values(out)) for (const k of Object.keys(d)) if (d[k] === 0) delete d[k];
  return out;
}

/** each grid's DAY# (or MONTH#) bucket sums between two periods, zeros dropped */
async function buckets(kind: 'DAY' | 'MONTH', from: string, to = from, grids = ALL_GRIDS) {
  const out: Record<string, Deltas> = {};
  for (const g of grids) {
    const s = await readBuckets(g, kind, from, to);
    for (const k of Object.keys(s)) if (s[k] === 0) delete s[k];
    out[g] = s;
  }
  return out;
}

async function totals(grids = ALL_GRIDS): Promise<Record<string, Deltas>> {
  const out: Record<string, Deltas> = {};
  for (const g of grids) {
    const s = await readStats(g);
    for (const k of Object.keys(s)) if (s[k] === 0) delete s[k];
    out[g] = s;
  }
  return out;
}

/** the stream records of LOCAL counter items since the last call (what the cloud's filter lets through) */
async function localRecords(): Promise<StreamRecord[]> {
  return (await reader.next()).filter((r) => r.dynamodb.Keys.SK?.S === 'LOCAL');
}

const feed = async (records: StreamRecord[]) => (await handler({ Records: records })).stats as RollUp;
const carriesLeft = async () =>
  (
    await db().send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.statsCarryPk() },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];
const ownOf = (r: StreamRecord) => r.dynamodb.Keys.PK.S!.replace('STATS#', '');

beforeAll(async () => {
  process.env.TABLE_NAME = TABLE;
  await ensureTable(TABLE, { stream: true }); // this suite reads the table's stream
  reader = await streamReader(TABLE);
});

describe('the stream aggregator of grid counters', () => {
  let first: StreamRecord[];

  test('a write touches only its own grid: one LOCAL item, no total', async () => {
    expect(statsUpdates(PATHS.u1, { req_total: 1, req_open: 0 }, 'now')).toEqual([
      expect.objectContaining({ Update: expect.objectContaining({ Key: { PK: 'STATS#u1', SK: 'LOCAL' } }) }),
    ]);
    expect(statsUpdates(PATHS.u1, { req_open: 0 }, 'now')).toEqual([]);
    await write(shuffle(Object.keys(PATHS).flatMap((own) => [1, 2, 3].map(() => randomWrite(own)))));
    first = await localRecords();
    expect(first).toHaveLength(12);
    expect(first.every((r) => ['INSERT', 'MODIFY'].includes(r.eventName))).toBe(true);
    expect(await totals()).toEqual(model(new Set()));
  });

  test('a duplicated, reversed partial batch counts exactly the grids it names', async () => {
    const some = first.filter((r) => ['u1', 'u3'].includes(ownOf(r)));
    const out = await feed([...some, ...some].reverse());
    expect(out).toMatchObject({ grids: 2, moved: 2, transactions: 1 });
    expect(await totals()).toEqual(model(new Set(['u1', 'u3'])));
  });

  test('records shuffled in small batches, each delivered twice, then all replayed: no double count', async () => {
    const mixed = shuffle(first);
    for (let i = 0; i < mixed.length; i += 5) {
      await feed(mixed.slice(i, i + 5));
      await feed(mixed.slice(i, i + 5)); // a retried batch
    }
    const everything = new Set(Object.keys(PATHS));
    expect(await totals()).toEqual(model(everything));
    const replay = await feed([...first, ...shuffle(first), ...first]);
    expect(replay).toMatchObject({ moved: 0, transactions: 0 });
    expect(await totals()).toEqual(model(everything));
    // every run so far was today (China): today's day and month buckets hold exactly what the totals hold
    const today = new Date().toISOString();
    expect(await buckets('DAY', chinaDate(today))).toEqual(model(everything));
    expect(await buckets('MONTH', chinaMonth(today))).toEqual(model(everything));
  });

  test('period buckets on a controlled clock: a run counts on its China day, a replay on a later day adds nothing', async () => {
    const grids = ['e-d', 'e-s', 'e-c', 'e-u1', 'e-u2'];
    PATHS['e-u1'] = ['e-d', 'e-s', 'e-c', 'e-u1'];
    PATHS['e-u2'] = ['e-d', 'e-s', 'e-c', 'e-u2'];
    await write(['e-u1', 'e-u2', 'e-u1'].map((own) => randomWrite(own)));
    const recs = await localRecords();
    const dayOne = '2026-02-28T17:30:00.000Z'; // 01:30 on 1 March in China
    const run1 = await rollUpStats([...recs, ...shuffle(recs)], dayOne);
    expect(run1).toMatchObject({ moved: 2, transactions: 1 });
    const expected = model(new Set(['e-u1', 'e-u2']), grids);
    expect(await buckets('DAY', '2026-03-01', '2026-03-01', grids)).toEqual(expected);
    expect(await buckets('MONTH', '2026-03', '2026-03', grids)).toEqual(expected);
    expect(await buckets('DAY', '2026-02-28', '2026-02-28', grids)).toEqual(
      Object.fromEntries(grids.map((g) => [g, {}])),
    );
    // the same records replayed the next day, duplicated and reversed: nothing moves, no bucket of that day
    const run2 = await rollUpStats([...recs, ...recs].reverse(), '2026-03-02T02:00:00.000Z');
    expect(run2).toMatchObject({ moved: 0, transactions: 0 });
    expect(await buckets('DAY', '2026-03-01', '2026-03-31', grids)).toEqual(expected);
    // a new write the next day counts on that day only; the month holds both
    await write([{ own: 'e-u2', path: PATHS['e-u2'], deltas: { req_total: 1 } }]);
    await rollUpStats(await localRecords(), '2026-03-02T02:00:00.000Z');
    const day2 = await buckets('DAY', '2026-03-02', '2026-03-02', grids);
    expect(day2['e-d']).toEqual({ req_total: 1 });
    expect(day2['e-u1']).toEqual({});
    expect(await buckets('MONTH', '2026-03', '2026-03', grids)).toEqual(model(new Set(['e-u1', 'e-u2']), grids));
    expect(await totals(grids)).toEqual(model(new Set(['e-u1', 'e-u2']), grids));
    for (const g of ['e-u1', 'e-u2']) delete PATHS[g];
  });

  test('an old record arriving after newer writes pushes them once; their own records later add nothing', async () => {
    await write([randomWrite('u2'), randomWrite('u2'), randomWrite('c1')]);
    const late = await localRecords();
    expect(late).toHaveLength(3);
    const oldU2 = first.find((r) => ownOf(r) === 'u2')!;
    await feed([oldU2]);
    const everything = new Set(Object.keys(PATHS));
    // u2's new writes are in (its LOCAL is read, not the record); c1's new one waits for a record of c1
    const expected = model(everything);
    const c1Write = writes[writes.length - 1];
    for (const g of c1Write.path)
      for (const [k, v] of Object.entries(c1Write.deltas)) {
        expected[g][k] -= v;
        if (expected[g][k] === 0) delete expected[g][k];
      }
    expect(await totals()).toEqual(expected);
    await feed(shuffle([...late, ...late]));
    expect(await totals()).toEqual(model(everything));
  });

  test('aggregators racing on the same grids (overlapping batches at once) still count each write once', async () => {
    await write(shuffle(Object.keys(PATHS).flatMap((own) => [1, 2].map(() => randomWrite(own)))));
    const recs = await localRecords();
    const outs = await Promise.all([feed(recs), feed([...recs].reverse()), feed(shuffle(recs).slice(0, 4))]);
    expect(outs.reduce((n, o) => n + o.transactions, 0)).toBeGreaterThanOrEqual(1);
    expect(await totals()).toEqual(model(new Set(Object.keys(PATHS))));
  });

  test('150 grids in a batch: ≤ 100 items a transaction, top levels via carries, district written once', async () => {
    const units: string[] = [];
    for (let b = 0; b < 15; b++) for (let u = 0; u < 10; u++) units.push(`b${b}-u${u}`);
    for (const u of units) PATHS[u] = [D, 's9', 'c9', `b${u.split('-')[0].slice(1)}`, u];
    const before = await readStats(D);
    await write(units.map((own) => ({ own, path: PATHS[own], deltas: { req_total: 1 } })));
    const recs = await localRecords();
    expect(recs).toHaveLength(150);
    const out = await feed(shuffle(recs));
    expect(out.moved).toBe(150);
    expect(out.carries).toBeGreaterThan(1); // phase one took several transactions, each left a carry
    expect(out.transactions).toBe(out.carries + 1); // … and phase two applied them all in one
    expect(out.items).toBeLessThanOrEqual(out.transactions * MAX_TRANSACTION_ITEMS);
    expect(out.rootWrites).toBe(1);
    expect(await carriesLeft()).toEqual([]);
    const after = await readStats(D);
    expect(after.req_total - before.req_total).toBe(150);
    const grids = ['s9', 'c9', ...Array.from({ length: 15 }, (_, b) => `b${b}`), ...units];
    expect(await totals(grids)).toEqual(model(new Set(units), grids));
    // the carries named their buckets: the top levels' day buckets got the same as their totals
    expect(await buckets('DAY', chinaDate(new Date().toISOString()), undefined, grids)).toEqual(
      model(new Set(units), grids),
    );
    const moves = units.map((u) => ({ path: PATHS[u] }));
    for (const g of groupMoves(moves))
      expect(g.length + new Set(g.flatMap((m) => m.path)).size).toBeLessThanOrEqual(100);
    for (const g of groupMoves(moves, CARRY_LEVELS))
      expect(g.length + new Set(g.flatMap((m) => m.path.slice(CARRY_LEVELS))).size + 1).toBeLessThanOrEqual(100);
  });

  test('a carry left by a run that died between its phases is applied by the next runs exactly once', async () => {
    const now = new Date().toISOString();
    await db().send(
      new PutCommand({
        TableName: TABLE,
        Item: {
          ...keys.statsCarry(now, 'left-by-a-dead-run'),
          type: 'stats_carry',
          sums: { 'x-d': { req_total: 5, req_open: 2 }, 'x-s': { req_total: 5, req_open: 2 } },
          roots: ['x-d'],
          createdAt: now,
        },
      }),
    );
    // two runs at once, on records of grids with nothing new (a replay): each ends by applying carries
    const outs = await Promise.all([feed(first.slice(0, 2)), feed(first.slice(2, 4))]);
    expect(outs.map((o) => o.moved)).toEqual([0, 0]);
    expect(outs.reduce((n, o) => n + o.carries, 0)).toBe(1);
    expect(await totals(['x-d', 'x-s'])).toEqual({
      'x-d': { req_total: 5, req_open: 2 },
      'x-s': { req_total: 5, req_open: 2 },
    });
    expect(await carriesLeft()).toEqual([]);
    await feed(first);
    expect((await readStats('x-d')).req_total).toBe(5);
  });
});
