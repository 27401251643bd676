/**
 * `npm run seed:haizhou -- [--endpoint URL] [--persons 233744] [--file .data/haizhou.xlsx]`: a
 * generated district of the seed's size (seed/haizhou-plan.ts: 10,021 grids, 233,744 persons,
 * 77,915 houses, 478 grid staff) written as a base-data workbook and loaded through the import —
 * the same code path as `npm run import` and the admin upload. Run it against `npm start`'s
 * DynamoDB (--endpoint, printed at start) or, with the stack stopped, on its saved data.
 * Running it again changes nothing.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HAIZHOU, haizhouUnitPaths } from '../seed/haizhou-plan';
import { writeGeneratedWorkbook } from '../seed/district-workbook';
import { CLI_OPTIONS, importWithProgress } from './import-cli';
import { findUp } from './dynamodb';

async function main() {
  const root = path.dirname(findUp('package-lock.json') ?? path.resolve('package-lock.json'));
  const { values } = parseArgs({
    options: {
      ...CLI_OPTIONS,
      persons: { type: 'string', default: String(HAIZHOU.persons) },
      file: { type: 'string', default: path.join(root, '.data', 'haizhou.xlsx') },
    },
  });
  const persons = Number(values.persons);
  if (!Number.isInteger(persons) || persons < 1) throw new Error('--persons 应为正整数');
  const file = values.file;
  const t0 = Date.now();
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file) || values.persons !== String(HAIZHOU.persons)) {
    const counts = await writeGeneratedWorkbook(file, persons, {
      paths: haizhouUnitPaths(),
      staff: true,
      onProgress: (n) => process.stdout.write(`\r[生成] 人口 ${n} / ${persons} 行   `),
    });
    process.stdout.write('\n');
    console.log(
      `已生成 ${file}（${(statSync(file).size / 1e6).toFixed(1)} MB，${((Date.now() - t0) / 1000).toFixed(0)} 秒）：` +
        `${counts.units} 个单元，${counts.houses} 户房屋，${counts.persons} 人`,
    );
  } else console.log(`使用已生成的 ${file}`);
  process.exitCode = await importWithProgress(file, values);
}

void main();
