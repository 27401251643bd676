/**
 * Any centre table as .xlsx, served the way the import template is: the workbook is written to the
 * bucket (under uploads/exports/, the caller's own prefix) and a 5-minute presigned GET is answered.
 * The cells are the JSON answer's values (rates as fractions with a percent format), so the file
 * and the JSON agree.
 */
import type { ExportLink } from '@gridlink/shared/centre';
import { IMPORT_CONTENT_TYPES } from '@gridlink/shared/imports';
import { newId } from '../../data/ids';
import { presignGet, putObject } from '../../data/storage';

export const EXPORT_SECONDS = 300;

export interface Column {
  key: string;
  header: string;
  /** a 0…1 fraction shown as a percentage */
  percent?: boolean;
}

export async function exportTable(
  actorId: string,
  title: string,
  columns: Column[],
  rows: Record<string, unknown>[],
  now: string,
): Promise<ExportLink> {
  const { ExcelJS } = await import('../basedata/excel'); // exceljs only when a table is exported
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(title.slice(0, 31));
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => (r[c.key] === undefined ? null : r[c.key])));
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = 14;
    if (c.percent) col.numFmt = '0.0%';
  });
  const key = `uploads/exports/${actorId}/${newId(Date.parse(now))}.xlsx`;
  await putObject(key, Buffer.from(await wb.xlsx.writeBuffer()), IMPORT_CONTENT_TYPES.xlsx);
  return {
    url: await presignGet(key, EXPORT_SECONDS),
    fileName: `${title}.xlsx`,
    expiresAt: new Date(Date.parse(now) + EXPORT_SECONDS * 1000).toISOString(),
  };
}
