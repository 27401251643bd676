/**
 * People and houses in the product (issue 13 item 3, rest of item 4), against DynamoDB Local through
 * the local API: the counters kept at write time (import, re-import, corrected file, 迁入/迁出/变更),
 * the dashboard's counts per grid, search within scope, the writes' audit and versions, and the end
 * of a binding on a move.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { bindVerified, startApi, type Api } from './harness';
import { db, table } from '../src/data/client';
import { runImport } from '../src/domain/basedata/import';
import { openSource } from '../src/domain/basedata/source';
import { ExcelJS } from '../src/domain/basedata/excel';
import { withCheckDigit } from '../src/domain/basedata/checks';
import { SHEETS, type SheetName } from '../src/domain/basedata/schema';
import { TEMPLATE_ROWS, writeTemplates } from '../src/local/import-template';
import { baseItem, batchPut } from '../src/data/basedata';
import { markDirty } from '../src/data/population';
import { getGridNodes } from '../src/data/grids';

let api: Api;
const dir = mkdtempSync(path.join(tmpdir(), 'gridlink-product-'));
const actor = { id: 'district-admin-demo', role: 'district_admin' };
const B = 'hz-hp-xh-c1-a1-b1';
const U1 = `${B}-u1`;
const PATH1 = ['和平街道', '新华社区', '幸福小区', '东片区', '1号楼', '一单元'];

beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.stop();
});

let n = 0;
async function workbook(sheets: Partial<Record<SheetName, unknown[][]>>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    ws.addRow([...SHEETS[name as SheetName]]);
    for (const r of rows ?? []) ws.addRow(r);
  }
  const file = path.join(dir, `wb-${++n}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}
const importFile = async (file: string) => runImport(await openSource(file), { districtId: 'hz', actor });
const id = (k: number) => withCheckDigit(`21070319700101${String(k).padStart(3, '0')}`);
const row = (no: string, name: string, idNumber: string, relation = '家庭成员', type = '户籍', tags = '') => [
  ...PATH1,
  no,
  name,
  '',
  idNumber,
  '',
  '13912345678',
  relation,
  type,
  tags,
];

const counts = async (gridId: string, who = 'district-admin-demo') => {
  const r = await api.call('GET', `/v1/stats/grids/${gridId}/population`, { token: await api.login(who) });
  expect(r.status).toBe(200);
  return r.body;
};
const audits = async (target: string) =>
  (
    await db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `AUDIT#${target}` },
      }),
    )
  ).Items ?? [];

const call = async (method: string, url: string, who: string, body?: unknown) =>
  api.call(method, url, { token: await api.login(who), body });

const ZERO = {
  houses: 0,
  rented: 0,
  households: 0,
  persons: 0,
  floating: 0,
  overseas: 0,
  elderlyAlone: 0,
  disabled: 0,
};

describe('counters kept at write time', () => {
  it('count the template on the unit and every grid above it; a re-import moves nothing', async () => {
    expect((await counts('hz')).counts).toEqual(ZERO);
    await writeTemplates(dir);
    const r = await importFile(path.join(dir, 'import-template.xlsx'));
    expect(r.problems).toEqual([]);
    const both = { houses: 2, rented: 1, households: 2, persons: 2, floating: 1, elderlyAlone: 1 };
    for (const g of ['hz', 'hz-hp', 'hz-hp-xh', B]) expect((await counts(g)).counts).toMatchObject(both);
    const building = await counts(B);
    const u1 = building.children.find((c: { gridId: string }) => c.gridId === U1);
    expect(u1.counts).toMatchObject({ houses: 1, rented: 0, persons: 1, households: 1, elderlyAlone: 1, floating: 0 });
    const district = await counts('hz');
    expect(district.children.find((c: { gridId: string }) => c.gridId === 'hz-hp').counts).toMatchObject(both);

    // the general dashboard (offices read it too) carries none of them; an office gets 403 here
    const general = await call('GET', '/v1/stats/grids/hz-hp-xh', 'office-demo');
    expect(Object.keys(general.body.counters).filter((k) => k.startsWith('pop_'))).toEqual([]);
    expect((await call('GET', '/v1/stats/grids/hz-hp-xh/population', 'office-demo')).status).toBe(403);
    expect((await call('GET', '/v1/stats/grids/hz-hp-xh/population', 'worker-demo')).status).toBe(403);
    expect((await call('GET', `/v1/stats/grids/${B}/population`, 'resident-demo')).status).toBe(403);

    const again = await importFile(path.join(dir, 'import-template.xlsx'));
    expect(again.sheets.人口).toMatchObject({ unchanged: 2 });
    expect((await counts('hz')).counts).toEqual({ ...ZERO, ...both });
  });

  it('a corrected file moves the counts by what changed (人员类型, 特殊人群, 房屋用途)', async () => {
    const people = TEMPLATE_ROWS.人口.map((r) => [...r]);
    people[0][14] = '独居老人;残疾人';
    people[1][13] = '户籍';
    const houses = TEMPLATE_ROWS.房屋.map((r) => [...r]);
    houses[1][7] = '自住';
    const r = await importFile(await workbook({ 人口: people, 房屋: houses }));
    expect(r.sheets.人口).toMatchObject({ updated: 2 });
    expect((await counts('hz')).counts).toMatchObject({
      persons: 2,
      floating: 0,
      disabled: 1,
      elderlyAlone: 1,
      rented: 0,
    });
    // a batch of many new rows counts them once, whatever the batch size
    const rows = Array.from({ length: 30 }, (_, i) =>
      row(`6${i}`, `钱${i}`, id(i + 1), i % 2 ? '户主' : '子女', '流动'),
    );
    const big = await runImport(await openSource(await workbook({ 人口: rows })), {
      districtId: 'hz',
      actor,
      batchSize: 7,
    });
    expect(big.sheets.人口).toMatchObject({ created: 30 });
    expect((await counts('hz-hp-xh')).counts).toMatchObject({ persons: 32, households: 17, floating: 30 });
  });
});

describe('a batch that died between its rows and its counters', () => {
  it('leaves its marker; the next import recounts those units and drops it', async () => {
    const before = (await counts('hz')).counts;
    // what a batch does before it dies: the marker, then its rows, never the ADD
    const unit = (await getGridNodes([U1])).get(U1)!;
    // a marker of a run that may still be writing (put just now) is left alone
    const live = await markDirty([unit.path], new Date().toISOString(), 'a-live-run');
    await markDirty([unit.path], new Date(Date.now() - 3_600_000).toISOString(), 'a-run-that-died');
    const orphan = { id: 'a'.repeat(20), buildingId: B, unitId: U1, houseNo: '909', gridPath: unit.path };
    await batchPut([
      baseItem({
        kind: 'person',
        item: {
          ...orphan,
          name: '郑孤',
          gender: '男',
          idNumber: id(99),
          birthDate: '1970-01-01',
          personType: '流动',
          tags: ['独居老人'],
          rowHash: 'x',
          importId: 'dead',
          version: 1,
          createdAt: 'now',
          updatedAt: 'now',
        },
      }),
    ]);
    expect((await counts('hz')).counts).toEqual(before);
    await importFile(await workbook({ 人口: [] }));
    expect((await counts('hz')).counts).toEqual({
      ...before,
      persons: before.persons + 1,
      floating: before.floating + 1,
      elderlyAlone: before.elderlyAlone + 1,
    });
    const left = await db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'POPDIRTY' },
      }),
    );
    expect(left.Items?.map((m) => m.SK)).toEqual([live.SK]);
  });
});

describe('search within scope', () => {
  it('finds current residents by name or 门牌号 from the start, masked, paged; a resident gets 403', async () => {
    const byName = await call('GET', `/v1/grids/${B}/persons?q=${encodeURIComponent('钱1')}&limit=5`, 'worker-demo');
    expect(byName.status).toBe(200);
    expect(byName.body.items).toHaveLength(5);
    expect(byName.body.items[0]).toMatchObject({ name: '钱*', masked: true, buildingId: B, unitId: U1 });
    expect(byName.body.items[0].idNumber).toMatch(/^2107\*{10}\w{4}$/);
    expect(byName.body.items[0].place).toContain('一单元');
    const ids: string[] = byName.body.items.map((p: { id: string }) => p.id);
    for (let cursor = byName.body.nextCursor; cursor;) {
      const next = await call(
        'GET',
        `/v1/grids/${B}/persons?q=${encodeURIComponent('钱1')}&limit=5&cursor=${cursor}`,
        'worker-demo',
      );
      ids.push(...next.body.items.map((p: { id: string }) => p.id));
      cursor = next.body.nextCursor;
    }
    expect(new Set(ids).size).toBe(11); // 钱1, 钱10 … 钱19
    const byHouse = await call('GET', `/v1/grids/hz-hp-xh/persons?by=houseNo&q=101`, 'community-admin-demo');
    expect(byHouse.body.items.map((p: { houseNo: string }) => p.houseNo)).toEqual(['101']);
    // the community's search reaches a worker of one building only within that building
    expect((await call('GET', `/v1/grids/hz-hp-xh/persons?q=${encodeURIComponent('王')}`, 'worker-demo')).status).toBe(
      200,
    );
    expect((await call('GET', `/v1/grids/hz-hp-xh-c1-a1-b2/persons?q=x`, 'worker-demo')).status).toBe(403);
    expect((await call('GET', `/v1/grids/${B}/persons?q=x`, 'resident-demo')).status).toBe(403);
    expect((await call('GET', `/v1/grids/hz/persons?q=x`, 'district-admin-demo')).status).toBe(400);
  });

  it('a street searches all its communities at once: one page merged in name order, paged without loss', async () => {
    const WL = ['和平街道', '五龙社区', '五龙小区', '中心片区', '1号楼', '一单元'];
    const r = await importFile(
      await workbook({ 人口: [[...WL, '201', '钱1五', '', id(801), '', '', '户主', '户籍', '']] }),
    );
    expect(r.sheets.人口).toMatchObject({ created: 1 });
    const q = `q=${encodeURIComponent('钱1')}`;
    const all = await call('GET', `/v1/grids/hz-hp/persons?${q}&limit=50`, 'street-admin-demo');
    expect(all.status).toBe(200);
    const hits = all.body.items as { id: string; unitId: string }[];
    expect(hits).toHaveLength(12); // 钱1 … 钱19 of 新华 and 钱1五 of 五龙
    expect(hits.filter((h) => h.unitId.startsWith('hz-hp-wl'))).toHaveLength(1);
    const paged: string[] = [];
    for (let cursor = ''; ;) {
      const p = await call('GET', `/v1/grids/hz-hp/persons?${q}&limit=5${cursor}`, 'street-admin-demo');
      paged.push(...p.body.items.map((x: { id: string }) => x.id));
      if (!p.body.nextCursor) break;
      cursor = `&cursor=${encodeURIComponent(p.body.nextCursor)}`;
    }
    expect(paged).toEqual(hits.map((h) => h.id));
    // a community admin is not in the street's scope
    expect((await call('GET', `/v1/grids/hz-hp/persons?${q}`, 'community-admin-demo')).status).toBe(403);
  });
});

describe('迁入 / 信息变更 / 迁出 by a grid worker', () => {
  const newcomer = {
    houseNo: '302',
    name: '孙小梅',
    idNumber: withCheckDigit('21070319900202002'),
    phone: '13812345678',
    relation: '户主',
    personType: '流动',
    tags: ['残疾人'],
  };
  it('迁入 checks the row as the import does, counts, audits, and a repeat changes nothing', async () => {
    const before = (await counts(B)).counts;
    const bad = await call('POST', `/v1/grids/${U1}/persons`, 'worker-demo', {
      ...newcomer,
      idNumber: newcomer.idNumber.slice(0, 17) + (newcomer.idNumber[17] === '1' ? '2' : '1'),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ path: 'idNumber' })]);
    const made = await call('POST', `/v1/grids/${U1}/persons`, 'worker-demo', newcomer);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: '孙**', gender: '女', birthYear: '1990', masked: true, version: 1 });
    const again = await call('POST', `/v1/grids/${U1}/persons`, 'worker-demo', newcomer);
    expect(again.body).toEqual(made.body);
    const after = (await counts(B)).counts;
    expect(after).toEqual({
      ...before,
      persons: before.persons + 1,
      households: before.households + 1,
      floating: before.floating + 1,
      disabled: before.disabled + 1,
    });
    const trail = await audits(`person:${made.body.id}`);
    expect(trail.map((a) => a.action)).toEqual(['basedata.movein']);
    expect(JSON.stringify(trail)).not.toContain(newcomer.idNumber);
    expect(trail[0].to).toMatchObject({ name: '孙**', phone: '138****5678' });
    expect((await call('POST', `/v1/grids/${U1}/persons`, 'resident-demo', newcomer)).status).toBe(403);
    expect((await call('POST', `/v1/grids/hz-hp-xh-c1-a1-b2-u1/persons`, 'worker-demo', newcomer)).status).toBe(403);
  });

  it('信息变更 at the version read moves the counts; a stale version is 409; the same values change nothing', async () => {
    const list = await call('GET', `/v1/grids/${B}/households`, 'worker-demo');
    const p = list.body.items.find((h: { houseNo: string }) => h.houseNo === '302').residents[0];
    const before = (await counts('hz')).counts;
    const url = `/v1/grids/${B}/persons/${p.id}`;
    const changed = await call('PUT', url, 'worker-demo', { version: p.version, personType: '户籍', tags: [] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ personType: '户籍', tags: [], version: p.version + 1, masked: true });
    expect((await counts('hz')).counts).toEqual({
      ...before,
      floating: before.floating - 1,
      disabled: before.disabled - 1,
    });
    const stale = await call('PUT', url, 'worker-demo', { version: p.version, phone: '13900000000' });
    expect(stale.status).toBe(409);
    const same = await call('PUT', url, 'worker-demo', { version: p.version, personType: '户籍' });
    expect(same.body.version).toBe(p.version + 1);
    const badPhone = await call('PUT', url, 'worker-demo', { version: p.version + 1, phone: '123' });
    expect(badPhone.status).toBe(400);
    // a file listing the newcomer as first recorded changes nothing: the same person, the worker's change kept
    const first = [...PATH1, '302', newcomer.name, '', newcomer.idNumber, '', newcomer.phone, '户主', '流动', '残疾人'];
    const re = await importFile(await workbook({ 人口: [first] }));
    expect(re.sheets.人口).toMatchObject({ rows: 1, unchanged: 1 });
    expect((await call('GET', `/v1/grids/${B}/persons/${p.id}`, 'worker-demo')).body).toMatchObject({
      personType: '户籍',
      version: p.version + 1,
    });
    const trail = await audits(`person:${p.id}`);
    expect(trail.map((a) => a.action).sort()).toEqual(['basedata.movein', 'basedata.update']);
    expect(trail.find((a) => a.action === 'basedata.update')).toMatchObject({
      from: { personType: '流动', tags: ['残疾人'] },
      to: { personType: '户籍', tags: [] },
    });
  });

  it('迁出 keeps the record, leaves the household, the counts and the search, and ends a matching binding', async () => {
    const [wang] = TEMPLATE_ROWS.人口;
    // resident-elder binds to 一单元 by 王秀兰's name and ID (verified at once: a household binding)
    const bound = await call('PUT', '/v1/me/unit', 'resident-elder', {
      unitId: U1,
      realName: wang[7],
      idNumber: wang[9],
    });
    expect(bound.body).toMatchObject({ unitId: U1, unitVerified: true });
    const list = await call('GET', `/v1/grids/${B}/households`, 'worker-demo');
    const p = list.body.items.find((h: { houseNo: string }) => h.houseNo === '101').residents[0];
    const before = (await counts('hz')).counts;
    const url = `/v1/grids/${B}/persons/${p.id}/move-out`;
    const body = { version: p.version, date: '2026-12-01', destination: '大连市中山区' };
    expect((await call('POST', url, 'worker-demo', { ...body, version: p.version + 5 })).status).toBe(409);
    const out = await call('POST', url, 'worker-demo', body);
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ movedOutAt: '2026-12-01', movedOutTo: '大连市中山区', version: p.version + 1 });
    expect((await call('POST', url, 'worker-demo', body)).body).toEqual(out.body); // repeat: nothing more
    expect((await counts('hz')).counts).toEqual({
      ...before,
      persons: before.persons - 1,
      households: before.households - 1,
      elderlyAlone: before.elderlyAlone - 1,
      disabled: before.disabled - 1,
    });
    const now = await call('GET', `/v1/grids/${B}/households`, 'worker-demo');
    const h101 = now.body.items.find((h: { houseNo: string }) => h.houseNo === '101');
    expect(h101.residents).toEqual([]);
    const kept = await call('GET', `/v1/grids/${B}/persons/${p.id}`, 'worker-demo');
    expect(kept.body).toMatchObject({ movedOutTo: '大连市中山区' });
    const found = await call('GET', `/v1/grids/${B}/persons?q=${encodeURIComponent('王秀兰')}`, 'worker-demo');
    expect(found.body.items).toEqual([]);
    // the binding that matched 王秀兰 has ended
    const me = await call('GET', '/v1/me', 'resident-elder');
    expect(me.body.unitId).toBeUndefined();
    expect((await audits('user:resident-elder')).map((a) => a.action)).toContain('user.unbindUnit');
    // a re-import of the file the person came from does not bring them back
    await importFile(path.join(dir, 'import-template.xlsx'));
    expect((await counts('hz')).counts.persons).toBe(before.persons - 1);
  });
});

describe('moving house ends the old binding', () => {
  it('a joiner who moves to another building no longer reads the request they joined', async () => {
    const r = await call('POST', '/v1/requests', 'resident-demo', {
      category: 'heating',
      description: '暖气不热，室温只有 14 度',
      ignoreSimilar: true,
    });
    expect(r.status).toBe(201);
    await bindVerified(api, await api.login('resident-elder'), 'hz-hp-xh-c1-a1-b1-u2');
    expect((await call('POST', `/v1/requests/${r.body.id}/join`, 'resident-elder')).status).toBe(200);
    expect((await call('GET', `/v1/requests/${r.body.id}`, 'resident-elder')).status).toBe(200);
    const moved = await bindVerified(api, await api.login('resident-elder'), 'hz-hp-xh-c1-a1-b2-u1');
    expect(moved.body).toMatchObject({ unitId: 'hz-hp-xh-c1-a1-b2-u1', unitVerified: true });
    expect((await call('GET', `/v1/requests/${r.body.id}`, 'resident-elder')).status).toBe(404);
    const mine = await call('GET', '/v1/requests?view=mine', 'resident-elder');
    expect(mine.body.items.map((x: { id: string }) => x.id)).not.toContain(r.body.id);
  });
});
