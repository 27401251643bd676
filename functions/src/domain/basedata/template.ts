/**
 * The import template (issue 13): the four sheets with their exact headers and two example rows
 * each, under the demo's 新华社区, so it imports as is into `npm start`'s data. Written to docs/ by
 * `npm run import:template` and handed to admins by `GET /v1/imports/template`.
 */
import { ExcelJS } from './excel';
import { SHEETS, type SheetName } from './schema';
import { withCheckDigit } from './checks';

const UNIT1 = ['和平街道', '新华社区', '幸福小区', '东片区', '1号楼', '一单元'];
const UNIT4 = ['和平街道', '新华社区', '幸福小区', '东片区', '1号楼', '四单元'];
const id1 = withCheckDigit('21070319580312002');
const id2 = withCheckDigit('21070319850607153');

export const TEMPLATE_ROWS: Record<SheetName, (string | number)[][]> = {
  网格: [UNIT1, UNIT4],
  房屋: [
    [...UNIT1, '101', '自住', 89.5, '王秀兰', id1],
    [...UNIT4, '402', '出租', 65, '李建国', id2],
  ],
  人口: [
    [...UNIT1, '101', '王秀兰', '女', id1, '1958-03-12', '13800000001', '户主', '户籍', '独居老人'],
    [...UNIT4, '402', '李建国', '男', id2, '1985-06-07', '13800000002', '户主', '流动', ''],
  ],
  网格员: [
    ['赵志强', '13900000011', '网格员', '和平街道/新华社区/幸福小区/东片区/1号楼', '信息员;安全员'],
    ['孙丽', '13900000012', '网格长', '和平街道/新华社区/幸福小区', '宣传员;调解员;服务员'],
  ],
};

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
