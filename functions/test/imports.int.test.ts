/**
 * The admin upload of base data (issue 13 item 2) through the local API: a job and its upload
 * ticket, the file POSTed to the local S3 (s3rver), start, progress polled to the end, the data
 * landed (read back through the product), the report, and who may do what.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { IMPORT_MAX_BYTES } from '@gridlink/shared/imports';
import { startApi, uploadTo, type Api } from './harness';
import { db, table } from '../src/data/client';
import { scanAll, snapshot as tableSnapshot } from './table-scan';
import { ExcelJS } from '../src/domain/basedata/excel';
import { SHEETS } from '../src/domain/basedata/schema';
import { withCheckDigit } from '../src/domain/basedata/checks';
import { writeTemplates } from '../src/local/import-template';

let api: Api;
const dir = mkdtempSync(path.join(tmpdir(), 'gridlink-imports-'));
let template: Buffer;

beforeAll(async () => {
  api = await startApi();
  template = readFileSync(await writeTemplates(dir));
});
afterAll(async () => {
  await api?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** create a job for `fileName`, upload `bytes` with its ticket: the created job */
async function upload(token: string, fileName: string, bytes: Buffer, size = bytes.length) {
  const created = await api.call('POST', '/v1/imports', { token, body: { fileName, size } });
  expect(created.status).toBe(201);
  const put = await uploadTo(created.body.upload, bytes);
  expect(put.status).toBeLessThan(300);
  return created.body.job as { id: string; status: string };
}

/** poll the job until it is done or failed; returns every answer seen */
async function pollToEnd(token: string, id: string) {
  const seen: any[] = [];
  for (let i = 0; i < 300; i++) {
    const got = await api.call('GET', `/v1/imports/${id}`, { token });
    expect(got.status).toBe(200);
    seen.push(got.body);
    if (got.body.status === 'done' || got.body.status === 'failed') return seen;
    await sleep(100);
  }
  throw new Error(`import ${id} did not finish: ${JSON.stringify(seen.at(-1))}`);
}

async function importFile(token: string, fileName: string, bytes: Buffer) {
  const job = await upload(token, fileName, bytes);
  const started = await api.call('POST', `/v1/imports/${job.id}/start`, { token });
  expect(started.status).toBe(200);
  expect(['queued', 'running', 'done']).toContain(started.body.status);
  const seen = await pollToEnd(token, job.id);
  return { id: job.id, final: seen.at(-1), seen };
}

const snapshot = () =>
  tableSnapshot((i) => i.type !== 'audit' && i.type !== 'importJob' && !String(i.PK).startsWith('RATE#'));

/** one 人口 row: the unit's path, 门牌号, 姓名, 身份证号; the rest as a household head would have it */
const personRow = (unit: string[], no: string, name: string, idNumber: string) => [
  ...[...unit, no, name, '', idNumber, '', '13912345678'],
  ...['户主', '户籍', ''],
];

