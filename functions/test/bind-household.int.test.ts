/**
 * Binding to a unit by 姓名 + 身份证号 (issue 13 item 4): matched against the imported population
 * records of the unit it verifies at once, audited with the ID masked; any mismatch is pending,
 * answered exactly as a binding without evidence.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApi, type Api } from './harness';
import { scanAll } from './table-scan';
import { runImport } from '../src/domain/basedata/import';
import { openSource } from '../src/domain/basedata/source';
import { withCheckDigit } from '../src/domain/basedata/checks';
import { TEMPLATE_ROWS, writeTemplates } from '../src/local/import-template';

let api: Api;
const UNIT1 = 'hz-hp-xh-c1-a1-b1-u1';
const [wang, li] = TEMPLATE_ROWS.人口.map((r) => ({
  name: String(r[7]),
  idNumber: String(r[9]),
  phone: String(r[11]),
}));

beforeAll(async () => {
  api = await startApi();
  const dir = mkdtempSync(path.join(tmpdir(), 'gridlink-bind-'));
  await writeTemplates(dir);
  const r = await runImport(await openSource(path.join(dir, 'import-template.xlsx')), {
    districtId: 'hz',
    actor: { id: 'district-admin-demo', role: 'district_admin' },
  });
  expect(r.problems).toEqual([]);
});
afterAll(async () => {
  await api?.stop();
});

/** a new resident, signed in through the WeChat login emulator */
async function newcomer(code: string) {
  const res = await api.call('POST', '/v1/auth/wechat', { body: { code: `dev-${code}` } });
  expect(res.status).toBe(200);
  return res.body.token as string;
}
const bind = (token: string, body: Record<string, unknown>) => api.call('PUT', '/v1/me/unit', { token, body });

async function audits() {
  return (await scanAll()).filter((i) => i.type === 'audit' && String(i.action).startsWith('user.bindUnit'));
}

describe('binding by 姓名 + 身份证号', () => {
  it('a mismatch is pending, answered exactly as without them', async () => {
    const plain = await bind(await newcomer('hh-plain'), { unitId: UNIT1 });
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ unitId: UNIT1, unitVerified: false });

    const token = await newcomer('hh-wrong');
    const other = withCheckDigit(`${wang.idNumber.slice(0, 14)}999`);
    const wrongId = await bind(token, { unitId: UNIT1, realName: wang.name, idNumber: other });
    expect(wrongId.status).toBe(200);
    expect(Object.keys(wrongId.body).sort()).toEqual(Object.keys(plain.body).sort());
    expect(wrongId.body).toMatchObject({ unitId: UNIT1, unitVerified: false });
    // the right ID with another name, and a person of another unit: the very same answer again
    const wrongName = await bind(token, { unitId: UNIT1, realName: '王秀', idNumber: wang.idNumber });
    const elsewhere = await bind(token, { unitId: UNIT1, realName: li.name, idNumber: li.idNumber });
    expect([wrongName.status, elsewhere.status]).toEqual([200, 200]);
    expect(wrongName.body).toEqual(wrongId.body);
    expect(elsewhere.body).toEqual(wrongId.body);

    const queue = await api.call('GET', '/v1/units/bindings', { token: await api.login('worker-demo') });
    const pendingIds = queue.body.items.map((b: { userId: string }) => b.userId);
    expect(pendingIds).toEqual(expect.arrayContaining([plain.body.id, wrongId.body.id]));
    expect((await audits()).filter((a) => a.method === 'household')).toEqual([]);
  });

  it('a match verifies at once, audited with the ID number masked', async () => {
    const token = await newcomer('hh-match');
    const first = await bind(token, { unitId: UNIT1 });
    expect(first.body.unitVerified).toBe(false);
    const typed = wang.idNumber.toLowerCase(); // a trailing x typed in lower case is the same number
    const bound = await bind(token, { unitId: UNIT1, realName: ` ${wang.name} `, idNumber: typed });
    expect(bound.status).toBe(200);
    expect(bound.body).toMatchObject({ id: first.body.id, unitId: UNIT1, unitVerified: true });
    const me = await api.call('GET', '/v1/me', { token });
    expect(me.body).toMatchObject({ unitId: UNIT1, unitVerified: true });

    const queue = await api.call('GET', '/v1/units/bindings', { token: await api.login('worker-demo') });
    expect(queue.body.items.map((b: { userId: string }) => b.userId)).not.toContain(first.body.id);
    const mine = (await audits()).filter((a) => a.actorId === first.body.id);
    expect(mine.map((a) => a.action).sort()).toEqual(['user.bindUnit', 'user.bindUnit.verified']);
    const verified = mine.find((a) => a.action === 'user.bindUnit.verified')!;
    expect(verified).toMatchObject({ method: 'household', to: UNIT1 });
    expect(verified.evidence).toBe(`${wang.idNumber.slice(0, 4)}**********${wang.idNumber.slice(-4)}`);
    expect(JSON.stringify(mine)).not.toContain(wang.idNumber);
  });

  it('a wrong check digit or half the pair is refused, changing nothing', async () => {
    const token = await newcomer('hh-bad');
    const last = wang.idNumber.slice(-1) === '1' ? '2' : '1';
    const badDigit = await bind(token, {
      unitId: UNIT1,
      realName: wang.name,
      idNumber: wang.idNumber.slice(0, 17) + last,
    });
    expect(badDigit.status).toBe(400);
    expect(JSON.stringify(badDigit.body)).toContain('校验位');
    expect((await bind(token, { unitId: UNIT1, realName: wang.name })).status).toBe(400);
    expect((await bind(token, { unitId: UNIT1, idNumber: wang.idNumber })).status).toBe(400);
    const me = await api.call('GET', '/v1/me', { token });
    expect(me.body.unitId).toBeUndefined();
  });
});

describe("binding with WeChat's phone number (getPhoneNumber)", () => {
  it('the number WeChat vouches for is a 联系电话 of the unit: verified at once, audited masked', async () => {
    expect(wang.phone).toMatch(/^1\d{10}$/);
    const token = await newcomer('ph-match');
    const bound = await bind(token, { unitId: UNIT1, phoneCode: `phone-${wang.phone}` });
    expect(bound.status).toBe(200);
    expect(bound.body).toMatchObject({ unitId: UNIT1, unitVerified: true });
    const mine = (await audits()).filter((a) => a.actorId === bound.body.id);
    const verified = mine.find((a) => a.action === 'user.bindUnit.verified')!;
    expect(verified).toMatchObject({ method: 'phone', to: UNIT1 });
    expect(verified.evidence).toBe(`${wang.phone.slice(0, 3)}****${wang.phone.slice(-4)}`);
    expect(JSON.stringify(mine)).not.toContain(wang.phone);
  });

  it('a number not in the unit is pending as without it; a refused code is a 400 that changes nothing', async () => {
    const token = await newcomer('ph-other');
    const other = await bind(token, { unitId: UNIT1, phoneCode: 'phone-13800000000' });
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ unitId: UNIT1, unitVerified: false });
    // li's number belongs to another unit's record: pending too
    expect(li.phone).not.toBe(wang.phone);
    const elsewhere = await bind(await newcomer('ph-li'), { unitId: UNIT1, phoneCode: `phone-${li.phone}` });
    expect(elsewhere.body.unitVerified).toBe(false);
    const t3 = await newcomer('ph-bad');
    const refused = await bind(t3, { unitId: UNIT1, phoneCode: 'expired-code' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/重新点击获取/);
    expect((await api.call('GET', '/v1/me', { token: t3 })).body.unitId).toBeUndefined();
  });
});
