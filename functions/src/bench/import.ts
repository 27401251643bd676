/**
 * `npm run bench:import -- [--persons 10000]`: the import of a generated workbook next to raw
 * BatchWriteItem of the very items it wrote (into a second table of the same DynamoDB Local, same
 * concurrency of 4 × 8 calls of 25), with rows/s, total time and peak RSS. Not a test.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoLocal } from '../local/dynamodb';
import { ensureTable } from '../local/table';
import { seedDemo } from '../seed/seed';
import { db } from '../data/client';
import { batchPut } from '../data/basedata';
import { runImport } from '../domain/basedata/import';
import { openSource } from '../domain/basedata/source';
import { limiter } from '../domain/basedata/pool';
import { writeGeneratedWorkbook } from './basedata-gen';

const say = (m: string) => process.stderr.write(`[bench:import] ${m}\n`);

async function main() {
  const { values } = parseArgs({ options: { persons: { type: 'string', default: '10000' } } });
  const persons = Number(values.persons);
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.LOG_LEVEL ??= 'warn';
  const dir = mkdtempSync(path.join(tmpdir(), 'gridlink-bench-import-'));
  const dynamo = await startDynamoLocal({});
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  try {
    process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
    process.env.TABLE_NAME = 'bench-import';
    process.env.STAGE ??= 'local';
    db();
    await ensureTable('bench-import');
    await seedDemo();
    const file = path.join(dir, 'district.xlsx');
    say(`generating ${persons} persons…`);
    const counts = await writeGeneratedWorkbook(file, persons);
    say(`${file}: ${(statSync(file).size / 1e6).toFixed(1)} MB, ${counts.units} units, ${counts.houses} houses`);
    const rssBefore = process.memoryUsage().rss;
    peak = rssBefore;
    const t0 = performance.now();
    const result = await runImport(await openSource(file), {
      districtId: 'hz',
      actor: { id: 'bench', role: 'district_admin' },
    });
    const importSecs = (performance.now() - t0) / 1000;
    const importPeak = peak;
    const rows = Object.values(result.sheets).reduce((s, c) => s + c.rows, 0);
    if (result.problems.length) say(`problems: ${JSON.stringify(result.problems.slice(0, 3))}`);

    // the same items, raw: read them back, then BatchWriteItem into a fresh table
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db().send(new ScanCommand({ TableName: 'bench-import', ExclusiveStartKey: start }));
      items.push(...(out.Items ?? []).filter((i) => i.type === 'house' || i.type === 'person' || i.type === 'grid'));
      start = out.LastEvaluatedKey;
    } while (start);
    process.env.TABLE_NAME = 'bench-raw';
    await ensureTable('bench-raw');
    const t1 = performance.now();
    const lim = limiter(4);
    for (let i = 0; i < items.length; i += 200) await lim.run(() => batchPut(items.slice(i, i + 200)));
    await lim.drain();
    const rawSecs = (performance.now() - t1) / 1000;

    // re-import: nothing changes
    process.env.TABLE_NAME = 'bench-import';
    const t2 = performance.now();
    const again = await runImport(await openSource(file), {
      districtId: 'hz',
      actor: { id: 'bench', role: 'district_admin' },
    });
    const againSecs = (performance.now() - t2) / 1000;
    const changed = Object.values(again.sheets).reduce((s, c) => s + c.created + c.updated, 0);

    const table = [
      ['', 'rows/items', 'seconds', 'per second'],
      ['import (validate + write)', String(rows), importSecs.toFixed(1), (rows / importSecs).toFixed(0)],
      ['raw BatchWriteItem', String(items.length), rawSecs.toFixed(1), (items.length / rawSecs).toFixed(0)],
      ['re-import (nothing changes)', String(rows), againSecs.toFixed(1), (rows / againSecs).toFixed(0)],
    ];
    for (const r of table) console.log(r.map((c, i) => (i ? c.padStart(12) : c.padEnd(30))).join(''));
    console.log(
      `import / raw = ${(rows / importSecs / (items.length / rawSecs)).toFixed(2)}×; ` +
        `grids created ${result.gridsCreated}; re-import changed ${changed}; ` +
        `peak RSS during import ${(importPeak / 1e6).toFixed(0)} MB (before ${(rssBefore / 1e6).toFixed(0)} MB)`,
    );
  } finally {
    clearInterval(sampler);
    await dynamo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
