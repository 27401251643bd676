/**
 * Part "scale": the generator writes Haizhou-size data (and the same at 1 %) through BatchWrite,
 * then list and dashboard latency are measured on both, interleaved call by call so both sizes
 * see the same machine. Query and GetItem do not depend on table size: the ratio stays near 1.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { db, table } from '../data/client';
import { ensureTable } from '../local/table';
import { seedDemo } from '../seed/seed';
import { startApi, type Api } from '../../test/harness';
import { counted, installCounter } from './counter';
import {
  benchStaff,
  gridItem,
  makeGrids,
  requests,
  residents,
  statsItems,
  storedBytes,
  type Dataset,
} from './generator';
import { int, mean, median, ms, num, onCleanup, percentile, ratio, say, sleep, table as printTable } from './util';

const BATCH = 25;
const IN_FLIGHT = 8;

interface Written {
  label: string;
  table: string;
  ds: Dataset;
  items: number;
  seconds: number;
  storedBytes: number;
  byPhase: Record<string, number>;
  /** requests in each inbox partition (GSI2) */
  inboxes: Map<string, number>;
}

async function batchWrite(items: Record<string, unknown>[]) {
  let pending: Record<string, unknown>[] = items.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; pending.length; attempt++) {
    const out = await db().send(new BatchWriteCommand({ RequestItems: { [table()]: pending as never } }));
    pending = (out.UnprocessedItems?.[table()] ?? []) as Record<string, unknown>[];
    if (pending.length) {
      if (attempt > 20) throw new Error(`BatchWrite: ${pending.length} items still unprocessed`);
      await sleep(Math.min(1000, 20 * 2 ** attempt));
    }
  }
}

/** BatchWrite 25 at a time, IN_FLIGHT calls at once, progress every 2 s. */
async function writeAll(
  label: string,
  phase: string,
  source: Iterable<Record<string, unknown>>,
  expected: number,
  acc: { items: number; bytes: number },
) {
  const inflight = new Set<Promise<void>>();
  let batch: Record<string, unknown>[] = [];
  let done = 0;
  const t0 = Date.now();
  let last = t0;
  const launch = (b: Record<string, unknown>[]) => {
    const p: Promise<void> = batchWrite(b).then(() => {
      done += b.length;
      inflight.delete(p);
    });
    inflight.add(p);
  };
  for (const item of source) {
    acc.bytes += storedBytes(item);
    batch.push(item);
    if (batch.length === BATCH) {
      launch(batch);
      batch = [];
      while (inflight.size >= IN_FLIGHT) await Promise.race(inflight);
      if (Date.now() - last > 2000) {
        last = Date.now();
        say(`  ${label}: ${phase} ${int(done)}/${int(expected)} (${int(done / ((last - t0) / 1000))} items/s)`);
      }
    }
  }
  if (batch.length) launch(batch);
  await Promise.all(inflight);
  acc.items += done;
  const s = (Date.now() - t0) / 1000;
  say(`  ${label}: ${phase} ${int(done)} items in ${s.toFixed(1)} s (${int(done / Math.max(s, 0.001))} items/s)`);
  return done;
}

async function generate(label: string, tableName: string, fraction: number): Promise<Written> {
  process.env.TABLE_NAME = tableName;
  const nowMs = Date.now();
  const now = new Date(nowMs).toISOString();
  const ds = makeGrids(fraction, now);
  const c = ds.counts;
  say(
    `scale ${label}: writing ${int(ds.grids.length)} grid nodes (${c.streets} streets, ${c.communities} communities, ${c.compounds} compounds, ${c.areas} areas, ${c.buildings} buildings, ${c.units} units), ${int(c.residents)} residents, ${int(c.requests)} requests + STATS into ${tableName}…`,
  );
  const acc = { items: 0, bytes: 0 };
  const byPhase: Record<string, number> = {};
  const t0 = Date.now();
  byPhase.grids = await writeAll(
    label,
    'grid nodes + staff',
    [...ds.grids.map(gridItem), ...benchStaff(ds, now)],
    ds.grids.length + 2,
    acc,
  );
  byPhase.residents = await writeAll(label, 'residents', residents(ds, now), c.residents, acc);
  const stats = new Map<string, Record<string, number>>();
  const inboxes = new Map<string, number>();
  byPhase.requests = await writeAll(
    label,
    'requests + open-request index',
    requests(ds, nowMs, stats, inboxes),
    Math.round(c.requests * 1.1),
    acc,
  );
  byPhase.stats = await writeAll(label, 'STATS counters', statsItems(stats, now), stats.size, acc);
  return {
    label,
    table: tableName,
    ds,
    items: acc.items,
    seconds: (Date.now() - t0) / 1000,
    storedBytes: acc.bytes,
    byPhase,
    inboxes,
  };
}

