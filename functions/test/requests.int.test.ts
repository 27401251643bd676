import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ErrorBody } from '@gridlink/shared/common';
import { RequestResource } from '@gridlink/shared/requests';
import { db, table } from '../src/data/client';
import { userItem } from '../src/data/users';
import { drainOutbox } from '../src/domain/notify';
import { autoClose, slaSweep } from '../src/domain/requests/sweep';
import { startApi, uploadPhoto, uploadTo, type Api } from './harness';

let api: Api;
const t: Record<string, string> = {};
beforeAll(async () => {
  api = await startApi();
  const now = new Date().toISOString();
  // an outsider: a grid worker of another street's building
  await db().send(
    new PutCommand({
      TableName: table(),
      Item: userItem({
        id: 'worker-other',
        role: 'grid_worker',
        name: '外网格员',
        gridIds: ['hz-xs-hx-c1-a1-b1'],
        version: 1,
        createdAt: now,
        updatedAt: now,
      }),
    }),
  );
  for (const u of [
    'resident-demo',
    'resident-elder',
    'worker-demo',
    'leader-demo',
    'community-admin-demo',
    'street-admin-demo',
    'district-admin-demo',
    'dept-demo',
    'worker-other',
    'agent-demo',
    'office-demo',
  ])
    t[u] = await api.login(u);
});
afterAll(async () => api?.stop());

const post = (path: string, who: string, body: unknown = {}, headers?: Record<string, string>) =>
  api.call('POST', path, { token: t[who], body, headers });
const get = (path: string, who: string) => api.call('GET', path, { token: t[who] });
const err = (res: { status: number; body: unknown }, status: number, code?: string) => {
  expect(res.status).toBe(status);
  const e = ErrorBody.parse(res.body).error;
  if (code) expect(e.code).toBe(code);
};

async function report(who = 'resident-demo', category = 'facility', extra: Record<string, unknown> = {}) {
  const res = await post('/v1/requests', who, {
    category,
    description: '1号楼一单元楼道灯坏了一周，晚上看不见',
    ignoreSimilar: true,
    ...extra,
  });
  expect(res.status).toBe(201);
  return RequestResource.parse(res.body);
}

describe('categories', () => {
  it('lists at least 8 categories with SLA per level and a department', async () => {
    const res = await api.call('GET', '/v1/request-categories');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(8);
    expect(res.body.items.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['公共设施损坏', '环境卫生', '供暖', '邻里纠纷']),
    );
    for (const c of res.body.items)
      expect(Object.keys(c.slaHours)).toEqual(['grid', 'community', 'street', 'district']);
  });
});

