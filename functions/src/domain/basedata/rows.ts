/**
 * One sheet row → a record, or the problems that keep it out. Pure: the path is resolved later
 * (it may be created by the 网格 sheet of the same file).
 */
import {
  GENDERS,
  HOUSE_USES,
  PATH_HEADERS,
  PERSON_TYPES,
  SHEETS,
  SPECIAL_GROUPS,
  STAFF_ROLE_NAMES,
  DUTY_BY_NAME,
  splitList,
  type SheetName,
} from './schema';
import { foreignIdProblem, idBirthDate, idGender, idNumberProblem, isMobile, isPhone, parseDate } from './checks';
import type { Cell } from './source';
import type { Duty, Role } from '@gridlink/shared/roles';
import { maskIdNumber, maskName, maskPhone } from '@gridlink/shared/mask';

export interface Problem {
  sheet: string;
  /** the row number in the sheet (1 = the header row; 0 = the file or sheet as a whole) */
  row: number;
  column: string;
  value: string;
  problem: string;
}

/** 街道/社区/小区/片区/楼栋/单元 names (a staff member's grid may stop higher up) */
export type PathNames = string[];

export interface HouseRecord {
  path: PathNames;
  houseNo: string;
  use: string;
  area?: number;
  ownerName?: string;
  ownerIdNumber?: string;
}

export interface PersonRecord {
  path: PathNames;
  houseNo: string;
  name: string;
  gender: string;
  idNumber: string;
  birthDate: string;
  phone?: string;
  relation?: string;
  personType: string;
  tags: string[];
}

export interface StaffRecord {
  name: string;
  phone: string;
  role: Role;
  roleName: string;
  gridPaths: PathNames[];
  duties: Duty[];
}

export type Parsed<T> = { ok: true; record: T } | { ok: false; problems: Problem[] };

/** header row → column index of each header the sheet needs (extra columns ignored) */
export function mapHeaders(sheet: SheetName, header: Cell[]): { columns: Record<string, number>; missing: string[] } {
  const columns: Record<string, number> = {};
  header.forEach((h, i) => {
    const name = typeof h === 'string' ? h.replace(/^\uFEFF/, '').trim() : '';
    if (name && !(name in columns)) columns[name] = i;
  });
  return { columns, missing: SHEETS[sheet].filter((h) => !(h in columns)) };
}

const show = (v: Cell) =>
  v === null
    ? ''
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);

/** the report shows personal values masked: row and column say where to look */
function masked(col: string, v: string) {
  if (!v) return v;
  if (col === '公民身份号码' || col === '产权人身份证号') return maskIdNumber(v);
  if (col === '联系电话' || col === '手机号') return maskPhone(v);
  if (col === '姓名' || col === '产权人姓名') return maskName(v);
  return v;
}

