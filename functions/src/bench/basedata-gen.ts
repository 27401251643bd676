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

export async function writeGeneratedWorkbook(file: string, persons: number): Promise<GeneratedCounts> {
  const houses = Math.ceil(persons / 3);
  const units = Math.ceil(houses / 12);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const grid = wb.addWorksheet('网格');
  grid.addRow([...SHEETS.网格]).commit();
  const paths: string[][] = [];
  for (const p of unitPaths(units)) {
    grid.addRow(p).commit();
    paths.push(p);
  }
  grid.commit();
  const house = wb.addWorksheet('房屋');
  house.addRow([...SHEETS.房屋]).commit();
  const no = (h: number) => `${Math.floor((h % 12) / 2) + 1}0${(h % 2) + 1}`;
  for (let h = 0; h < houses; h++)
    house.addRow([...paths[Math.floor(h / 12)], no(h), h % 5 ? '自住' : '出租', 60 + (h % 50)]).commit();
  house.commit();
  const people = wb.addWorksheet('人口');
  people.addRow([...SHEETS.人口]).commit();
  for (let i = 0; i < persons; i++) {
    const h = Math.floor(i / 3);
    const year = 1940 + (i % 70);
    const seq = String(i % 1000).padStart(3, '0');
    const id = withCheckDigit(`2107${String(3 + (Math.floor(i / 1000) % 90)).padStart(2, '0')}${year}0101${seq}`);
    const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 13) % GIVEN.length];
    const phone = `139${String(i).padStart(8, '0')}`;
    const tags = i % 97 === 0 ? '独居老人' : i % 89 === 0 ? '残疾人' : '';
    people
      .addRow([
        ...paths[Math.floor(h / 12)],
        no(h),
        name,
        '',
        id,
        '',
        phone,
        i % 3 ? '家庭成员' : '户主',
        i % 7 ? '户籍' : '流动',
        tags,
      ])
      .commit();
  }
  people.commit();
  await wb.commit();
  return { units, houses, persons };
}