describe('the closed loop', () => {
  it('report → inbox → accept → dispatch → department resolves → 2 stars → call-back → reopen → resolve → 5 stars', async () => {
    const r = await report();
    expect(r).toMatchObject({ status: 'submitted', level: 'grid', version: 1, unitId: 'hz-hp-xh-c1-a1-b1-u1' });
    expect(Date.parse(r.dueAt!) - Date.parse(r.createdAt)).toBe(48 * 3600_000);

    const inbox = await get('/v1/requests?view=inbox', 'worker-demo');
    expect(inbox.body.items.map((x: { id: string }) => x.id)).toContain(r.id);
    const mine = await get('/v1/requests?view=mine', 'resident-demo');
    expect(mine.body.items[0].id).toBe(r.id);

    err(await post(`/v1/requests/${r.id}/accept`, 'worker-demo', { version: 99 }), 409, 'VERSION_CONFLICT');
    const accepted = await post(`/v1/requests/${r.id}/accept`, 'worker-demo', { version: 1 });
    expect(accepted.body).toMatchObject({ status: 'accepted', version: 2 });
    err(await post(`/v1/requests/${r.id}/accept`, 'worker-demo'), 409, 'INVALID_TRANSITION');
    err(await post(`/v1/requests/${r.id}/dispatch`, 'worker-demo'), 403); // grid workers do not blow the whistle

    const dispatched = await post(`/v1/requests/${r.id}/dispatch`, 'leader-demo', {
      note: '路灯属市政，转住建',
      departmentId: 'dept-housing',
    });
    expect(dispatched.body).toMatchObject({ status: 'dispatched', departmentId: 'dept-housing' });
    const deptInbox = await get('/v1/requests?view=inbox', 'dept-demo');
    expect(deptInbox.body.items.map((x: { id: string }) => x.id)).toContain(r.id);

    // a department's 办结 carries its result and a photo (issue 14)
    const photo = await uploadPhoto(api, t['dept-demo']);
    expect((await post(`/v1/requests/${r.id}/sign`, 'dept-demo', { version: dispatched.body.version })).status).toBe(
      200,
    );
    const resolved = await post(`/v1/requests/${r.id}/resolve`, 'dept-demo', { note: '已更换灯具', photos: [photo] });
    expect(resolved.body.status).toBe('resolved');
    err(await post(`/v1/requests/${r.id}/rating`, 'resident-elder', { stars: 5 }), 403);
    err(await post(`/v1/requests/${r.id}/rating`, 'resident-demo', { stars: 6 }), 400, 'VALIDATION_FAILED');

    const rated = await post(`/v1/requests/${r.id}/rating`, 'resident-demo', { stars: 2, comment: '灯换了但还是很暗' });
    expect(rated.body).toMatchObject({ status: 'closed', rating: { stars: 2 } });
    const cbs = await get('/v1/callbacks?status=open', 'community-admin-demo');
    const cb = cbs.body.items.find((c: { requestId: string }) => c.requestId === r.id);
    expect(cb).toMatchObject({ status: 'open', stars: 2 });
    expect(Date.parse(cb.dueAt) - Date.parse(rated.body.updatedAt)).toBe(24 * 3600_000);
    err(await get('/v1/callbacks', 'worker-demo'), 403);

    const done = await post(`/v1/callbacks/${cb.id}/complete`, 'community-admin-demo', {
      outcome: 'reopen',
      note: '居民反映亮度不够，重新办理',
    });
    expect(done.body).toMatchObject({ status: 'done', outcome: 'reopen' });
    err(
      await post(`/v1/callbacks/${cb.id}/complete`, 'community-admin-demo', { outcome: 'confirmed', note: '再次完成' }),
      409,
    );
    const reopened = await get(`/v1/requests/${r.id}`, 'resident-demo');
    expect(reopened.body).toMatchObject({ status: 'accepted', reopenCount: 1, level: 'grid' });
    expect(reopened.body.rating).toBeUndefined();

    await post(`/v1/requests/${r.id}/resolve`, 'worker-demo', { note: '换成高亮度灯' });
    const final = await post(`/v1/requests/${r.id}/rating`, 'resident-demo', { stars: 5, comment: '非常满意' });
    expect(final.body.status).toBe('closed');

    const detail = await get(`/v1/requests/${r.id}`, 'community-admin-demo');
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'accept',
      'dispatch',
      'sign',
      'resolve',
      'rate',
      'reopen',
      'resolve',
      'rate',
    ]);
    expect(detail.body.timeline[2]).toMatchObject({
      actorId: 'leader-demo',
      from: 'accepted',
      to: 'dispatched',
      note: '路灯属市政，转住建',
    });

    const stats = await get('/v1/stats/grids/hz-hp-xh', 'community-admin-demo');
    expect(stats.body.requests).toMatchObject({
      rated: 2,
      reopened: 1,
      averageStars: 3.5,
      satisfactionRate: 0.5,
      callbackRate: 0.5,
      onTimeRate: 1,
      settledInCommunityRate: 1,
    });
    expect(stats.body.requests.total).toBeGreaterThanOrEqual(1);
  });

  it('reject needs a reason; escalation climbs one level at a time and changes who may act', async () => {
    const r = await report('resident-demo', 'noise');
    err(await post(`/v1/requests/${r.id}/reject`, 'worker-demo', {}), 400);
    const e1 = await post(`/v1/requests/${r.id}/escalate`, 'worker-demo', { note: '需社区协调' });
    expect(e1.body).toMatchObject({ level: 'community', status: 'submitted' });
    err(await post(`/v1/requests/${r.id}/accept`, 'worker-demo'), 403); // now above the building grid
    expect(
      (await get('/v1/requests?view=inbox', 'community-admin-demo')).body.items.map((x: { id: string }) => x.id),
    ).toContain(r.id);
    await post(`/v1/requests/${r.id}/escalate`, 'community-admin-demo');
    const e3 = await post(`/v1/requests/${r.id}/escalate`, 'street-admin-demo');
    expect(e3.body.level).toBe('district');
    err(await post(`/v1/requests/${r.id}/escalate`, 'district-admin-demo'), 409, 'INVALID_TRANSITION');
    const rejected = await post(`/v1/requests/${r.id}/reject`, 'district-admin-demo', { note: '不属于政府职责范围' });
    expect(rejected.body.status).toBe('rejected');
  });
});

