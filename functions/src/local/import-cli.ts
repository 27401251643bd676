/**
 * `npm run import -- <file.xlsx | folder of .csv | file.csv> [--district hz] [--actor <userId>]
 *   [--endpoint http://127.0.0.1:PORT] [--table gridlink] [--report <out.csv>]`
 * Imports base data through the same code path as the admin upload. With --endpoint (the
 * DynamoDB that `npm start` prints) it writes into the running stack; without, it opens the local
 * stack's saved data (.data/dynamodb) itself — stop `npm start` first or pass --endpoint.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runImport } from '../domain/basedata/import';
import { reportCsv } from '../domain/imports/report';
import { openSource, SourceError, type ByteMeter } from '../domain/basedata/source';
import { findUp, startDynamoLocal, type DynamoHandle } from './dynamodb';
import { ensureTable } from './table';
import { seedDemo } from '../seed/seed';
import { db } from '../data/client';

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

export interface CliOptions {
  district: string;
  actor: string;
  endpoint?: string;
  table: string;
  report?: string;
}

export const CLI_OPTIONS = {
  district: { type: 'string', default: 'hz' },
  actor: { type: 'string', default: 'district-admin-demo' },
  endpoint: { type: 'string' },
  table: { type: 'string', default: 'gridlink' },
  report: { type: 'string' },
} as const;

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: CLI_OPTIONS });
  const input = positionals[0];
  if (!input) {
    console.error('用法：npm run import -- <文件.xlsx | CSV 文件夹> [--district hz] [--endpoint URL]');
    process.exit(2);
  }
  process.exitCode = await importWithProgress(input, values);
}

/** the import with a progress bar and a report file; returns the exit code */
export async function importWithProgress(input: string, values: CliOptions): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.LOG_LEVEL ??= 'warn';
  let dynamo: DynamoHandle | undefined;
  if (values.endpoint) process.env.DYNAMODB_ENDPOINT = values.endpoint;
  else {
    const root = path.dirname(findUp('package-lock.json') ?? path.resolve('package-lock.json'));
    dynamo = await startDynamoLocal({ dbPath: path.join(root, '.data/dynamodb') });
    process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  }
  process.env.TABLE_NAME = values.table;
  process.env.STAGE ??= 'local';
  db();
  try {
    if (await ensureTable(values.table)) await seedDemo();
    const meter: ByteMeter = { total: 0, read: 0 };
    const t0 = Date.now();
    let phase2 = 0;
    let lastPrint = 0;
    const source = await openSource(input, meter);
    const result = await runImport(source, {
      districtId: values.district,
      actor: { id: values.actor, role: 'district_admin' },
      onProgress: (p) => {
        const now = Date.now();
        if (p.phase === '数据' && !phase2) phase2 = now;
        if (now - lastPrint < 250) return;
        lastPrint = now;
        const secs = (now - (phase2 || t0)) / 1000;
        const rate = secs > 0 ? p.rows / secs : 0;
        const share = meter.total ? Math.min(1, meter.read / meter.total) : 0;
        const eta = share > 0.01 ? clock((secs / share) * (1 - share)) : '--:--';
        const bar = '█'.repeat(Math.round(share * 20)).padEnd(20, '░');
        process.stdout.write(
          `\r[导入] ${bar} ${(share * 100).toFixed(0).padStart(3)}% ${p.sheet} ${p.rows} 行 · ` +
            `${rate.toFixed(0)} 行/秒 · 预计剩余 ${eta}   `,
        );
      },
    });
    const secs = (Date.now() - t0) / 1000;
    process.stdout.write('\n');
    const reportFile = values.report ?? `${input.replace(/[/\\]+$/, '')}.report.csv`;
    writeFileSync(reportFile, reportCsv(result));
    if (result.fatal) console.log(`无法导入：${result.fatal}`);
    console.log(`导入 ${result.importId}，用时 ${secs.toFixed(1)} 秒，新建网格节点 ${result.gridsCreated} 个`);
    for (const [sheet, c] of Object.entries(result.sheets))
      console.log(
        `  ${sheet.padEnd(4, '　')} ${c.rows} 行：新增 ${c.created}，更新 ${c.updated}，未变 ${c.unchanged}，` +
          `重复 ${c.duplicate}，未导入 ${c.rejected}`,
      );
    const total = Object.values(result.sheets).reduce((s, c) => s + c.rows, 0);
    console.log(
      `  合计 ${total} 行，${(total / secs).toFixed(0)} 行/秒；问题 ${result.problems.length + result.problemsNotListed} 个`,
    );
    console.log(`  报告：${reportFile}`);
    return result.fatal ? 1 : 0;
  } catch (e) {
    console.error(e instanceof SourceError ? `无法导入：${e.message}` : e);
    return 1;
  } finally {
    await dynamo?.stop();
  }
}

if (process.argv[1]?.endsWith('import-cli.ts')) void main();
