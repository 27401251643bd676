/**
 * Base-data import (issue 13) through the real code (sources, validation, data layer) against
 * DynamoDB Local, the product read back through the local API server.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApi, type Api } from './harness';
import { scanAll, snapshot } from './table-scan';
import { runImport, type ImportResult } from '../src/domain/basedata/import';
import { openSource, SourceError } from '../src/domain/basedata/source';
import { ExcelJS } from '../src/domain/basedata/excel';
import { withCheckDigit } from '../src/domain/basedata/checks';
import { SHEETS, type SheetName } from '../src/domain/basedata/schema';
import { TEMPLATE_ROWS, writeTemplates } from '../src/local/import-template';
import { writeGeneratedWorkbook } from '../src/seed/district-workbook';

let api: Api;
const dir = mkdtempSync(path.join(tmpdir(), 'gridlink-import-'));
const actor = { id: 'district-admin-demo', role: 'district_admin' };

beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.stop();
});

const ofType = async (type: string) => (await scanAll()).filter((i) => i.type === type);

type Rows = Partial<Record<string, unknown[][]>>;
let n = 0;
/** a workbook with these sheets: header row (the issue's, unless given) + rows */
async function workbook(sheets: Rows, headers: Partial<Record<string, string[]>> = {}) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    ws.addRow(headers[name] ?? [...(SHEETS[name as SheetName] ?? [])]);
    for (const r of rows ?? []) ws.addRow(r);
  }
  const file = path.join(dir, `wb-${++n}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}
const importFile = async (file: string): Promise<ImportResult> =>
  runImport(await openSource(file), { districtId: 'hz', actor });

const U = ['和平街道', '新华社区', '幸福小区', '东片区', '1号楼'];
const person = (
  unit: string,
  no: string,
  name: string,
  idNumber: string | number,
  extra: Partial<Record<number, unknown>> = {},
) => {
  const row: unknown[] = [...U, unit, no, name, '', idNumber, '', '13912345678', '户主', '户籍', ''];
  for (const [i, v] of Object.entries(extra)) row[Number(i)] = v;
  return row;
};
const id = (n: number) => withCheckDigit(`21070319700101${String(n).padStart(3, '0')}`);

describe('the template', () => {
  it('imports whole, lands on the demo grid, and a second import changes nothing', async () => {
    await writeTemplates(dir);
    const first = await importFile(path.join(dir, 'import-template.xlsx'));
    expect(first.fatal).toBeUndefined();
    expect(first.problems).toEqual([]);
    expect(first.gridsCreated).toBe(1); // 四单元; 一单元 is the demo's hz-hp-xh-c1-a1-b1-u1
    expect(first.sheets.人口).toMatchObject({ rows: 2, created: 2, rejected: 0 });
    expect(first.sheets.房屋).toMatchObject({ rows: 2, created: 2 });
    expect(first.sheets.网格员).toMatchObject({ rows: 2, created: 2 });
    const persons = await ofType('person');
    expect(persons.map((p) => p.unitId).sort()).toEqual(
      ['hz-hp-xh-c1-a1-b1-u1', expect.stringMatching(/^hz-hp-xh-c1-a1-b1-[0-9a-f]{5}$/)].sort(),
    );
    expect(persons.every((p) => p.PK === 'BLD#hz-hp-xh-c1-a1-b1')).toBe(true);

    // the new unit is a real grid node: the API shows it under the building, with its path
    const token = await api.login('district-admin-demo');
    const kids = await api.call('GET', '/v1/grids/hz-hp-xh-c1-a1-b1/children', { token });
    expect(kids.status).toBe(200);
    const unit4 = kids.body.items.find((g: { name: string }) => g.name === '四单元');
    expect(unit4).toMatchObject({ level: 'unit', parentId: 'hz-hp-xh-c1-a1-b1' });
    const got = await api.call('GET', `/v1/grids/${unit4.id}`, { token });
    expect(got.body.pathNames).toEqual(['海州区', ...U, '四单元']);
    const building = await api.call('GET', '/v1/grids/hz-hp-xh-c1-a1-b1', { token });
    expect(building.body.childCount).toBe(4);
    // the imported grid worker serves the building (routing walks up to its staffIds)
    expect(building.body.staff.map((s: { name: string }) => s.name)).toContain('赵志强');

    const before = await snapshot();
    const again = await importFile(path.join(dir, 'import-template.xlsx'));
    expect(again.gridsCreated).toBe(0);
    for (const s of Object.values(again.sheets)) expect(s).toMatchObject({ created: 0, updated: 0, rejected: 0 });
    expect(await snapshot()).toEqual(before);

    // the .csv set is the same data: nothing changes either
    const csv = await runImport(await openSource(path.join(dir, 'import-template')), { districtId: 'hz', actor });
    expect(csv.problems).toEqual([]);
    expect(csv.sheets.人口).toMatchObject({ rows: 2, unchanged: 2 });
    expect(await snapshot()).toEqual(before);
  });

  it('a corrected file updates in place, audited with masked values', async () => {
    const rows = TEMPLATE_ROWS.人口.map((r) => [...r]);
    rows[0][11] = '13700000009';
    const file = await workbook({ 人口: rows });
    const r = await importFile(file);
    expect(r.sheets.人口).toMatchObject({ updated: 1, unchanged: 1 });
    const p = (await ofType('person')).find((x) => x.name === '王秀兰')!;
    expect(p).toMatchObject({ phone: '13700000009', version: 2 });
    const audits = (await ofType('audit')).filter((a) => a.action === 'basedata.update');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      target: `person:${p.id}`,
      from: { phone: '138****0001' },
      to: { phone: '137****0009' },
    });
  });
});

describe('the households of a building', () => {
  it('staff in scope see them masked; ?full=1 unmasks one person and audits pii.read; others get 403', async () => {
    const worker = await api.login('worker-demo');
    const list = await api.call('GET', '/v1/grids/hz-hp-xh-c1-a1-b1/households', { token: worker });
    expect(list.status).toBe(200);
    const h101 = list.body.items.find((h: { houseNo: string }) => h.houseNo === '101');
    expect(h101).toMatchObject({ unitId: 'hz-hp-xh-c1-a1-b1-u1', use: '自住', area: 89.5 });
    const elder = h101.residents.find((p: { tags: string[] }) => p.tags.includes('独居老人'));
    expect(elder).toMatchObject({ name: '王**', phone: '137****0009', masked: true, birthYear: '1958' });
    expect(elder.idNumber).toMatch(/^2107\*{10}\w{4}$/);

    const full = await api.call('GET', `/v1/grids/hz-hp-xh-c1-a1-b1/persons/${elder.id}?full=1`, { token: worker });
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ name: '王秀兰', phone: '13700000009', masked: false });
    const reads = (await ofType('audit')).filter((a) => a.action === 'pii.read' && a.target === `person:${elder.id}`);
    expect(reads).toEqual([expect.objectContaining({ actorId: 'worker-demo' })]);
    const masked = await api.call('GET', `/v1/grids/hz-hp-xh-c1-a1-b1/persons/${elder.id}`, { token: worker });
    expect(masked.body).toMatchObject({ name: '王**', masked: true });

    for (const who of ['resident-demo', 'agent-demo'])
      expect(
        (await api.call('GET', '/v1/grids/hz-hp-xh-c1-a1-b1/households', { token: await api.login(who) })).status,
      ).toBe(403);
    const notBuilding = await api.call('GET', '/v1/grids/hz-hp-xh/households', { token: worker });
    expect(notBuilding.status).toBe(404);
  });
});

describe('the streamed reader', () => {
  it('keeps every Chinese character whole across chunk boundaries (exceljs 4.4 alone breaks some)', async () => {
    const file = path.join(dir, 'generated.xlsx');
    await writeGeneratedWorkbook(file, 12_000);
    let rows = 0;
    const broken: string[] = [];
    for await (const ev of (await openSource(file)).read(new Set(['网格', '房屋', '人口']))) {
      if (ev.kind !== 'row') continue;
      rows++;
      for (const v of ev.values)
        if (typeof v === 'string' && v.includes('\uFFFD')) broken.push(`${ev.sheet}:${ev.row}`);
    }
    expect(rows).toBe(3 + 334 + 4000 + 12_000);
    expect(broken).toEqual([]);
  });
  it('reads the workbook whole every time (exceljs 4.4 streaming lost xl/workbook.xml in 12 of 100 reads)', async () => {
    const file = await writeTemplates(path.join(dir, 'again'));
    const counts = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const seen: Record<string, number> = {};
      for await (const ev of (await openSource(file)).read(new Set(['网格', '房屋', '人口', '网格员'])))
        if (ev.kind === 'row') seen[ev.sheet] = (seen[ev.sheet] ?? 0) + 1;
      counts.add(JSON.stringify(seen));
    }
    expect([...counts]).toEqual([JSON.stringify({ 网格: 3, 房屋: 3, 人口: 3, 网格员: 3 })]);
  });
});

describe('bad input', () => {
  it('reports every bad row (check digit, path, formula, duplicates, numbers) and lands the good ones', async () => {
    const before = (await ofType('person')).length;
    const bad = id(2).slice(0, 17) + (id(2)[17] === '0' ? '1' : '0');
    const file = await workbook({
      人口: [
        person('一单元', '201', '周一', id(1)),
        person('一单元', '202', '周二', bad),
        person('九单元', '203', '周三', id(3)),
        person('一单元', '204', '周四', id(4), { 7: { formula: 'CONCAT("周","四")', result: '周四' } }),
        person('一单元', '201', '周一', id(1)),
        person('一单元', '205', '周五', 210703197001000000),
        person('一单元', '206', '周六', id(6), { 14: '独居老人;外星人' }),
        person('一单元', '207', '周七', id(7), { 8: '女', 11: '12345' }),
        person('一单元', '208', '周八', id(8)),
      ],
    });
    const r = await importFile(file);
    expect(r.fatal).toBeUndefined();
    expect(r.sheets.人口).toMatchObject({ rows: 9, created: 2, duplicate: 1, rejected: 6 });
    const problem = (row: number) =>
      r.problems.filter((p) => p.sheet === '人口' && p.row === row).map((p) => p.problem);
    expect(problem(3)).toEqual(['公民身份号码校验位错误']);
    expect(problem(4)[0]).toMatch(/网格中没有「和平街道\/新华社区\/幸福小区\/东片区\/1号楼\/九单元」/);
    expect(problem(5)[0]).toMatch(/公式/);
    expect(problem(6)[0]).toMatch(/与第 2 行重复/);
    expect(problem(7)[0]).toMatch(/存成了数字/);
    expect(problem(8)[0]).toMatch(/外星人/);
    const row9 = r.problems.filter((p) => p.row === 9);
    expect(row9.map((p) => [p.column, p.problem])).toEqual([
      ['性别', '与公民身份号码不一致'],
      ['联系电话', '应为 11 位手机号或带区号的固话'],
    ]);
    // the report shows where, not the personal value in clear
    const idProblem = r.problems.find((p) => p.row === 3)!;
    expect(idProblem).toMatchObject({ column: '公民身份号码', value: expect.stringMatching(/^\d{4}\*+\w{4}$/) });
    // nothing of a rejected row was written; the two good rows were
    const names = (await ofType('person')).map((p) => p.name);
    expect(names.length).toBe(before + 2);
    expect(names).toEqual(expect.arrayContaining(['周一', '周八']));
    expect(names).not.toEqual(expect.arrayContaining(['周二']));
    for (const x of ['周二', '周三', '周四', '周五', '周六', '周七']) expect(names).not.toContain(x);
  });

  it('a sheet with a wrong header is skipped and said so; missing sheets are listed; the rest lands', async () => {
    const wrong = [...SHEETS.人口].map((h) => (h === '公民身份号码' ? '身份证号' : h));
    const file = await workbook(
      { 网格: [[...U, '五单元']], 人口: [person('五单元', '501', '吴一', id(11))] },
      { 人口: wrong },
    );
    const before = await ofType('person');
    const r = await importFile(file);
    expect(r.fatal).toBeUndefined();
    expect(r.gridsCreated).toBe(1);
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: '人口', row: 1, column: '公民身份号码', problem: '缺少表头「公民身份号码」' }),
        expect.objectContaining({ sheet: '房屋', row: 0, problem: '文件中没有工作表「房屋」' }),
        expect.objectContaining({ sheet: '网格员', row: 0, problem: '文件中没有工作表「网格员」' }),
      ]),
    );
    expect((await ofType('person')).length).toBe(before.length);
  });

  it('an empty file, a file that is not a workbook, a workbook without known sheets', async () => {
    const empty = path.join(dir, 'empty.xlsx');
    writeFileSync(empty, '');
    await expect(openSource(empty)).rejects.toThrow(new SourceError('文件为空'));
    const text = path.join(dir, 'text.xlsx');
    writeFileSync(text, '街道,社区\n和平街道,新华社区\n');
    await expect(openSource(text)).rejects.toThrow(/不是有效的 \.xlsx 文件/);
    const zip = path.join(dir, 'broken.xlsx');
    writeFileSync(zip, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    const broken = await importFile(zip);
    expect(broken.fatal).toMatch(/无法读取 xlsx 文件/);
    const other = await importFile(await workbook({ Sheet1: [['a', 'b']] }));
    expect(other.fatal).toMatch(/没有可识别的工作表/);
    expect(other.sheets.人口.rows).toBe(0);
  });

  it('a GBK .csv is read (and said so); a file mixing encodings is refused whole', async () => {
    const folder = mkdtempSync(path.join(dir, 'csv-'));
    const header = SHEETS.人口.join(',');
    const line = person('一单元', '301', '郑一', id(21)).join(',');
    // GB18030 bytes of the header and row, built from a UTF-8 → GBK table of the characters used
    const gbk = encodeGbk(`${header}\r\n${line}\r\n`);
    writeFileSync(path.join(folder, '人口.csv'), gbk);
    const r = await runImport(await openSource(folder), { districtId: 'hz', actor });
    expect(r.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ problem: expect.stringMatching(/GB18030/) })]),
    );
    expect(r.sheets.人口).toMatchObject({ rows: 1, created: 1 });
    const mixed = path.join(folder, 'mixed');
    const big = Buffer.concat([Buffer.from(`${header}\r\n`), Buffer.from(`${line}\r\n`.repeat(2000)), gbk]);
    require('node:fs').mkdirSync(mixed);
    writeFileSync(path.join(mixed, '人口.csv'), big);
    const m = await runImport(await openSource(mixed), { districtId: 'hz', actor });
    expect(m.fatal).toMatch(/混有不同编码/);
  });
});

/** encode text as GB18030 (Node has no encoder; iconv-free: TextDecoder over the whole 2-byte range once) */
function encodeGbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...table.get(ch)!);
  }
  return Buffer.from(out);
}