export async function benchScale(opts: { fraction: number; calls: number }) {
  say('scale: starting the local stack…');
  const api: Api = await startApi();
  onCleanup(() => api.stop());
  installCounter();
  const prevLevel = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'warn';
  const fullTable = api.stack.tableName;
  const smallTable = `${fullTable}-1pct`;
  // the 1 % table: same definition, same demo seed
  process.env.TABLE_NAME = smallTable;
  await ensureTable(smallTable);
  await seedDemo();
  onCleanup(async () => {
    await db()
      .send(new DeleteTableCommand({ TableName: smallTable }))
      .catch(() => undefined);
  });

  // the local tables go without the cloud's stream (local/table.ts): no lookup per written item
  const small = await generate('1 %', smallTable, opts.fraction * 0.01);
  const full = await generate(opts.fraction === 1 ? 'Haizhou' : `${opts.fraction * 100} %`, fullTable, opts.fraction);
  const sets = [small, full];

  printTable(
    'Scale: generated data sets (BatchWrite, 25 items a call, 8 calls in flight, DynamoDB Local in memory)',
    [
      'data set',
      'grid nodes',
      'residents',
      'requests',
      'items written',
      'write s',
      'items/s',
      'stored (table + GSIs, est.)',
    ],
    sets.map((w) => [
      w.label,
      int(w.ds.grids.length),
      int(w.ds.counts.residents),
      int(w.ds.counts.requests),
      int(w.items),
      w.seconds.toFixed(1),
      int(w.items / w.seconds),
      `${(w.storedBytes / 1024 / 1024).toFixed(1)} MiB`,
    ]),
    "Items: grid nodes, residents (user items with units), requests (with their index attributes) and their open-request index items, one STATS item per grid; the local tables have no stream (DynamoDB Local would emulate it with a lookup per item). Stored size estimated with DynamoDB's item-size rules, +100 B per item and per GSI copy (projection ALL).",
  );

  // tokens: the same users exist in both tables (bench staff are generated into each)
  const tokens: Record<string, Record<string, string>> = {};
  for (const w of sets) {
    process.env.TABLE_NAME = w.table;
    tokens[w.table] = {};
    for (const u of ['bench-cadmin', 'district-admin-demo']) {
      const r = await api.call('POST', '/v1/auth/dev-login', { body: { userId: u } });
      if (r.status !== 200) throw new Error(`login ${u} on ${w.table}: ${r.status}`);
      tokens[w.table][u] = r.body.token;
    }
  }
  const busy = full.ds.busyCommunity; // same id in both: the generator's first community
  const queries = [
    {
      label: `inbox of the busy community (GET /v1/requests?view=inbox, community staff)`,
      path: '/v1/requests?view=inbox',
      who: 'bench-cadmin',
    },
    {
      label: `children of the busy community (GET /v1/grids/${busy}/children)`,
      path: `/v1/grids/${busy}/children`,
      who: 'bench-cadmin',
    },
    {
      label: `children of the district (GET /v1/grids/hz/children)`,
      path: '/v1/grids/hz/children',
      who: 'district-admin-demo',
    },
    {
      label: `dashboard of the busy community (GET /v1/stats/grids/${busy})`,
      path: `/v1/stats/grids/${busy}`,
      who: 'bench-cadmin',
    },
    {
      label: 'dashboard of the district (GET /v1/stats/grids/hz)',
      path: '/v1/stats/grids/hz',
      who: 'district-admin-demo',
    },
  ];
  const lat = new Map<string, number[]>();
  const calls = new Map<string, number[]>();
  const shape = new Map<string, string>();
  const key = (q: number, w: Written) => `${q}|${w.table}`;
  say(`scale: measuring ${queries.length} reads × ${opts.calls} calls on both data sets, interleaved…`);
  for (let round = -2; round < opts.calls; round++) {
    for (const [qi, q] of queries.entries()) {
      for (const w of round % 2 ? sets : [...sets].reverse()) {
        process.env.TABLE_NAME = w.table;
        const t = performance.now();
        const { value: out, tally } = await counted(() => api.call('GET', q.path, { token: tokens[w.table][q.who] }));
        const dt = performance.now() - t;
        if (out.status !== 200)
          throw new Error(`${q.path} on ${w.label}: ${out.status} ${JSON.stringify(out.body).slice(0, 200)}`);
        if (round < 0) continue; // warm-up
        const k = key(qi, w);
        lat.set(k, [...(lat.get(k) ?? []), dt]);
        calls.set(k, [...(calls.get(k) ?? []), tally.calls]);
        const b = out.body;
        shape.set(
          k,
          Array.isArray(b.items)
            ? `${b.items.length} items${b.nextCursor ? ' + cursor' : ''}`
            : b.requests
              ? `req_total ${int(b.requests.total)}`
              : '',
        );
      }
    }
  }
  process.env.TABLE_NAME = fullTable;
  process.env.LOG_LEVEL = prevLevel;
  printTable(
    `Scale: list and dashboard latency, ${small.label} vs ${full.label} data (${opts.calls} calls each, interleaved; the ratio should stay near 1)`,
    [
      'read',
      `${small.label} median ms`,
      `${small.label} p95 ms`,
      `${full.label} median ms`,
      `${full.label} p95 ms`,
      `median ${full.label} ÷ ${small.label}`,
      'DynamoDB calls',
      `answer (${small.label} / ${full.label})`,
    ],
    queries.map((q, qi) => {
      const a = lat.get(key(qi, small))!;
      const b = lat.get(key(qi, full))!;
      return [
        q.label,
        ms(median(a)),
        ms(percentile(a, 95)),
        ms(median(b)),
        ms(percentile(b, 95)),
        ratio(median(b), median(a)),
        `${num(mean(calls.get(key(qi, small))!))} / ${num(mean(calls.get(key(qi, full))!))}`,
        `${shape.get(key(qi, small))} / ${shape.get(key(qi, full))}`,
      ];
    }),
    `The busy community's inbox partition holds ${int(small.inboxes.get(busy) ?? 0)} vs ${int(full.inboxes.get(busy) ?? 0)} requests, but a page is one Query with Limit 20; dashboards read one STATS item, the totals the stream aggregator keeps (its req_total counts every request below the grid).`,
  );
}
