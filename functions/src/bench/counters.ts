/**
 * Counters that scale (part of the endpoints part). A write counts itself in its own grid's LOCAL
 * item only; the table stream's aggregator (data/stats-rollup.ts) adds batches of such changes to
 * the totals of each grid and its ancestors. Measured here: the aggregator on batches of 1 … 1,000
 * stream records over Haizhou's grid tree (generator.ts, a tenth of the writes in the busy
 * community), through the jobs handler the stream invokes. Modelled from that: the writes per second
 * the district's total takes before (every counted write, inside the user's transaction) and after
 * (one per aggregator transaction), at Haizhou's volume and at 100×.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../data/client';
import { statsUpdates } from '../data/stats';
import { STREAM_BATCH, type RollUp } from '../data/stats-rollup';
import { handler } from '../handlers/jobs';
import { streamRecordOf } from '../local/stats-feed';
import { counted, type Tally } from './counter';
import { makeGrids } from './generator';
import { int, mean, median, ms, num, say, table } from './util';

export interface CounterBatch {
  records: number;
  rolls: RollUp[];
  tallies: Tally[];
  lat: number[];
}

/** Batch sizes measured, and runs of each. */
const PLAN: [records: number, runs: number][] = [
  [1, 10],
  [10, 5],
  [100, 3],
  [1000, 1],
];

export const COUNTER_ASSUME = {
  /** when the writes happen: 22 working days of 8 hours a month */
  workingSeconds: 22 * 8 * 3600,
  /** the busiest hour of a working day carries this share of the day's writes (the morning burst) */
  peakHourShare: 0.25,
  /** how long a transaction holds its items against a concurrent one (two-phase commit, one region) */
  transactionMs: 20,
  /** stream shards ≈ table partitions (≤ 10 GB each): Haizhou's 0.4 GB is one, 100× (43 GB) about five */
  shards: { 1: 1, 100: 5 } as Record<number, number>,
  /** DynamoDB's limit of one item (and one partition) */
  itemWritesPerSecond: 1000,
};

