/**
 * Issue 12, the leaks around proxy agents, care recipients and cases: each reader relation sees
 * only what it may (owner / agent-in-window / staff-in-scope / family / public), and every view
 * that unmasks someone else's phone or ID number is audited.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../../src/data/client';
import { keys } from '../../src/data/keys';
import { startApi, withRateLimits, type Api } from '../harness';
import { addOutsiders, directService, sampleForm } from './fixtures';

const ELDER = { id: 'resident-elder', name: '刘淑珍', phone: '13841871234', idNumber: '21090219450812002X' };
let api: Api;
const t: Record<string, string> = {};
beforeAll(async () => {
  api = await startApi();
  await addOutsiders();
  for (const u of [
    'resident-demo',
    'resident-elder',
    'worker-demo',
    'leader-demo',
    'agent-demo',
    'agent-demo-2',
    'community-admin-demo',
    'worker-other',
    'resident-other',
  ])
    t[u] = await api.login(u);
}, 60000);
afterAll(async () => api?.stop());

const post = (path: string, who: string, body: unknown = {}) => api.call('POST', path, { token: t[who], body });
const get = (path: string, who: string) => api.call('GET', path, { token: t[who] });
const expectOk = (res: { status: number; body: any }, status = 200) => {
  expect({ status: res.status, body: res.body }).toMatchObject({ status });
  return res.body;
};
const auditOf = async (target: string) =>
  (
    await db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.auditPk(target) },
      }),
    )
  ).Items ?? [];
const piiReadsBy = async (target: string, actorId: string) =>
  (await auditOf(target)).filter((a) => a.action === 'pii.read' && a.actorId === actorId).length;
const text = (body: unknown) => JSON.stringify(body);

/** A task for the elder, asked for by the grid worker, claimed and started by agent-demo. */
async function liveTask(kind: 'errand' | 'service' = 'errand') {
  const task = expectOk(
    await post('/v1/proxy-tasks', 'worker-demo', {
      recipientId: ELDER.id,
      kind,
      ...(kind === 'service' ? { serviceCode: directService.code } : {}),
      description: '为老人代办事项',
      consent: { given: true, method: 'witnessed_signature' },
    }),
    201,
  );
  expectOk(await post(`/v1/proxy-tasks/${task.id}/claim`, 'agent-demo'));
  const started = expectOk(await post(`/v1/proxy-tasks/${task.id}/start`, 'agent-demo'));
  return started as { id: string; version: number };
}

async function closeTask(id: string) {
  const done = expectOk(await post(`/v1/proxy-tasks/${id}/complete`, 'agent-demo', { note: '已办完' }));
  expectOk(await post(`/v1/proxy-tasks/${id}/confirm`, 'worker-demo', { version: done.version }));
}

describe('the access window governs the application filed on behalf (high)', () => {
  it('unmasked and audited inside the window; masked (still listed) once the task is confirmed', async () => {
    const task = await liveTask('service');
    const form = sampleForm(directService.code);
    const idField = directService.fields.find((f) => f.type === 'idNumber')!;
    const phoneField = directService.fields.find((f) => f.type === 'phone')!;
    expect(idField && phoneField).toBeTruthy();
    form[idField.name] = ELDER.idNumber;
    form[phoneField.name] = ELDER.phone;
    const app = expectOk(
      await post('/v1/applications', 'agent-demo', { serviceCode: directService.code, form, onBehalfOf: ELDER.id }),
      201,
    );
    const target = `application:${app.id}`;

    // inside the window: the agent sees the form, and the read is audited
    const inside = expectOk(await get(`/v1/applications/${app.id}`, 'agent-demo'));
    expect(inside.form[idField.name]).toBe(ELDER.idNumber);
    expect(inside.masked).toBeUndefined();
    expect(await piiReadsBy(target, 'agent-demo')).toBeGreaterThanOrEqual(1);

    await closeTask(task.id);

    // after the window: still readable and listed, but masked; the elder still sees it whole
    const before = await piiReadsBy(target, 'agent-demo');
    const after = expectOk(await get(`/v1/applications/${app.id}`, 'agent-demo'));
    expect(after.masked).toBe(true);
    expect(after.form[idField.name]).toBe('2109**********002X');
    expect(after.form[phoneField.name]).toBe('138****1234');
    expect(after.applicantName).not.toBe(ELDER.name);
    expect(text(after)).not.toContain(ELDER.idNumber);
    expect(text(after)).not.toContain(ELDER.phone);
    expect(await piiReadsBy(target, 'agent-demo')).toBe(before); // nothing unmasked, nothing to audit
    const mine = expectOk(await get('/v1/applications?view=mine', 'agent-demo'));
    const listed = mine.items.find((a: { id: string }) => a.id === app.id);
    expect(listed).toMatchObject({ masked: true });
    expect(listed.applicantName).not.toBe(ELDER.name);
    const own = expectOk(await get(`/v1/applications/${app.id}`, 'resident-elder'));
    expect(own.form[idField.name]).toBe(ELDER.idNumber);
    expect(own.applicantName).toBe(ELDER.name);
  });
});