async function workbook(sheets: Record<string, unknown[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    ws.addRow([...SHEETS[name as keyof typeof SHEETS]]);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the admin upload', () => {
  let firstId: string;

  it('lands the template: upload → start → progress → done, the data in the product, audited', async () => {
    const admin = await api.login('community-admin-demo');
    // the page's 下载模板: a short-lived link to the same workbook `npm run import:template` writes
    const link = await api.call('GET', '/v1/imports/template', { token: admin });
    expect(link.status).toBe(200);
    expect(link.body.fileName).toMatch(/\.xlsx$/);
    const downloaded = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
    expect(downloaded.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    const { id, final } = await importFile(admin, '基础数据导入模板.xlsx', downloaded);
    firstId = id;
    expect(final).toMatchObject({
      status: 'done',
      kind: 'xlsx',
      ownerId: 'community-admin-demo',
      scopeGridId: 'hz-hp-xh',
      problems: [],
      result: { gridsCreated: 1, problemsTotal: 0 },
    });
    expect(final.result.sheets.人口).toMatchObject({ rows: 2, created: 2, rejected: 0 });
    expect(final.result.sheets.房屋).toMatchObject({ rows: 2, created: 2 });
    expect(final.result.sheets.网格员).toMatchObject({ rows: 2, created: 2 });
    expect(final.progress.rows).toBe(8);
    expect(final.progress.bytesTotal).toBeGreaterThan(0);
    expect(final.progress.bytesRead).toBe(final.progress.bytesTotal);
    expect(final.finishedAt).toEqual(expect.any(String));

    // the households are in the product, masked for the worker
    const worker = await api.login('worker-demo');
    const list = await api.call('GET', '/v1/grids/hz-hp-xh-c1-a1-b1/households', { token: worker });
    const h101 = list.body.items.find((h: { houseNo: string }) => h.houseNo === '101');
    expect(h101.residents[0]).toMatchObject({ name: '王**', masked: true });

    // the run's audit record is the job's
    const audit = (await scanAll()).find((i) => i.type === 'audit' && i.action === 'basedata.import');
    expect(audit).toMatchObject({ target: `import:${id}`, actorId: 'community-admin-demo' });

    // the list: the admin's jobs, newest first
    const mine = await api.call('GET', '/v1/imports?limit=5', { token: admin });
    expect(mine.status).toBe(200);
    expect(mine.body.items[0]).toMatchObject({ id, status: 'done' });
  });

  it('start again is idempotent; the same file again changes nothing; the report is a CSV', async () => {
    const admin = await api.login('community-admin-demo');
    const before = await snapshot();
    const again = await api.call('POST', `/v1/imports/${firstId}/start`, { token: admin });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: firstId, status: 'done', attempts: 1 });

    const second = await importFile(admin, 'import-template.xlsx', template);
    expect(second.final.status).toBe('done');
    expect(second.final.result.gridsCreated).toBe(0);
    for (const c of Object.values(second.final.result.sheets))
      expect(c).toMatchObject({ created: 0, updated: 0, rejected: 0 });
    expect(await snapshot()).toEqual(before);

    const report = await api.call('GET', `/v1/imports/${second.id}/report`, { token: admin });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(report.headers.get('content-disposition')).toMatch(/attachment/);
    // the stored file starts with a BOM for Excel; fetch's text() drops it
    expect(report.body).toBe('工作表,行,列,值,问题\r\n');
  });

  it('a .zip of the .csv folder and a single .csv named after its sheet import the same data', async () => {
    const admin = await api.login('community-admin-demo');
    const before = await snapshot();
    const zip = new JSZip();
    for (const sheet of Object.keys(SHEETS))
      zip.file(`import-template/${sheet}.csv`, readFileSync(path.join(dir, 'import-template', `${sheet}.csv`)));
    const zipped = await importFile(admin, 'import-template.zip', await zip.generateAsync({ type: 'nodebuffer' }));
    expect(zipped.final).toMatchObject({ status: 'done', kind: 'zip' });
    expect(zipped.final.result.sheets.人口).toMatchObject({ rows: 2, unchanged: 2 });

    const one = await importFile(admin, '人口.csv', readFileSync(path.join(dir, 'import-template', '人口.csv')));
    expect(one.final).toMatchObject({ status: 'done', kind: 'csv' });
    expect(one.final.result.sheets.人口).toMatchObject({ rows: 2, unchanged: 2 });
    expect(await snapshot()).toEqual(before);

    const unnamed = await api.call('POST', '/v1/imports', { token: admin, body: { fileName: 'data.csv', size: 10 } });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.message).toMatch(/人口\.csv/);
  });

  it('bad rows and rows outside the admin\u2019s grids are problems; the good rows land; the report lists them', async () => {
    const admin = await api.login('community-admin-demo');
    const U = ['和平街道', '新华社区', '幸福小区', '东片区', '1号楼', '一单元'];
    const other = ['和平街道', '五龙社区', '新小区', '西片区', '9号楼', '一单元'];
    const good = withCheckDigit('21070319700101031');
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const person = personRow;
    const file = await workbook({
      网格员: [['钱街道', '13900000099', '街道管理员', '和平街道/新华社区', '']],
      网格: [other],
      人口: [person(U, '301', '钱多多', good), person(U, '302', '孙少少', bad), person(other, '101', '周某某', good)],
    });
    const { id, final } = await importFile(admin, 'bad.xlsx', file);
    expect(final.status).toBe('done');
    expect(final.result.sheets.人口).toMatchObject({ rows: 3, created: 1, rejected: 2 });
    expect(final.result.sheets.网格).toMatchObject({ rows: 1, created: 0, rejected: 1 });
    const problems = final.problems.map((p: { problem: string }) => p.problem).join('\n');
    expect(problems).toMatch(/校验位错误/);
    expect(problems).toMatch(/不在您管辖的网格范围内/);
    expect(problems).toMatch(/文件中没有工作表「房屋」/);
    // a community admin cannot make a street admin
    expect(final.result.sheets.网格员).toMatchObject({ rows: 1, created: 0, rejected: 1 });
    expect(problems).toMatch(/不能导入高于本人级别的角色「街道管理员」/);

    const report = await api.call('GET', `/v1/imports/${id}/report`, { token: admin });
    const lines = (report.body as string).trim().split('\r\n');
    expect(lines.length).toBe(final.result.problemsTotal + 1);
    const idLine = lines.find((l) => l.includes('校验位错误'))!;
    expect(idLine).toMatch(/^人口,3,公民身份号码,/);
    expect(idLine).not.toContain(bad); // masked as the report masks it
    // nothing landed outside the admin's community
    const grids = (await scanAll()).filter((i) => i.type === 'grid' && i.name === '新小区');
    expect(grids).toEqual([]);
  });

  it('a file that is not a workbook fails with a Chinese message and its report', async () => {
    const admin = await api.login('community-admin-demo');
    const { id, final } = await importFile(admin, 'not-a-workbook.xlsx', Buffer.from('姓名,电话\n张三,1\n'));
    expect(final.status).toBe('failed');
    expect(final.error).toMatch(/不是有效的 \.xlsx 文件/);
    const zip = await importFile(admin, 'broken.zip', Buffer.from('PK-not-really'));
    expect(zip.final).toMatchObject({ status: 'failed', error: expect.stringMatching(/不是有效的 \.zip 文件/) });
    // a failed job may be started again (and fails the same way: the file is what it is)
    const again = await api.call('POST', `/v1/imports/${id}/start`, { token: admin });
    expect(again.status).toBe(200);
    expect(again.body.attempts).toBe(2);
    const end = await pollToEnd(admin, id);
    expect(end.at(-1)).toMatchObject({ status: 'failed', attempts: 2 });
  });
});

