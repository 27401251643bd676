/**
 * Part "import" of `npm run bench` (alone: `npm run bench:import -- [--import-persons 10000]`):
 * the base-data import of a generated workbook next to raw BatchWriteItem of the very items it
 * wrote, in one run against one DynamoDB Local. Fair by construction: every run writes into a
 * fresh table of the same definition, and the runs alternate (import, raw, import, raw) so the
 * JVM's warm-up and the machine's load fall on both sides; each side's rate is its best run.
 * Also: the re-import of the same file (nothing changes) and the import's peak RSS (it streams).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../local/table';
import { seedDemo } from '../seed/seed';
import { db } from '../data/client';
import { batchPut } from '../data/basedata';
import { IMPORT_BATCH, runImport, type ImportResult } from '../domain/basedata/import';
import { openSource } from '../domain/basedata/source';
import { limiter } from '../domain/basedata/pool';
import { writeGeneratedWorkbook } from '../seed/district-workbook';
import { int, onCleanup, ratio, say, table as printTable } from './util';

const BASE_TYPES = new Set(['house', 'person', 'grid']);

/** a fresh table of the local definition (without the cloud's stream: see local/table.ts) */
async function useTable(name: string, seed: boolean) {
  process.env.TABLE_NAME = name;
  await ensureTable(name);
  if (seed) await seedDemo();
}

async function importOnce(file: string) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const t0 = performance.now();
  try {
    const result = await runImport(await openSource(file), {
      districtId: 'hz',
      actor: { id: 'bench', role: 'district_admin' },
    });
    return { result, seconds: (performance.now() - t0) / 1000, peak };
  } finally {
    clearInterval(sampler);
  }
}

async function baseItems(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(new ScanCommand({ TableName: process.env.TABLE_NAME, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []).filter((i) => BASE_TYPES.has(String(i.type))));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** the same concurrency as the import's writer: 4 batches of IMPORT_BATCH (20 × 25) in flight */
async function rawOnce(items: Record<string, unknown>[]) {
  const t0 = performance.now();
  const lim = limiter(4);
  for (let i = 0; i < items.length; i += IMPORT_BATCH) await lim.run(() => batchPut(items.slice(i, i + IMPORT_BATCH)));
  await lim.drain();
  return (performance.now() - t0) / 1000;
}

const rowsOf = (r: ImportResult) => Object.values(r.sheets).reduce((s, c) => s + c.rows, 0);

export async function benchImport(opts: { persons: number }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gridlink-bench-import-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'district.xlsx');
  say(`import: generating a workbook of ${opts.persons} persons…`);
  const counts = await writeGeneratedWorkbook(file, opts.persons);
  const mb = statSync(file).size / 1e6;
  let items: Record<string, unknown>[] = [];
  const imports: Awaited<ReturnType<typeof importOnce>>[] = [];
  const raws: number[] = [];
  for (let round = 1; round <= 2; round++) {
    say(`import: round ${round}: import into a fresh table…`);
    await useTable(`bench-import-${round}`, true);
    imports.push(await importOnce(file));
    if (!items.length) items = await baseItems();
    say(`import: round ${round}: raw BatchWriteItem of its ${items.length} items into a fresh table…`);
    await useTable(`bench-raw-${round}`, false);
    raws.push(await rawOnce(items));
  }
  say('import: re-import of the same file (nothing changes)…');
  process.env.TABLE_NAME = 'bench-import-2';
  const again = await importOnce(file);
  const rows = rowsOf(imports[0].result);
  const bestImport = Math.min(...imports.map((i) => i.seconds));
  const bestRaw = Math.min(...raws);
  const changed = Object.values(again.result.sheets).reduce((s, c) => s + c.created + c.updated, 0);
  const problems = imports[0].result.problems.map((p) => p.problem).join('; ') || 'none';
  const perSec = (n: number, s: number) => int(n / s);
  printTable(
    `Base-data import vs raw BatchWriteItem (${int(opts.persons)} persons, ${counts.houses} houses, ` +
      `${counts.units} units; ${mb.toFixed(1)} MB .xlsx)`,
    ['run', 'rows / items', 'round 1 s', 'round 2 s', 'best per second', 'peak RSS'],
    [
      [
        'import (read, validate, write)',
        int(rows),
        imports[0].seconds.toFixed(1),
        imports[1].seconds.toFixed(1),
        perSec(rows, bestImport),
        `${int(Math.max(...imports.map((i) => i.peak)) / 1e6)} MB`,
      ],
      [
        'raw BatchWriteItem',
        int(items.length),
        raws[0].toFixed(1),
        raws[1].toFixed(1),
        perSec(items.length, bestRaw),
        '–',
      ],
      [
        're-import (nothing changes)',
        int(rowsOf(again.result)),
        again.seconds.toFixed(1),
        '–',
        perSec(rows, again.seconds),
        `${int(again.peak / 1e6)} MB`,
      ],
    ],
    `import / raw = ${ratio(rows / bestImport, items.length / bestRaw)} (items per second, best of two ` +
      `alternating rounds, fresh tables); grids created ${imports[0].result.gridsCreated}; problems ${problems}; ` +
      `re-import changed ${changed} rows.`,
  );
}