describe('care recipients: family and grid staff (medium)', () => {
  it('family see the ID number and phone masked; staff in scope see the phone (audited), never the ID number', async () => {
    expectOk(await post(`/v1/care-recipients/${ELDER.id}/family`, 'resident-demo'), 201);
    expectOk(await post(`/v1/care-recipients/${ELDER.id}/family/resident-demo/confirm`, 'worker-demo'));
    const task = expectOk(
      await post('/v1/proxy-tasks', 'resident-demo', {
        recipientId: ELDER.id,
        kind: 'errand',
        description: '代缴本月燃气费',
        consent: { given: true, method: 'family' },
      }),
      201,
    );
    const user = `user:${ELDER.id}`;

    // the confirmed family member: the profile and the task, both masked
    const famProfile = expectOk(await get(`/v1/care-recipients/${ELDER.id}`, 'resident-demo'));
    const famTask = expectOk(await get(`/v1/proxy-tasks/${task.id}`, 'resident-demo'));
    for (const body of [famProfile, famTask, task]) {
      expect(text(body)).not.toContain(ELDER.phone);
      expect(text(body)).not.toContain(ELDER.idNumber);
    }
    expect(famProfile).toMatchObject({ name: ELDER.name, phone: '138****1234', idNumber: '2109**********002X' });
    expect(famTask.recipient).toMatchObject({ name: ELDER.name, phone: '138****1234', masked: true });
    expect(await piiReadsBy(user, 'resident-demo')).toBe(0);

    // the grid worker of the elder's grid: the phone, audited; the ID number masked
    const staffProfile = expectOk(await get(`/v1/care-recipients/${ELDER.id}`, 'worker-demo'));
    expect(staffProfile).toMatchObject({ phone: ELDER.phone, idNumber: '2109**********002X' });
    const afterProfile = await piiReadsBy(user, 'worker-demo');
    expect(afterProfile).toBeGreaterThanOrEqual(1);
    const staffTask = expectOk(await get(`/v1/proxy-tasks/${task.id}`, 'worker-demo'));
    expect(staffTask.recipient).toMatchObject({ phone: ELDER.phone, idNumber: '2109**********002X' });
    expect(await piiReadsBy(user, 'worker-demo')).toBeGreaterThan(afterProfile);

    // the elder herself sees everything
    const own = expectOk(await get(`/v1/care-recipients/${ELDER.id}`, 'resident-elder'));
    expect(own).toMatchObject({ phone: ELDER.phone, idNumber: ELDER.idNumber });
  });
});

describe('persons named in a case (medium)', () => {
  const UNIT = 'hz-hp-xh-c1-a1-b1-u1'; // worker-demo's building
  const OTHER = { id: 'resident-other', phone: '13900000000' }; // lives in another street (fixtures)

  it('a named resident outside the reader scope comes back masked and unaudited; inside: unmasked and audited', async () => {
    const elderReads = await piiReadsBy(`user:${ELDER.id}`, 'worker-demo');
    const d = expectOk(
      await post('/v1/disputes', 'worker-demo', {
        kind: 'neighbor',
        facts: '楼上卫生间漏水至楼下，双方多次沟通未果',
        unitId: UNIT,
        parties: [
          { role: 'applicant', userId: ELDER.id },
          { role: 'respondent', userId: OTHER.id },
        ],
      }),
      201,
    );
    expect(text(d)).not.toContain(OTHER.phone);
    expect(d.parties[1]).toMatchObject({ userId: OTHER.id, contact: '139****0000', masked: true });
    expect(d.parties[0]).toMatchObject({ userId: ELDER.id, contact: ELDER.phone, masked: false });
    expect(await piiReadsBy(`user:${ELDER.id}`, 'worker-demo')).toBeGreaterThan(elderReads);
    expect(await piiReadsBy(`user:${OTHER.id}`, 'worker-demo')).toBe(0);
    const read = expectOk(await get(`/v1/disputes/${d.id}`, 'worker-demo'));
    expect(text(read)).not.toContain(OTHER.phone);

    const p = expectOk(
      await post('/v1/petitions', 'worker-demo', {
        subject: '小区停车位被长期占用',
        content: '小区内公共停车位被个别业主长期用地锁占用，多次反映未解决',
        channel: 'visit',
        unitId: UNIT,
        petitioner: { userId: OTHER.id },
      }),
      201,
    );
    expect(text(p)).not.toContain(OTHER.phone);
    expect(p.petitioner).toMatchObject({ contact: '139****0000', masked: true });
    expect(await piiReadsBy(`user:${OTHER.id}`, 'worker-demo')).toBe(0);
  });
});

