/** The import report as a file: UTF-8 CSV with BOM (Excel opens it with the Chinese intact). */
import type { ImportResult } from '../basedata/import';

/** one CSV cell: quoted when it holds a quote, comma or line break */
export const csvCell = (v: unknown) => {
  const s = String(v ?? '');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** 工作表, 行, 列, 值, 问题 — values are masked already (rows.ts masks names, phones and ID numbers) */
export function reportCsv(r: ImportResult) {
  const lines = [['工作表', '行', '列', '值', '问题'].join(',')];
  if (r.fatal) lines.push(['', 0, '', '', r.fatal].map(csvCell).join(','));
  for (const p of r.problems) lines.push([p.sheet, p.row, p.column, p.value, p.problem].map(csvCell).join(','));
  if (r.problemsNotListed) lines.push(['', '', '', '', `另有 ${r.problemsNotListed} 个问题未列出`].join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
