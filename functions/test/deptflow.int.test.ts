/**
 * Issue 14 (deptflow) through the API on DynamoDB Local, with the sweeps' controllable clock (`now`):
 * 社区吹哨、部门报到 both ways (报到 within/after its deadline, 退回, one 延期, department 办结 with
 * result + photo, overdue departments for the street), call-backs enforced (24 h escalation, 3★/5★
 * sampling), ratings you can trust (flag reasons, satisfaction with/without flags) and staff notices
 * (due in 2 hours, escalated to my level, the digest rule).
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ErrorBody } from '@gridlink/shared/common';
import { RequestResource } from '@gridlink/shared/requests';
import { db, table } from '../src/data/client';
import { forgetGridCache, staffItem } from '../src/data/grids';
import { keys } from '../src/data/keys';
import { userItem } from '../src/data/users';
import { drainOutbox } from '../src/domain/notify';
import { callbackSweep } from '../src/domain/requests/callbacks';
import { inSample } from '../src/domain/requests/sampling';
import { deptSignSweep, dueSoonSweep, slaSweep } from '../src/domain/requests/sweep';
import { startApi, uploadPhoto, type Api } from './harness';

const BUILDING = 'hz-hp-xh-c1-a1-b1';
const UNIT = 'hz-hp-xh-c1-a1-b1-u1';
const BUILDING_PATH = ['hz', 'hz-hp', 'hz-hp-xh', 'hz-hp-xh-c1', 'hz-hp-xh-c1-a1', BUILDING];
const ENV = ['RATING_BURST_LIMIT', 'AUDIT_SAMPLE_5STAR', 'CALLBACK_SAMPLE_3STAR'] as const;

let api: Api;
const t: Record<string, string> = {};
const saved: Record<string, string | undefined> = {};
const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

beforeAll(async () => {
  for (const k of ENV) saved[k] = process.env[k];
  // other tests' ratings never make a burst, and no 5★ is sampled, unless a test asks
  process.env.RATING_BURST_LIMIT = '1000';
  process.env.AUDIT_SAMPLE_5STAR = '0';
  process.env.CALLBACK_SAMPLE_3STAR = '0';
  api = await startApi();
  const now = new Date().toISOString();
  // a second grid worker of the demo building, for the all-5★ pattern
  const five = { id: 'worker-five', role: 'grid_worker' as const, name: '钱五', gridIds: [BUILDING] };
  await db().send(
    new PutCommand({
      TableName: table(),
      Item: userItem({ ...five, version: 1, createdAt: now, updatedAt: now }),
    }),
  );
  await db().send(
    new PutCommand({
      TableName: table(),
      Item: staffItem({
        gridId: BUILDING,
        userId: five.id,
        name: five.name,
        role: 'grid_worker',
        duties: [],
        gridPath: BUILDING_PATH,
      }),
    }),
  );
  // the street's leader serves the street grid (notices to the street), worker-demo has subscribed (openid)
  await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.grid('hz-hp'),
      UpdateExpression: 'SET staffIds = :s',
      ExpressionAttributeValues: { ':s': ['street-admin-demo'] },
    }),
  );
  await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.user('worker-demo'),
      UpdateExpression: 'SET openid = :o',
      ExpressionAttributeValues: { ':o': 'o-worker-demo-test' },
    }),
  );
  forgetGridCache();
  for (const u of [
    'resident-demo',
    'worker-demo',
    'worker-five',
    'leader-demo',
    'community-admin-demo',
    'street-admin-demo',
    'dept-demo',
  ])
    t[u] = await api.login(u);
});
afterAll(async () => {
  for (const k of ENV)
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  await api?.stop();
});

const post = (path: string, who: string, body: unknown = {}, headers?: Record<string, string>) =>
  api.call('POST', path, { token: t[who], body, headers });
const get = (path: string, who: string, headers?: Record<string, string>) =>
  api.call('GET', path, { token: t[who], headers });
const err = (res: { status: number; body: unknown }, status: number, code?: string) => {
  expect(res.status).toBe(status);
  const e = ErrorBody.parse(res.body).error;
  if (code) expect(e.code).toBe(code);
};
const ok = (res: { status: number; body: any }) => {
  if (res.status !== 200 && res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

async function report(who = 'resident-demo', category = 'facility') {
  const body = ok(
    await post('/v1/requests', who, {
      category,
      description: '楼道灯坏了一周，晚上看不见路',
      ignoreSimilar: true,
      ...(who === 'resident-demo' ? {} : { unitId: UNIT }),
    }),
  );
  return RequestResource.parse(body);
}
async function dispatched() {
  const r = await report();
  ok(await post(`/v1/requests/${r.id}/accept`, 'worker-demo'));
  return RequestResource.parse(
    ok(await post(`/v1/requests/${r.id}/dispatch`, 'leader-demo', { departmentId: 'dept-housing' })),
  );
}
async function resolvedBy(who: string, reporter = 'resident-demo') {
  const r = await report(reporter);
  ok(await post(`/v1/requests/${r.id}/accept`, who));
  ok(await post(`/v1/requests/${r.id}/resolve`, who, { note: '已处理' }));
  return r;
}
const detail = async (id: string) => RequestResource.parse(ok(await get(`/v1/requests/${id}`, 'community-admin-demo')));
const actions = async (id: string) => (await detail(id)).timeline!.map((e) => e.action);
const counters = async (grid: string) => ok(await get(`/v1/stats/grids/${grid}`, 'street-admin-demo'));
const messages = async (who: string) => ok(await get('/v1/messages?limit=100', who)).items as any[];

describe('社区吹哨、部门报到 both ways', () => {
  it('报到 within its deadline: signed, not flagged by the sweep; a second 报到 is refused', async () => {
    ok(await get('/v1/requests?view=inbox', 'dept-demo')); // a member who opened 待办 hears of new ones
    const r = await dispatched();
    await drainOutbox();
    expect((await messages('dept-demo')).map((m) => m.title)).toContain('新待办（请报到）：公共设施损坏');
    expect(Date.parse(r.signDueAt!) - Date.parse(r.updatedAt)).toBe(2 * 3600_000);
    err(await post(`/v1/requests/${r.id}/sign`, 'worker-demo'), 403);
    const signed = RequestResource.parse(
      ok(await post(`/v1/requests/${r.id}/sign`, 'dept-demo', { version: r.version })),
    );
    expect(signed.signedAt).toBeDefined();
    err(await post(`/v1/requests/${r.id}/sign`, 'dept-demo'), 409, 'INVALID_TRANSITION');
    await deptSignSweep(hours(3));
    expect((await detail(r.id)).signOverdue).toBeUndefined();
    expect(await actions(r.id)).toEqual(['submit', 'accept', 'dispatch', 'sign']);
  });

  it('after its deadline: the sweep flags it once, tells the community and lists it for the street', async () => {
    const before = (await counters('hz-hp-xh')).counters;
    const r = await dispatched();
    await drainOutbox();
    expect(await deptSignSweep(hours(1))).toBe(0); // not yet
    expect(await deptSignSweep(hours(3))).toBeGreaterThanOrEqual(1);
    expect(await deptSignSweep(hours(4))).toBe(0); // counted once
    const d = await detail(r.id);
    expect(d.signOverdue).toBe(true);
    expect(await actions(r.id)).toContain('signOverdue');
    await drainOutbox();
    expect((await messages('leader-demo')).map((m) => m.title)).toContain('部门超时未报到：公共设施损坏');
    const list = ok(await get('/v1/departments/overdue', 'street-admin-demo'));
    expect(list.items).toContainEqual(
      expect.objectContaining({ requestId: r.id, reason: 'sign', departmentName: '区住房和城乡建设局' }),
    );
    err(await get('/v1/departments/overdue', 'community-admin-demo'), 403);
    const after = (await counters('hz-hp-xh')).counters;
    expect((after.dept_sign_overdue ?? 0) - (before.dept_sign_overdue ?? 0)).toBe(1);
    // signing late is still a 报到; resolving takes it off the street's list
    ok(await post(`/v1/requests/${r.id}/sign`, 'dept-demo'));
    const photo = await uploadPhoto(api, t['dept-demo']);
    ok(await post(`/v1/requests/${r.id}/resolve`, 'dept-demo', { note: '已维修', photos: [photo] }));
    const again = ok(await get('/v1/departments/overdue', 'street-admin-demo'));
    expect(again.items.map((i: { requestId: string }) => i.requestId)).not.toContain(r.id);
  });

  it('退回 needs a reason and goes back to the community (dispatched → accepted, level community)', async () => {
    const r = await dispatched();
    err(await post(`/v1/requests/${r.id}/return`, 'dept-demo', {}), 400, 'VALIDATION_FAILED');
    const back = RequestResource.parse(
      ok(await post(`/v1/requests/${r.id}/return`, 'dept-demo', { note: '不属于本部门职责，请转城管' })),
    );
    expect(back).toMatchObject({ status: 'accepted', level: 'community' });
    const inbox = ok(await get('/v1/requests?view=inbox&limit=100', 'community-admin-demo'));
    expect(inbox.items.map((i: { id: string }) => i.id)).toContain(r.id);
    const dept = ok(await get('/v1/requests?view=inbox&limit=100', 'dept-demo'));
    expect(dept.items.map((i: { id: string }) => i.id)).not.toContain(r.id);
    const tl = (await detail(r.id)).timeline!;
    expect(tl[tl.length - 1]).toMatchObject({
      action: 'deptReturn',
      note: '不属于本部门职责，请转城管',
      level: 'community',
    });
  });

  it('one 延期 approved by the community; a second refused with a clear error; a refusal keeps the deadline', async () => {
    const r = await dispatched();
    const want = new Date(Date.parse(r.dueAt!) + 72 * 3600_000).toISOString();
    err(await post(`/v1/requests/${r.id}/extension`, 'dept-demo', { dueAt: want }), 400, 'VALIDATION_FAILED');
    err(await post(`/v1/requests/${r.id}/extension`, 'worker-demo', { dueAt: want, note: '需采购' }), 403);
    // 报到 first: no extension for what the department has not signed for
    const unsigned = await post(`/v1/requests/${r.id}/extension`, 'dept-demo', { dueAt: want, note: '需采购灯具' });
    err(unsigned, 409, 'INVALID_TRANSITION');
    expect(unsigned.body.error.message).toBe('请先报到再申请延期');
    ok(await post(`/v1/requests/${r.id}/sign`, 'dept-demo'));
    const asked = RequestResource.parse(
      ok(await post(`/v1/requests/${r.id}/extension`, 'dept-demo', { dueAt: want, note: '需采购灯具' })),
    );
    expect(asked.extension).toMatchObject({ status: 'pending', dueAt: want, reason: '需采购灯具' });
    expect(asked.dueAt).toBe(r.dueAt);
    err(await post(`/v1/requests/${r.id}/extension/approve`, 'dept-demo'), 403);
    const approved = RequestResource.parse(ok(await post(`/v1/requests/${r.id}/extension/approve`, 'leader-demo')));
    expect(approved.dueAt).toBe(want);
    expect(approved.extension?.status).toBe('approved');
    const second = await post(`/v1/requests/${r.id}/extension`, 'dept-demo', {
      dueAt: new Date(Date.parse(want) + 3600_000).toISOString(),
      note: '再延一次',
    });
    err(second, 409, 'INVALID_TRANSITION');
    expect(second.body.error.message).toBe('每件诉求只能申请一次延期');
    err(await post(`/v1/requests/${r.id}/extension/refuse`, 'leader-demo'), 409); // nothing pending

    const r2 = await dispatched();
    ok(await post(`/v1/requests/${r2.id}/sign`, 'dept-demo'));
    ok(await post(`/v1/requests/${r2.id}/extension`, 'dept-demo', { dueAt: want, note: '需采购灯具' }));
    const refused = RequestResource.parse(
      ok(await post(`/v1/requests/${r2.id}/extension/refuse`, 'community-admin-demo', { note: '请按时办结' })),
    );
    expect(refused).toMatchObject({ dueAt: r2.dueAt, extension: { status: 'refused', note: '请按时办结' } });
  });

  it('a department resolves with a result and at least one photo; staff may still resolve without', async () => {
    const r = await dispatched();
    const photo = await uploadPhoto(api, t['dept-demo']);
    // 报到 first: a department answers for what it has signed for
    const unsigned = await post(`/v1/requests/${r.id}/resolve`, 'dept-demo', { note: '已更换灯具', photos: [photo] });
    err(unsigned, 409, 'INVALID_TRANSITION');
    expect(unsigned.body.error.message).toBe('请先报到再办结');
    ok(await post(`/v1/requests/${r.id}/sign`, 'dept-demo'));
    const noPhoto = await post(`/v1/requests/${r.id}/resolve`, 'dept-demo', { note: '已更换' });
    err(noPhoto, 400, 'VALIDATION_FAILED');
    expect(noPhoto.body.error.details).toEqual([{ path: 'photos', message: '请至少上传一张办理照片' }]);
    err(await post(`/v1/requests/${r.id}/resolve`, 'dept-demo', { photos: [photo] }), 400, 'VALIDATION_FAILED');
    const other = await uploadPhoto(api, t['worker-demo']);
    err(await post(`/v1/requests/${r.id}/resolve`, 'dept-demo', { note: '已更换', photos: [other] }), 400);
    const done = RequestResource.parse(
      ok(await post(`/v1/requests/${r.id}/resolve`, 'dept-demo', { note: '已更换灯具', photos: [photo] })),
    );
    expect(done).toMatchObject({ status: 'resolved', result: '已更换灯具', resultPhotos: [{ key: photo }] });
    expect((await detail(r.id)).resultPhotos![0].url).toMatch(/^http/);
    const staff = await resolvedBy('worker-demo');
    expect((await detail(staff.id)).status).toBe('resolved');
  });

  it('past its deadline at the department: counted and listed for the street (dept_overdue)', async () => {
    const before = (await counters('hz-hp-xh')).counters;
    const r = await dispatched();
    ok(await post(`/v1/requests/${r.id}/sign`, 'dept-demo'));
    await slaSweep(new Date(Date.parse(r.dueAt!) + 60_000).toISOString());
    const d = await detail(r.id);
    expect(d).toMatchObject({ status: 'dispatched', overdue: true });
    await drainOutbox();
    expect((await messages('leader-demo')).map((m) => m.title)).toContain('已超期：公共设施损坏'); // overdue notice
    const list = ok(await get('/v1/departments/overdue?streetId=hz-hp&limit=100', 'street-admin-demo'));
    expect(list.items).toContainEqual(expect.objectContaining({ requestId: r.id, reason: 'deadline' }));
    const after = (await counters('hz-hp-xh')).counters;
    expect((after.dept_overdue ?? 0) - (before.dept_overdue ?? 0)).toBeGreaterThanOrEqual(1);
    expect(after.dept_signed).toBeGreaterThanOrEqual(1);
    expect(after.dept_returned).toBeGreaterThanOrEqual(1);
    expect(after.dept_extended).toBeGreaterThanOrEqual(1);
  });
});

describe('call-backs enforced', () => {
  it('a 1–2★ call-back not done within 24 h escalates to the street, counted against the community', async () => {
    const before = (await counters('hz-hp-xh')).counters;
    const r = await resolvedBy('leader-demo');
    ok(await post(`/v1/requests/${r.id}/rating`, 'resident-demo', { stars: 1, comment: '没修好' }));
    const cb = ok(await get('/v1/callbacks?status=open&limit=100', 'community-admin-demo')).items.find(
      (c: { requestId: string }) => c.requestId === r.id,
    );
    expect(cb).toMatchObject({ kind: 'low', stars: 1 });
    await drainOutbox();
    expect((await messages('leader-demo')).map((m) => m.title)).toContain('待回访（差评回访）');
    await callbackSweep(new Date(Date.parse(cb.dueAt) - 3600_000).toISOString());
    expect(ok(await get('/v1/callbacks?view=escalated', 'street-admin-demo')).items).toEqual([]);
    expect(await callbackSweep(new Date(Date.parse(cb.dueAt) + 60_000).toISOString())).toBeGreaterThanOrEqual(1);
    const esc = ok(await get('/v1/callbacks?view=escalated', 'street-admin-demo')).items;
    expect(esc).toContainEqual(expect.objectContaining({ id: cb.id, status: 'open', level: 'street' }));
    err(await get('/v1/callbacks?view=escalated', 'community-admin-demo'), 403);
    await drainOutbox();
    expect((await messages('street-admin-demo')).map((m) => m.title)).toContain('超时未回访：公共设施损坏');
    const after = (await counters('hz-hp-xh')).counters;
    expect((after.callbacks_escalated ?? 0) - (before.callbacks_escalated ?? 0)).toBe(1);
    // the street can still do it
    ok(
      await post(`/v1/callbacks/${cb.id}/complete`, 'street-admin-demo', { outcome: 'confirmed', note: '已电话回访' }),
    );
  });

  it('a 3★ rating is sampled for a call-back by the share configured, deterministically by request id', async () => {
    const open3 = async () => {
      const r = await resolvedBy('leader-demo');
      ok(await post(`/v1/requests/${r.id}/rating`, 'resident-demo', { stars: 3 }));
      const d = await detail(r.id);
      return {
        id: r.id,
        sampled: !!ok(await get('/v1/callbacks?limit=100', 'community-admin-demo')).items.find(
          (c: { requestId: string; kind: string }) => c.requestId === d.id && c.kind === 'sampled',
        ),
      };
    };
    process.env.CALLBACK_SAMPLE_3STAR = '1';
    expect((await open3()).sampled).toBe(true);
    process.env.CALLBACK_SAMPLE_3STAR = '0';
    expect((await open3()).sampled).toBe(false);
    process.env.CALLBACK_SAMPLE_3STAR = '0.5';
    for (let i = 0; i < 3; i++) {
      const x = await open3();
      expect(x.sampled).toBe(inSample('callback3', x.id, 0.5));
    }
    process.env.CALLBACK_SAMPLE_3STAR = '0';
  });

  it('a 5★ rating sampled for an audit call-back: the worker who handled it may not do it', async () => {
    process.env.AUDIT_SAMPLE_5STAR = '1';
    const r = await resolvedBy('leader-demo');
    ok(await post(`/v1/requests/${r.id}/rating`, 'resident-demo', { stars: 5 }));
    process.env.AUDIT_SAMPLE_5STAR = '0';
    const cb = ok(await get('/v1/callbacks?limit=100', 'community-admin-demo')).items.find(
      (c: { requestId: string }) => c.requestId === r.id,
    );
    expect(cb).toMatchObject({ kind: 'audit', stars: 5 });
    expect(cb.handlerId).toBeUndefined();
    err(
      await post(`/v1/callbacks/${cb.id}/complete`, 'leader-demo', { outcome: 'confirmed', note: '核查' }),
      403,
      'FORBIDDEN',
    );
    ok(
      await post(`/v1/callbacks/${cb.id}/complete`, 'community-admin-demo', {
        outcome: 'confirmed',
        note: '居民确认满意',
      }),
    );
    expect((await counters('hz-hp-xh')).counters.callbacks_sampled).toBeGreaterThanOrEqual(2);
  });
});

describe('ratings you can trust', () => {
  const flagged = async () => ok(await get('/v1/ratings/flagged?limit=100', 'street-admin-demo')).items as any[];

  it('flags a rating made while signed in as staff, and one from a device seen with a staff token', async () => {
    const mine = await report('worker-demo');
    ok(await post(`/v1/requests/${mine.id}/accept`, 'leader-demo'));
    ok(await post(`/v1/requests/${mine.id}/resolve`, 'leader-demo', { note: '已处理' }));
    ok(await post(`/v1/requests/${mine.id}/rating`, 'worker-demo', { stars: 5 }));
    expect((await flagged()).find((f) => f.requestId === mine.id)).toMatchObject({
      reasons: ['staff_role'],
      raterRole: 'grid_worker',
      workerId: 'leader-demo',
    });

    const device = { 'x-device-id': 'dev-staff-phone-01' };
    ok(await get('/v1/requests?view=inbox', 'worker-demo', device)); // the device is seen with a staff token
    const r = await resolvedBy('leader-demo');
    ok(await post(`/v1/requests/${r.id}/rating`, 'resident-demo', { stars: 5 }, device));
    expect((await flagged()).find((f) => f.requestId === r.id)?.reasons).toEqual(['staff_device']);
    const clean = await resolvedBy('leader-demo');
    ok(
      await post(
        `/v1/requests/${clean.id}/rating`,
        'resident-demo',
        { stars: 5 },
        { 'x-device-id': 'dev-own-phone-02' },
      ),
    );
    expect((await flagged()).find((f) => f.requestId === clean.id)).toBeUndefined();
    err(await get('/v1/ratings/flagged', 'community-admin-demo'), 403);
  });

  it('flags bursts of ratings in one grid and minute beyond the limit', async () => {
    const rs = [];
    for (let i = 0; i < 5; i++) rs.push(await resolvedBy('leader-demo'));
    process.env.RATING_BURST_LIMIT = '2';
    try {
      for (const r of rs) ok(await post(`/v1/requests/${r.id}/rating`, 'resident-demo', { stars: 4 }));
    } finally {
      process.env.RATING_BURST_LIMIT = '1000';
    }
    const f = await flagged();
    const burst = rs.filter((r) => f.find((x) => x.requestId === r.id)?.reasons.includes('burst'));
    expect(burst.length).toBeGreaterThanOrEqual(1); // five in at most two minutes: one minute had three
    expect(burst.length).toBeLessThanOrEqual(5);
  });

  it('a worker never rated below 5★ (≥ 10 ratings) is listed for the street and flags the next 5★', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await resolvedBy('worker-five');
      ok(await post(`/v1/requests/${r.id}/rating`, 'resident-demo', { stars: 5 }));
    }
    const list = ok(await get('/v1/ratings/all-five-workers?limit=100', 'street-admin-demo'));
    expect(list.items).toContainEqual(expect.objectContaining({ userId: 'worker-five', rated: 10, name: '钱五' }));
    expect(list.items.map((w: { userId: string }) => w.userId)).not.toContain('leader-demo');
    const next = await resolvedBy('worker-five');
    ok(await post(`/v1/requests/${next.id}/rating`, 'resident-demo', { stars: 5 }));
    expect((await flagged()).find((f) => f.requestId === next.id)?.reasons).toEqual(['worker_all_five']);
  });

  it('the dashboard shows satisfaction with and without flagged ratings', async () => {
    const s = await counters(BUILDING);
    const c = s.counters;
    const n = (k: string) => c[k] ?? 0;
    expect(s.requests.flaggedRatings).toBe(n('flagged_rated'));
    expect(n('flagged_rated')).toBeGreaterThanOrEqual(4);
    const unflagged =
      (n('stars_4') + n('stars_5') - n('flagged_stars_4') - n('flagged_stars_5')) / (n('rated') - n('flagged_rated'));
    expect(s.requests.satisfactionRateUnflagged).toBeCloseTo(unflagged, 3);
    // flagged ratings here are all 4–5★: leaving them out lowers satisfaction
    expect(s.requests.satisfactionRateUnflagged).toBeLessThan(s.requests.satisfactionRate);
    expect(n('ratings_flagged')).toBe(n('flagged_rated'));
  });
});

describe('staff notices', () => {
  it('due in 2 hours: the inbox staff are told once per deadline', async () => {
    const r = await report();
    const at = new Date(Date.parse(r.dueAt!) - 90 * 60_000).toISOString();
    expect(await dueSoonSweep(at)).toBeGreaterThanOrEqual(1);
    await dueSoonSweep(at);
    expect((await actions(r.id)).filter((a) => a === 'remindDue')).toHaveLength(1);
    await drainOutbox();
    expect((await messages('worker-demo')).map((m) => m.title)).toContain('2 小时内到期：公共设施损坏');
    // the reporter is not told of staff reminders
    expect((await messages('resident-demo')).filter((m) => m.title.includes('即将超期'))).toEqual([]);
  });

  it('escalated to my level: the community staff hear of it', async () => {
    const r = await report();
    ok(await post(`/v1/requests/${r.id}/escalate`, 'worker-demo', { note: '需社区协调' }));
    await drainOutbox();
    expect((await messages('community-admin-demo')).map((m) => m.title)).toContain('上报至您：公共设施损坏');
  });

  it('a recipient with more than 3 notices in 10 minutes gets ONE subscribe message; every in-app message is written', async () => {
    await drainOutbox();
    const sentBefore = api.stack.sentMessages.filter((m) => m.touser === 'o-worker-demo-test').length;
    const before = (await messages('worker-demo')).length;
    for (let i = 0; i < 5; i++) await report();
    await drainOutbox();
    const sent = api.stack.sentMessages.filter((m) => m.touser === 'o-worker-demo-test').slice(sentBefore);
    expect(sent).toHaveLength(1);
    expect((sent[0].data as { thing1: { value: string } }).thing1.value).toBe('您有 5 条新待办');
    const msgs = await messages('worker-demo');
    expect(msgs.length - before).toBe(6); // five 新待办 and the digest line
    expect(msgs.filter((m) => m.kind === 'digest')[0]).toMatchObject({ title: '您有 5 条新待办', count: 5 });
    // two notices in a window: one by one
    for (let i = 0; i < 2; i++) await report();
    await drainOutbox();
    expect(api.stack.sentMessages.filter((m) => m.touser === 'o-worker-demo-test').slice(sentBefore)).toHaveLength(3);
  });
});