describe("the petitioner's own timeline (medium)", () => {
  it('carries no 列为重点 step and no 包案领导 for the petitioner; staff still see it', async () => {
    const p = expectOk(
      await post('/v1/petitions', 'worker-demo', {
        subject: '拆迁补偿长期未落实',
        content: '拆迁补偿款至今未发放到位，多次反映没有结果',
        channel: 'visit',
        unitId: 'hz-hp-xh-c1-a1-b1-u1',
        petitioner: { userId: 'resident-demo' },
      }),
      201,
    );
    const key = { kind: 'backlog', leaderName: '郑伟', plan: '每周约谈一次，协调区征收办出具书面答复' };
    expectOk(await post(`/v1/petitions/${p.id}/key`, 'leader-demo', key));
    const own = expectOk(await get(`/v1/petitions/${p.id}`, 'resident-demo'));
    expect(own.keyCase).toBeUndefined();
    expect(own.timeline.map((e: { action: string }) => e.action)).not.toContain('flagKey');
    expect(text(own)).not.toContain('郑伟');
    const staff = expectOk(await get(`/v1/petitions/${p.id}`, 'leader-demo'));
    expect(staff.timeline.map((e: { action: string }) => e.action)).toContain('flagKey');
  });
});

describe('agents, family links and photos (low)', () => {
  it("an agent reads open hall tasks (masked) and their own tasks, never another agent's claimed or closed task", async () => {
    const task = await liveTask();
    const open = expectOk(
      await post('/v1/proxy-tasks', 'worker-demo', {
        recipientId: ELDER.id,
        kind: 'errand',
        description: '代取快递送到家',
        consent: { given: true, method: 'witnessed_signature' },
      }),
      201,
    );
    const hall = expectOk(await get(`/v1/proxy-tasks/${open.id}`, 'agent-demo-2'));
    expect(hall.recipient.masked).toBe(true);
    expect(text(hall)).not.toContain(ELDER.phone);
    expect((await get(`/v1/proxy-tasks/${task.id}`, 'agent-demo-2')).status).toBe(404);
    await closeTask(task.id);
    expect((await get(`/v1/proxy-tasks/${task.id}`, 'agent-demo-2')).status).toBe(404);
    expectOk(await get(`/v1/proxy-tasks/${task.id}`, 'agent-demo')); // their own, masked again
  });

  it('a family-link request answers the same whether or not the person is a care recipient, and is rate limited', async () => {
    const ask = (id: string) => post(`/v1/care-recipients/${id}/family`, 'resident-other');
    const shape = (r: { status: number; body: any }) => ({ status: r.status, keys: Object.keys(r.body ?? {}).sort() });
    await withRateLimits(async () => {
      const answers = [
        await ask(ELDER.id),
        await ask('resident-demo'),
        await ask('nobody-at-all'),
        await ask(ELDER.id),
      ];
      expect(answers.map(shape)).toEqual(Array(4).fill({ status: 201, keys: ['recipientId', 'status', 'userId'] }));
      expect(answers.map((a) => a.body.status)).toEqual(['pending', 'pending', 'pending', 'pending']);
      const more: number[] = [];
      for (let i = 0; i < 7; i++) more.push((await ask(`cr-probe-${i}`)).status);
      expect(more.slice(0, 6).every((s) => s === 201)).toBe(true);
      expect(more[6]).toBe(429);
    });
  });

  it('photos attached when completing a task are verified like request attachments', async () => {
    const task = await liveTask();
    for (const photos of [
      ['uploads/resident-demo/request/01ABC.jpg'],
      ['uploads/agent-demo/proxy/never-uploaded.jpg'],
    ]) {
      const res = await post(`/v1/proxy-tasks/${task.id}/complete`, 'agent-demo', { note: '已办完', photos });
      expect({ status: res.status, path: res.body.error?.details?.[0]?.path }).toEqual({
        status: 400,
        path: 'photos.0',
      });
    }
    expectOk(await post(`/v1/proxy-tasks/${task.id}/complete`, 'agent-demo', { note: '已办完' }));
  });
});