/** a seeded generator (the same units every run) */
function lcg(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

export async function benchCounterBatches(): Promise<CounterBatch[]> {
  const ds = makeGrids(1, new Date().toISOString());
  const busy = ds.units.filter((u) => u.path[2] === ds.busyCommunity);
  const r = lcg(11);
  const unit = () => (r() < 0.1 ? busy[Math.floor(r() * busy.length)] : ds.units[Math.floor(r() * ds.units.length)]);
  const out: CounterBatch[] = [];
  for (const [records, runs] of PLAN) {
    const b: CounterBatch = { records, rolls: [], tallies: [], lat: [] };
    for (let i = 0; i < runs; i++) {
      const units = Array.from({ length: records }, unit);
      // the writes (not measured): a submit's counters in the unit's LOCAL item, one write per record
      const now = new Date().toISOString();
      let tx: unknown[] = [];
      let seen = new Set<string>();
      const flush = async () => {
        if (tx.length) await db().send(new TransactWriteCommand({ TransactItems: tx as never }));
        tx = [];
        seen = new Set();
      };
      for (const u of units) {
        if (seen.has(u.id) || tx.length >= 100) await flush();
        seen.add(u.id);
        tx.push(...statsUpdates(u.path, { req_total: 1, req_submitted: 1, req_open: 1, cat_facility: 1 }, now));
      }
      await flush();
      const t = performance.now();
      const { value, tally } = await counted(() => handler({ Records: units.map((u) => streamRecordOf(u.id)) }));
      b.lat.push(performance.now() - t);
      b.tallies.push(tally);
      b.rolls.push(value.stats as RollUp);
    }
    out.push(b);
    say(`counters: batches of ${records} record(s): ${num(mean(b.rolls.map((x) => x.rootWrites)))} district writes`);
  }
  return out;
}

const per = (b: CounterBatch, f: (r: RollUp) => number) => mean(b.rolls.map(f));

/** A measured figure per batch at `records` records a batch (linear between the sizes measured). */
function at(batches: CounterBatch[], records: number, f: (b: CounterBatch) => number): number {
  const sorted = [...batches].sort((a, b) => a.records - b.records);
  if (records <= sorted[0].records) return f(sorted[0]);
  for (let i = 1; i < sorted.length; i++)
    if (records <= sorted[i].records) {
      const [a, b] = [sorted[i - 1], sorted[i]];
      const w = (records - a.records) / (b.records - a.records);
      return f(a) * (1 - w) + f(b) * w;
    }
  return f(sorted[sorted.length - 1]);
}

/**
 * One shard's batches at `rate` records/s: a batch opens with its first record and closes a window
 * later (or at 1,000 records), so it holds 1 + rate × window records and comes 1 / (1/rate + window)
 * times a second.
 */
function batching(rate: number) {
  const records = Math.min(STREAM_BATCH.records, 1 + rate * STREAM_BATCH.windowSeconds);
  return { records, perSecond: rate / records };
}

/** The aggregator's month at `counted` writes a month (k = 1: Haizhou; 100: 100×). */
export function aggregatorMonth(batches: CounterBatch[], counted: number, k: number) {
  const shards = COUNTER_ASSUME.shards[k] ?? 1;
  const { records } = batching(counted / COUNTER_ASSUME.workingSeconds / shards);
  const n = counted / records;
  return {
    batches: n,
    records,
    rru: n * at(batches, records, (b) => mean(b.tallies.map((t) => t.rru))),
    wru: n * at(batches, records, (b) => mean(b.tallies.map((t) => t.wru))),
    ms: at(batches, records, (b) => median(b.lat)),
  };
}

const chance = (ratePerSecond: number) => 1 - Math.exp(-2 * ratePerSecond * (COUNTER_ASSUME.transactionMs / 1000));
const pct = (x: number) => (x >= 0.01 ? `${(x * 100).toFixed(1)} %` : x > 0 ? `${(x * 100).toFixed(3)} %` : '0 %');
const rate = (x: number) => (x >= 10 ? int(x) : x >= 0.01 ? x.toFixed(2) : x.toExponential(1));

/** Print the measured batches and the district item's writes per second, before and after. */
export function printCounters(batches: CounterBatch[], countedPerMonth: number) {
  table(
    'Counters: the stream aggregator on batches of LOCAL-counter records over Haizhou’s grid tree (jobs handler)',
    [
      'records a batch',
      'batches',
      'distinct grids',
      'transactions',
      'district-item writes',
      'items written',
      'DynamoDB calls',
      'RRU',
      'WRU',
      'WRU / record',
      'median ms',
    ],
    batches.map((b) => [
      int(b.records),
      String(b.rolls.length),
      num(per(b, (r) => r.grids)),
      num(per(b, (r) => r.transactions)),
      num(per(b, (r) => r.rootWrites)),
      num(per(b, (r) => r.items)),
      num(mean(b.tallies.map((t) => t.calls))),
      num(mean(b.tallies.map((t) => t.rru))),
      num(mean(b.tallies.map((t) => t.wru))),
      num(mean(b.tallies.map((t) => t.wru)) / b.records),
      ms(median(b.lat)),
    ]),
    [
      'Each record names one unit (a tenth of them in the busy community, as the scale data).',
      'The aggregator reads LOCAL and PUSHED of each distinct grid (a consistent BatchGet per 50 grids) and',
      'writes, per transaction of ≤ 100 items, each affected total once and each grid’s PUSHED marker; when a',
      'batch needs more than one transaction, the top levels (district, street, community) get carries, applied',
      'by one more transaction at the end: the district is written once or twice, however big the batch.',
      'Every run also Queries for carries left by a run that died. WRU: 2 per item and KB of each transaction',
      '(DynamoDB Local under-reports transactions: bench/counter.ts estimates them).',
    ].join(' '),
  );
  const A = COUNTER_ASSUME;
  const busy = makeGrids(1, new Date().toISOString());
  const busyUnits = busy.units.filter((u) => u.path[2] === busy.busyCommunity).length;
  const busiestUnitShare = 0.1 / busyUnits + 0.9 / busy.units.length;
  const rows: string[][] = [];
  const busiest = `busiest hour (${A.peakHourShare * 100} % of a day)`;
  for (const k of [1, 100])
    for (const peak of [false, true]) {
      const month = countedPerMonth * k;
      const lambda = peak ? ((month / 22) * A.peakHourShare) / 3600 : month / A.workingSeconds;
      const shards = A.shards[k] ?? 1;
      const b = batching(lambda / shards);
      const tx = at(batches, b.records, (x) => per(x, (r) => r.rootWrites));
      const after = shards * b.perSecond * tx;
      rows.push([
        `${k === 1 ? 'Haizhou' : '100×'}, ${peak ? busiest : 'working hours on average'}`,
        rate(lambda),
        rate(lambda),
        pct(chance(lambda)),
        String(shards),
        num(b.records),
        rate(after),
        pct(chance(lambda * busiestUnitShare)),
        `${ms(STREAM_BATCH.windowSeconds * 1000 + at(batches, b.records, (x) => median(x.lat)))} ms`,
      ]);
    }
  table(
    'Counters: writes per second the district’s total takes, before (in every write) and after (per batch)',
    [
      'volume',
      'counted writes / s',
      'before: district-item writes / s',
      'before: a write meets another transaction on the district item',
      'stream shards',
      'after: records a batch (per shard)',
      'after: district-item writes / s',
      'after: a write meets another on its own counter item (busiest unit)',
      'after: dashboards trail writes by ≈',
    ],
    rows,
    [
      `Counted writes: ${int(countedPerMonth)} a month at Haizhou (the request mix × the LOCAL counter items each`,
      `measured call wrote). One item takes at most ${int(A.itemWritesPerSecond)} writes/s; in DynamoDB two`,
      'transactions on one item at once cancel one of them (TransactionConflict, which DynamoDB Local never',
      `raises): the chance is 1 − e^(−2 × rate × ${A.transactionMs} ms). Before, every counted write also`,
      "wrote the district, street and community totals inside the user's own transaction; after, a user's transaction",
      `shares a counter item only with writes of the same grid (the busiest unit gets ${pct(busiestUnitShare)} of`,
      "the writes), and the district's total is written by the aggregator: once per shard batch (twice for",
      'the biggest), whatever the write rate; aggregator transactions that meet retry after a fresh read, no user',
      `write waits. A shard's batch opens with its first record and closes ${STREAM_BATCH.windowSeconds} s later`,
      `or at ${int(STREAM_BATCH.records)} records (cdk/lib/constructs/jobs.ts); district writes per batch as`,
      'measured above (interpolated between the sizes measured).',
    ].join(' '),
  );
}