describe('scope and privacy', () => {
  it('other grids and other people cannot read or act', async () => {
    const r = await report('resident-demo', 'sanitation');
    err(await get(`/v1/requests/${r.id}`, 'resident-elder'), 404);
    err(await get(`/v1/requests/${r.id}`, 'worker-other'), 404);
    err(await post(`/v1/requests/${r.id}/accept`, 'worker-other'), 403);
    err(await post(`/v1/requests/${r.id}/accept`, 'resident-demo'), 403);
    err(await post(`/v1/requests/${r.id}/resolve`, 'dept-demo'), 403); // not dispatched to it
    err(await get('/v1/requests?view=inbox', 'resident-demo'), 403);
    err(
      await post('/v1/requests', 'worker-other', {
        category: 'facility',
        description: '别的网格的问题描述',
        unitId: 'hz-hp-xh-c1-a1-b1-u1',
      }),
      403,
    );
    err(await post('/v1/requests', 'office-demo', { category: 'facility', description: '窗口不能报事描述' }), 403);
    expect((await get(`/v1/requests/${r.id}`, 'street-admin-demo')).status).toBe(200);
  });

  it('bad input answers 400 with field details, never 500', async () => {
    err(await post('/v1/requests', 'resident-demo', { category: 'nope', description: '分类不存在的问题' }), 400);
    err(await post('/v1/requests', 'resident-demo', { category: 'facility', description: '短' }), 400);
    err(
      await post('/v1/requests', 'resident-demo', {
        category: 'facility',
        description: '照片太多了的问题',
        attachments: Array(10).fill('uploads/x.jpg'),
      }),
      400,
    );
    err(
      await post('/v1/requests', 'resident-demo', { category: 'facility', description: '多余字段的问题', extra: 1 }),
      400,
    );
    err(
      await post('/v1/requests', 'resident-demo', {
        category: 'facility',
        description: '单元不存在的问题',
        unitId: 'hz-nowhere',
      }),
      400,
    );
    err(await get('/v1/requests?view=everything', 'resident-demo'), 400);
    err(await get('/v1/requests/NOPE', 'resident-demo'), 404);
  });
});

describe('duplicates (我也遇到)', () => {
  it('offers the open request of the same building and category; a neighbour joins and is notified', async () => {
    const r = await report('resident-demo', 'heating', { description: '暖气不热，室温只有 14 度' });
    const dup = await post('/v1/requests', 'resident-elder', {
      category: 'heating',
      description: '我家暖气也不热，很冷',
    });
    err(dup, 409, 'CONFLICT');
    const similar = await get('/v1/requests/similar?category=heating', 'resident-elder');
    expect(similar.body.items.map((x: { id: string }) => x.id)).toEqual([r.id]);
    const joined = await post(`/v1/requests/${r.id}/join`, 'resident-elder');
    expect(joined.body.joinCount).toBe(1);
    expect(
      (await get('/v1/requests?view=mine', 'resident-elder')).body.items.map((x: { id: string }) => x.id),
    ).toContain(r.id);
    await post(`/v1/requests/${r.id}/accept`, 'leader-demo');
    await drainOutbox();
    const msgs = await get('/v1/messages', 'resident-elder');
    expect(msgs.body.items[0].title).toBe('供暖：已受理');
  });
});

