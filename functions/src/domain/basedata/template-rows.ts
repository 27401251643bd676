/** The import template's example rows (no exceljs here: the imports API hashes them). */
import { withCheckDigit } from './checks';
import type { SheetName } from './schema';

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
