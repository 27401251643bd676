/** How an uploaded file's name is read (light: the imports API loads it, not the readers). */
import { SHEET_NAMES, isSheetName } from '../basedata/schema';

/** the sheet a single uploaded .csv stands for, or undefined when its name is not a sheet's */
export function sheetOfCsv(fileName: string): string | undefined {
  const base = (fileName.replace(/\\/g, '/').split('/').pop() ?? '').replace(/\.csv$/i, '').trim();
  return isSheetName(base) ? base : undefined;
}

export const CSV_NAME_RULE = `单个 .csv 文件须以工作表命名：${SHEET_NAMES.map((s) => `${s}.csv`).join('、')}`;
