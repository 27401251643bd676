/**
 * A generated district as a base-data workbook (streamed with exceljs' WorkbookWriter: 233,744
 * persons never sit in memory): 网格 + 房屋 + 人口, 3 persons a house, 12 houses a unit.
 */
import { ExcelJS } from '../domain/basedata/excel';
import { SHEETS } from '../domain/basedata/schema';
import { withCheckDigit } from '../domain/basedata/checks';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';

export interface GeneratedCounts {
  units: number;
  houses: number;
  persons: number;
}

/** unit paths of a generated district part: streets › communities › compounds › areas › buildings › units */
function* unitPaths(units: number) {
  for (let i = 0; i < units; i++) {
    const u = i % 3;
    const b = Math.floor(i / 3) % 8;
    const a = Math.floor(i / 24) % 2;
    const c = Math.floor(i / 48) % 4;
    const m = Math.floor(i / 192) % 10;
    const s = Math.floor(i / 1920);
    yield [
      `生成${s + 1}街道`,
      `生成${s + 1}-${m + 1}社区`,
      `第${c + 1}小区`,
      `${a ? '西' : '东'}片区`,
      `${b + 1}号楼`,
      `${u + 1}单元`,
    ];
  }
}

export interface DistrictOptions {
  /** the unit paths to fill (default: a generated district part sized for `persons`) */
  paths?: string[][];
  /** add a 网格员 sheet: one 网格长 per community and one 网格员 per 片区 */
  staff?: boolean;
  /** progress while writing (persons written so far) */
  onProgress?: (persons: number) => void;
}

const houseNo = (k: number) => `${Math.floor(k / 2) + 1}0${(k % 2) + 1}`;

function personRow(i: number) {
  const year = 1940 + (i % 70);
  const seq = String(i % 1000).padStart(3, '0');
  const id = withCheckDigit(`2107${String(3 + (Math.floor(i / 1000) % 90)).padStart(2, '0')}${year}0101${seq}`);
  const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 13) % GIVEN.length];
  const phone = `139${String(i).padStart(8, '0')}`;
  const tags = i % 97 === 0 ? '独居老人' : i % 89 === 0 ? '残疾人' : '';
  return [name, '', id, '', phone, i % 3 ? '家庭成员' : '户主', i % 7 ? '户籍' : '流动', tags];
}

/** 3 persons a house; houses spread evenly over the units (12 a unit when the paths are generated) */
export async function writeGeneratedWorkbook(
  file: string,
  persons: number,
  opts: DistrictOptions = {},
): Promise<GeneratedCounts> {
  const houses = Math.ceil(persons / 3);
  const paths = opts.paths ?? [...unitPaths(Math.ceil(houses / 12))];
  const units = paths.length;
  const unitOf = (h: number) => Math.floor((h * units) / houses);
  const firstHouse = (u: number) => Math.ceil((u * houses) / units);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const grid = wb.addWorksheet('网格');
  grid.addRow([...SHEETS.网格]).commit();
  for (const p of paths) grid.addRow(p).commit();
  grid.commit();
  const house = wb.addWorksheet('房屋');
  house.addRow([...SHEETS.房屋]).commit();
  const no = (h: number) => houseNo(h - firstHouse(unitOf(h)));
  for (let h = 0; h < houses; h++)
    house.addRow([...paths[unitOf(h)], no(h), h % 5 ? '自住' : '出租', 60 + (h % 50)]).commit();
  house.commit();
  const people = wb.addWorksheet('人口');
  people.addRow([...SHEETS.人口]).commit();
  for (let i = 0; i < persons; i++) {
    const h = Math.floor(i / 3);
    people.addRow([...paths[unitOf(h)], no(h), ...personRow(i)]).commit();
    if (i % 10_000 === 0) opts.onProgress?.(i);
  }
  people.commit();
  if (opts.staff) writeStaff(wb.addWorksheet('网格员'), paths);
  await wb.commit();
  return { units, houses, persons };
}

/** one 网格长 per community, one 网格员 per 片区 (phones 136…, unique) */
function writeStaff(ws: ExcelJS.Worksheet, paths: string[][]) {
  ws.addRow([...SHEETS.网格员]).commit();
  const seen = new Set<string>();
  let n = 0;
  const add = (path: string[], role: string, duties: string) => {
    const key = path.join('/');
    if (seen.has(key)) return;
    seen.add(key);
    const name = SURNAMES[n % SURNAMES.length] + GIVEN[(n * 11) % GIVEN.length];
    ws.addRow([name, `136${String(n++).padStart(8, '0')}`, role, key, duties]).commit();
  };
  for (const p of paths) add(p.slice(0, 2), '网格长', '宣传员;调解员;服务员');
  for (const p of paths) add(p.slice(0, 4), '网格员', '信息员;安全员');
  ws.commit();
}