class RowReader {
  problems: Problem[] = [];
  constructor(
    private sheet: SheetName,
    private row: number,
    private values: Cell[],
    private columns: Record<string, number>,
  ) {}
  raw(col: string): Cell {
    return this.values[this.columns[col]] ?? null;
  }
  fail(col: string, problem: string, value: Cell = this.raw(col)) {
    this.problems.push({ sheet: this.sheet, row: this.row, column: col, value: masked(col, show(value)), problem });
  }
  /** text of a cell: trimmed; formulas and errors refused (the value a formula shows is not data) */
  text(col: string, required: boolean, max = 50): string | undefined {
    const v = this.raw(col);
    if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
      this.fail(col, 'formula' in v ? '单元格是公式，请复制后“粘贴为数值”' : '单元格是错误值');
      return undefined;
    }
    const s = v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
    if (!s) {
      if (required) this.fail(col, '必填');
      return undefined;
    }
    if (s.length > max) return void this.fail(col, `过长（最多 ${max} 个字）`);
    return s;
  }
  oneOf<T extends string>(col: string, allowed: readonly T[], required = true): T | undefined {
    const s = this.text(col, required);
    if (s === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(s)) return void this.fail(col, `应为：${allowed.join('/')}`);
    return s as T;
  }
  /** an ID number cell: Excel turns long digit strings into numbers that lost their last digits */
  idNumber(col: string, required: boolean, foreign = false): string | undefined {
    const v = this.raw(col);
    if (typeof v === 'number' && v >= 1e15)
      return void this.fail(col, '身份证号被存成了数字，末几位已丢失；请把该列设为“文本”后重新填写');
    const s = this.text(col, required, 20)?.toUpperCase();
    if (s === undefined) return undefined;
    const problem = foreign ? foreignIdProblem(s) : idNumberProblem(s);
    return problem ? void this.fail(col, problem) : s;
  }
  path(): PathNames | undefined {
    const names = PATH_HEADERS.map((h) => this.text(h, true, 30));
    if (names.some((n) => n === undefined)) return undefined;
    for (const h of PATH_HEADERS) if (/[/#]/.test(this.raw(h) as string)) this.fail(h, '不能包含 / 或 #');
    return names as string[];
  }
  done<T>(record: T): Parsed<T> {
    return this.problems.length ? { ok: false, problems: this.problems } : { ok: true, record };
  }
}

export function parseGridRow(row: number, values: Cell[], columns: Record<string, number>): Parsed<PathNames> {
  const r = new RowReader('网格', row, values, columns);
  const path = r.path();
  return r.done(path!);
}

export function parseHouseRow(row: number, values: Cell[], columns: Record<string, number>): Parsed<HouseRecord> {
  const r = new RowReader('房屋', row, values, columns);
  const path = r.path();
  const houseNo = houseNumber(r);
  const use = r.oneOf('房屋用途', HOUSE_USES);
  let area: number | undefined;
  const rawArea = r.text('建筑面积', false);
  if (rawArea !== undefined) {
    area = Number(rawArea.replace(/(㎡|平方米|平米|m2)$/i, ''));
    if (!Number.isFinite(area) || area <= 0 || area > 100000) r.fail('建筑面积', '应为大于 0 的数字（平方米）');
  }
  const ownerName = r.text('产权人姓名', false, 30);
  const ownerIdNumber = r.idNumber('产权人身份证号', false);
  return r.done({ path: path!, houseNo: houseNo!, use: use!, area, ownerName, ownerIdNumber });
}

function houseNumber(r: RowReader) {
  const s = r.text('门牌号', true, 20);
  if (s !== undefined && /[/#]/.test(s)) return void r.fail('门牌号', '不能包含 / 或 #');
  return s;
}

export function parsePersonRow(row: number, values: Cell[], columns: Record<string, number>): Parsed<PersonRecord> {
  const r = new RowReader('人口', row, values, columns);
  const path = r.path();
  const houseNo = houseNumber(r);
  const name = r.text('姓名', true, 30);
  const personType = r.oneOf('人员类型', PERSON_TYPES);
  const foreign = personType === '境外';
  const idNumber = r.idNumber('公民身份号码', true, foreign);
  let gender = r.oneOf('性别', GENDERS, foreign);
  let birthDate: string | undefined;
  const rawBirth = r.raw('出生日期');
  if (rawBirth !== null && rawBirth !== '') {
    birthDate = parseDate(typeof rawBirth === 'object' && !(rawBirth instanceof Date) ? '' : rawBirth);
    if (!birthDate) r.fail('出生日期', '日期格式应为 YYYY-MM-DD');
  }
  if (idNumber && !foreign) {
    if (birthDate && birthDate !== idBirthDate(idNumber)) r.fail('出生日期', '与公民身份号码中的出生日期不一致');
    if (gender && gender !== idGender(idNumber)) r.fail('性别', '与公民身份号码不一致');
    birthDate ??= idBirthDate(idNumber);
    gender ??= idGender(idNumber);
  }
  if (!birthDate && foreign && !r.problems.length) r.fail('出生日期', '境外人员须填写出生日期');
  const phone = r.text('联系电话', false, 20)?.replace(/\s/g, '');
  if (phone !== undefined && !isPhone(phone)) r.fail('联系电话', '应为 11 位手机号或带区号的固话');
  const relation = r.text('与户主关系', false, 10);
  const rawTags = r.text('特殊人群', false, 100);
  const tags = rawTags ? [...new Set(splitList(rawTags))] : [];
  const unknown = tags.filter((t) => !(SPECIAL_GROUPS as readonly string[]).includes(t));
  if (unknown.length) r.fail('特殊人群', `未知类别「${unknown.join('、')}」；可选：${SPECIAL_GROUPS.join('、')}`);
  return r.done({
    path: path!,
    houseNo: houseNo!,
    name: name!,
    gender: gender!,
    idNumber: idNumber!,
    birthDate: birthDate!,
    phone,
    relation,
    personType: personType!,
    tags,
  });
}

export function parseStaffRow(row: number, values: Cell[], columns: Record<string, number>): Parsed<StaffRecord> {
  const r = new RowReader('网格员', row, values, columns);
  const name = r.text('姓名', true, 30);
  const phone = r.text('手机号', true, 20)?.replace(/\s/g, '');
  if (phone !== undefined && !isMobile(phone)) r.fail('手机号', '应为 11 位手机号');
  const roleName = r.text('角色', true, 20);
  const role = roleName ? STAFF_ROLE_NAMES[roleName] : undefined;
  if (roleName && !role) r.fail('角色', `应为：${Object.keys(STAFF_ROLE_NAMES).join('/')}`);
  const grids = r.text('负责网格', true, 1000);
  const gridPaths = grids ? splitList(grids).map((p) => p.split(/[/／>›]/).map((x) => x.trim())) : [];
  if (gridPaths.some((p) => p.length > PATH_HEADERS.length || p.some((x) => !x)))
    r.fail('负责网格', '每个网格写成 街道/社区/小区/片区/楼栋/单元（可到任一层），多个用分号分隔');
  const dutyNames = splitList(r.text('五员职责', false, 100) ?? '');
  const unknown = dutyNames.filter((d) => !DUTY_BY_NAME[d]);
  if (unknown.length)
    r.fail('五员职责', `未知职责「${unknown.join('、')}」；可选：${Object.keys(DUTY_BY_NAME).join('、')}`);
  return r.done({
    name: name!,
    phone: phone!,
    role: role!,
    roleName: roleName!,
    gridPaths,
    duties: [...new Set(dutyNames.map((d) => DUTY_BY_NAME[d]))],
  });
}
