/**
 * `npm run import:template`: writes docs/import-template.xlsx and docs/import-template/*.csv — the
 * four sheets with their exact headers and two example rows each (domain/basedata/template.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SHEETS, type SheetName } from '../domain/basedata/schema';
import { TEMPLATE_ROWS, templateWorkbook } from '../domain/basedata/template';
import { csvCell } from '../domain/imports/report';
import { findUp } from './dynamodb';

export { TEMPLATE_ROWS };

export async function writeTemplates(dir: string) {
  mkdirSync(path.join(dir, 'import-template'), { recursive: true });
  for (const [sheet, headers] of Object.entries(SHEETS) as [SheetName, readonly string[]][]) {
    const csv = [headers, ...TEMPLATE_ROWS[sheet]].map((r) => r.map(csvCell).join(',')).join('\r\n');
    writeFileSync(path.join(dir, 'import-template', `${sheet}.csv`), '\uFEFF' + csv + '\r\n');
  }
  const file = path.join(dir, 'import-template.xlsx');
  await templateWorkbook().xlsx.writeFile(file);
  return file;
}

if (process.argv[1]?.endsWith('import-template.ts')) {
  const root = path.dirname(findUp('package-lock.json') ?? path.resolve('package-lock.json'));
  void writeTemplates(path.join(root, 'docs')).then((f) => console.log(`已写入 ${f} 和 docs/import-template/*.csv`));
}