describe('a long import runs in parts (the Step Functions loop; locally the runner)', () => {
  it('each part stops at a batch boundary, the next resumes: counts, problems and report as one run', async () => {
    const admin = await api.login('community-admin-demo');
    const U = ['和平街道', '新华社区', '幸福小区', '东片区', '1号楼', '二单元'];
    const idOf = (i: number) => withCheckDigit(`2107031970010${1 + Math.floor(i / 900)}${100 + (i % 900)}`);
    const names = ['赵', '钱', '孙', '李', '周', '吴', '郑', '王'];
    const row = (i: number, name = `${names[i % 8]}分${i}`, idNumber = idOf(i)) =>
      personRow(U, `${100 + (i % 40)}`, name, idNumber);
    const rows = Array.from({ length: 1150 }, (_, i) => row(i));
    rows[700] = row(700, '坏号码', idOf(700).slice(0, 17) + (idOf(700)[17] === '1' ? '2' : '1')); // part 2
    rows[1100] = row(10, '改了名'); // part 3: the same person as row 12 (part 1), other content
    const file = await workbook({ 网格: [U], 人口: rows });
    process.env.IMPORT_PART_MS = '1'; // every part ends after its first batch (500 rows)
    try {
      const { id, final, seen } = await importFile(admin, 'parts.xlsx', file);
      expect(final.status).toBe('done');
      expect(seen.map((s) => s.status)).not.toContain('queued'); // between parts it reads as running
      expect(final.result.sheets.人口).toEqual({
        rows: 1150,
        created: 1148,
        updated: 0,
        unchanged: 0,
        duplicate: 1,
        rejected: 1,
      });
      expect(final.result.sheets.网格).toMatchObject({ rows: 1, unchanged: 1 });
      const job = (await scanAll()).find((i) => i.type === 'importJob' && i.id === id)!;
      expect(job.carry).toMatchObject({ part: 2, resumeAt: 1001 }); // 500 good rows a part; row 701 is a problem
      const problems = final.problems.map((p: { problem: string }) => p.problem);
      expect(problems.filter((p: string) => /没有工作表「房屋」/.test(p))).toHaveLength(1); // once, not per part
      expect(problems.join('\n')).toMatch(/校验位错误/);
      expect(problems.join('\n')).toMatch(/与第 12 行是同一人/);
      expect(final.result.problemsTotal).toBe(4); // 房屋 and 网格员 missing, the bad ID, the duplicate
      // the report: one header, every problem of every part
      const report = await api.call('GET', `/v1/imports/${id}/report`, { token: admin });
      const lines = (report.body as string).trim().split('\r\n');
      expect(lines.filter((l) => l.startsWith('工作表,'))).toHaveLength(1);
      expect(lines.length).toBe(final.result.problemsTotal + 1);
      // one audit record for the whole run, with its whole counts
      const audits = (await scanAll()).filter((i) => i.type === 'audit' && i.target === `import:${id}`);
      expect(audits).toHaveLength(1);
      expect((audits[0].to as { sheets: Record<string, { created: number }> }).sheets.人口.created).toBe(1148);
      // the first row of a person wins across parts: row 12's name stays
      const persons = (await scanAll()).filter((i) => i.type === 'person' && i.idNumber === idOf(10));
      expect(persons.map((p) => p.name)).toEqual([`${names[10 % 8]}分10`]);

      // the same file again, in parts again: nothing changes
      const before = await snapshot();
      const again = await importFile(admin, 'parts.xlsx', file);
      expect(again.final.result.sheets.人口).toMatchObject({ rows: 1150, unchanged: 1148, duplicate: 1, rejected: 1 });
      expect(await snapshot()).toEqual(before);
    } finally {
      delete process.env.IMPORT_PART_MS;
    }
  });
});

