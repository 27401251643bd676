/**
 * The import template (issue 13): the four sheets with their exact headers and two example rows
 * each, under the demo's 新华社区, so it imports as is into `npm start`'s data. Written to docs/ by
 * `npm run import:template` and handed to admins by `GET /v1/imports/template`.
 */
import { ExcelJS } from './excel';
import { SHEETS, type SheetName } from './schema';
import { TEMPLATE_ROWS } from './template-rows';

export { TEMPLATE_ROWS };

/** the template workbook (ID and phone columns as text, so every digit stays) */
export function templateWorkbook() {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, headers] of Object.entries(SHEETS) as [SheetName, readonly string[]][]) {
    const ws = wb.addWorksheet(sheet);
    ws.addRow([...headers]).font = { bold: true };
    ws.columns.forEach((c) => {
      c.width = 14;
      c.numFmt = '@';
    });
    for (const r of TEMPLATE_ROWS[sheet]) ws.addRow(r);
  }
  return wb;
}
