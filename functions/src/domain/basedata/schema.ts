/**
 * The four sheets of a base-data workbook (issue 13), headed exactly as districts keep them.
 * Extra columns are ignored; a missing header makes the sheet unreadable (reported, not guessed).
 */
import { DUTY_NAMES, type Duty, type Role } from '@gridlink/shared/roles';

export const PATH_HEADERS = ['街道', '社区', '小区', '片区', '楼栋', '单元'] as const;

export const SHEETS = {
  网格: [...PATH_HEADERS],
  房屋: [...PATH_HEADERS, '门牌号', '房屋用途', '建筑面积', '产权人姓名', '产权人身份证号'],
  人口: [
    ...PATH_HEADERS,
    '门牌号',
    '姓名',
    '性别',
    '公民身份号码',
    '出生日期',
    '联系电话',
    '与户主关系',
    '人员类型',
    '特殊人群',
  ],
  网格员: ['姓名', '手机号', '角色', '负责网格', '五员职责'],
} as const;
export type SheetName = keyof typeof SHEETS;
export const SHEET_NAMES = Object.keys(SHEETS) as SheetName[];
/** 网格 first: the other sheets may use the paths it creates */
export const isSheetName = (s: string): s is SheetName => s in SHEETS;

export const HOUSE_USES = ['自住', '出租', '空置', '商用'] as const;
export const GENDERS = ['男', '女'] as const;
export const PERSON_TYPES = ['户籍', '流动', '境外'] as const;
export const SPECIAL_GROUPS = [
  '独居老人',
  '空巢老人',
  '残疾人',
  '低保',
  '特困人员',
  '退役军人',
  '优抚对象',
  '重点人员',
  '留守儿童',
  '困境儿童',
  '重病患者',
] as const;

/** 角色 as written in the sheet → the product's role */
export const STAFF_ROLE_NAMES: Record<string, Role> = {
  网格长: 'grid_leader',
  网格员: 'grid_worker',
  专职网格员: 'grid_worker',
  兼职网格员: 'grid_worker',
  社区管理员: 'community_admin',
  社区工作人员: 'community_admin',
  街道管理员: 'street_admin',
  街道工作人员: 'street_admin',
  区级管理员: 'district_admin',
  区级工作人员: 'district_admin',
};

export const DUTY_BY_NAME: Record<string, Duty> = Object.fromEntries(
  Object.entries(DUTY_NAMES).map(([code, name]) => [name, code as Duty]),
);

/** 分号分隔 lists: either semicolon, also the Chinese comma people type */
export const splitList = (s: string) =>
  s
    .split(/[;；、]/)
    .map((x) => x.trim())
    .filter(Boolean);