describe('a run that dies', () => {
  it('reads as failed once silent; a re-start runs it to done and changes nothing landed', async () => {
    const admin = await api.login('community-admin-demo');
    const before = await snapshot();
    const job = await upload(admin, 'import-template.xlsx', template);
    // what a Lambda killed mid-way (timeout, out of memory) leaves: running, no progress since
    const silent = new Date(Date.now() - 10 * 60_000).toISOString();
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: { PK: `IMPORT#${job.id}`, SK: 'IMPORT' },
        UpdateExpression: 'SET #s = :s, updatedAt = :u, attempts = :a',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'running', ':u': silent, ':a': 1 },
      }),
    );
    const dead = await api.call('GET', `/v1/imports/${job.id}`, { token: admin });
    expect(dead.body).toMatchObject({ status: 'failed', error: expect.stringMatching(/导入中断/) });
    const restarted = await api.call('POST', `/v1/imports/${job.id}/start`, { token: admin });
    expect(restarted.status).toBe(200);
    expect(restarted.body.attempts).toBe(2);
    const end = (await pollToEnd(admin, job.id)).at(-1);
    expect(end).toMatchObject({ status: 'done', attempts: 2 });
    expect(end.error).toBeUndefined();
    expect(end.result.sheets.人口).toMatchObject({ rows: 2, unchanged: 2 });
    expect(await snapshot()).toEqual(before);
  });
});

describe('limits and who may', () => {
  it('refuses a file over 50 MB: at create (declared) and at start (really stored)', async () => {
    const admin = await api.login('community-admin-demo');
    const big = await api.call('POST', '/v1/imports', {
      token: admin,
      body: { fileName: 'big.xlsx', size: IMPORT_MAX_BYTES + 1 },
    });
    expect(big.status).toBe(400);
    // the local S3 does not enforce the POST policy's size: the start checks what is stored
    const job = await upload(admin, 'big.xlsx', Buffer.alloc(IMPORT_MAX_BYTES + 1, 0x41), 1000);
    const started = await api.call('POST', `/v1/imports/${job.id}/start`, { token: admin });
    expect(started.status).toBe(400);
    expect(started.body.error.message).toMatch(/50 MB/);
    const notUploaded = await api.call('POST', '/v1/imports', { token: admin, body: { fileName: 'x.xlsx', size: 9 } });
    const never = await api.call('POST', `/v1/imports/${notUploaded.body.job.id}/start`, { token: admin });
    expect(never.status).toBe(400);
    expect(never.body.error.message).toMatch(/尚未上传/);
  });

  it('workers may not; an admin above in the tree may read, one below or beside may not; only the owner starts', async () => {
    const worker = await api.login('worker-demo');
    const community = await api.login('community-admin-demo');
    const street = await api.login('street-admin-demo');
    expect(
      (await api.call('POST', '/v1/imports', { token: worker, body: { fileName: 'a.xlsx', size: 9 } })).status,
    ).toBe(403);
    expect((await api.call('GET', '/v1/imports', { token: worker })).status).toBe(403);
    expect((await api.call('GET', '/v1/imports/template', { token: worker })).status).toBe(403);

    const mine = await upload(community, 'import-template.xlsx', template);
    expect((await api.call('GET', `/v1/imports/${mine.id}`, { token: worker })).status).toBe(403);
    expect((await api.call('GET', `/v1/imports/${mine.id}`, { token: street })).status).toBe(200);
    expect((await api.call('POST', `/v1/imports/${mine.id}/start`, { token: street })).status).toBe(403);

    const theirs = await upload(street, 'import-template.xlsx', template);
    expect((await api.call('GET', `/v1/imports/${theirs.id}`, { token: community })).status).toBe(403);
    expect((await api.call('GET', `/v1/imports/${theirs.id}/report`, { token: community })).status).toBe(403);
    expect((await api.call('GET', '/v1/imports/01JDXXXXXXXXXXXXXXXXXXXXXX', { token: community })).status).toBe(404);
    // another admin's list never shows them
    const list = await api.call('GET', '/v1/imports', { token: community });
    expect(list.body.items.map((j: { id: string }) => j.id)).not.toContain(theirs.id);
  });
});