describe('idempotency', () => {
  it('100 concurrent retries with one key → one request and identical answers', async () => {
    const headers = { 'idempotency-key': 'retry-key-0001' };
    const body = { category: 'safety-hazard', description: '楼道里有人飞线充电，很危险', ignoreSimilar: true };
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => post('/v1/requests', 'resident-demo', body, headers)),
    );
    const ids = new Set(answers.map((a) => a.body.id));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(ids.size).toBe(1);
    const other = await post('/v1/requests', 'resident-demo', body, { 'idempotency-key': 'retry-key-0002' });
    expect(other.body.id).not.toBe([...ids][0]);
    err(
      await post('/v1/requests', 'resident-demo', { ...body, description: '另一个不同的内容描述' }, headers),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    );
  });
});

describe('scheduled work', () => {
  it('the SLA sweep marks overdue and escalates; unrated resolved requests close after 7 days', async () => {
    const r = await report('resident-demo', 'public-order');
    const later = new Date(Date.now() + 13 * 3600_000).toISOString();
    expect(await slaSweep(later)).toBeGreaterThanOrEqual(1);
    const after = await get(`/v1/requests/${r.id}`, 'resident-demo');
    expect(after.body).toMatchObject({ level: 'community', overdue: true });
    expect(after.body.timeline.at(-1)).toMatchObject({ action: 'autoEscalate', actorId: 'system' });

    await post(`/v1/requests/${r.id}/accept`, 'community-admin-demo');
    await post(`/v1/requests/${r.id}/resolve`, 'community-admin-demo', { note: '已处理' });
    expect(await autoClose(new Date(Date.now() + 6 * 86400_000).toISOString())).toBe(0);
    expect(await autoClose(new Date(Date.now() + 7 * 86400_000 + 60_000).toISOString())).toBeGreaterThanOrEqual(1);
    expect((await get(`/v1/requests/${r.id}`, 'resident-demo')).body.status).toBe('closed');
  });
});

describe('photos', () => {
  it('presigned upload → attach → visible only to allowed readers; wrong type, size and owner refused', async () => {
    const ticket = await post('/v1/uploads', 'resident-demo', {
      purpose: 'request',
      contentType: 'image/png',
      size: 68,
    });
    expect(ticket.status).toBe(201);
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
        '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
      'hex',
    );
    expect(ticket.body).toMatchObject({
      method: 'POST',
      fields: { key: ticket.body.key, 'Content-Type': 'image/png' },
    });
    expect((await uploadTo(ticket.body, png)).status).toBe(204);
    err(
      await post('/v1/uploads', 'resident-demo', { purpose: 'request', contentType: 'application/pdf', size: 10 }),
      400,
    );
    err(
      await post('/v1/uploads', 'resident-demo', {
        purpose: 'request',
        contentType: 'image/png',
        size: 6 * 1024 * 1024,
      }),
      400,
    );

    // the object must really be there, an image, and the reporter's own
    err(
      await post('/v1/requests', 'resident-demo', {
        category: 'facility',
        description: '附件不存在的问题描述',
        ignoreSimilar: true,
        attachments: ['uploads/resident-demo/request/missing.png'],
      }),
      400,
    );
    err(
      await post('/v1/requests', 'resident-elder', {
        category: 'facility',
        description: '别人的附件问题描述',
        ignoreSimilar: true,
        attachments: [ticket.body.key],
      }),
      400,
    );
    const textTicket = await post('/v1/uploads', 'resident-demo', {
      purpose: 'request',
      contentType: 'image/jpeg',
      size: 5,
    });
    // the text is posted as a JPEG (name and declared type): its bytes give it away
    expect((await uploadTo(textTicket.body, Buffer.from('hello'))).status).toBe(204);
    err(
      await post('/v1/requests', 'resident-demo', {
        category: 'facility',
        description: '类型不对的附件问题',
        ignoreSimilar: true,
        attachments: [textTicket.body.key],
      }),
      400,
    );

    const r = await report('resident-demo', 'illegal-building', { attachments: [ticket.body.key] });
    const detail = await get(`/v1/requests/${r.id}`, 'worker-demo');
    expect(detail.body.attachments[0].key).toBe(ticket.body.key);
    const img = await fetch(detail.body.attachments[0].url);
    expect(img.status).toBe(200);
    expect(Buffer.from(await img.arrayBuffer()).equals(png)).toBe(true);
    err(await get(`/v1/requests/${r.id}`, 'resident-elder'), 404);
  });
});
