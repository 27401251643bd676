/**
 * The grid worker's day (issue 14, parts 1–4) through the real API on DynamoDB Local: fence,
 * track uploads (duplicated, out of order, spoofed), key-point check-ins, patrol events into the
 * request kernel, track access, TTL, the sweeps with a controllable clock, leave, point-calls, visits.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ErrorBody } from '@gridlink/shared/common';
import { AttendanceDay, Patrol, PointCall, TrackView, TRACK_RETENTION_DAYS } from '@gridlink/shared/patrol';
import { chinaDate, chinaMonth } from '@gridlink/shared/time';
import { db, table } from '../src/data/client';
import { keys, patrolKeys } from '../src/data/keys';
import { userItem } from '../src/data/users';
import { readWorkerStats } from '../src/data/worker-stats';
import { overnightSweep } from '../src/domain/patrol/patrols';
import { missedPatrolSweep } from '../src/domain/patrol/setup';
import { missedClockInSweep } from '../src/domain/patrol/attendance';
import { pointCallSweep } from '../src/domain/patrol/pointcall';
import { overdueVisits } from '../src/domain/patrol/visits';
import { drainOutbox } from '../src/domain/notify';
import { DEMO_CENTER, DEMO_KEY_POINTS } from '../src/seed/demo-patrol';
import { startApi, uploadTo, type Api } from './harness';

let api: Api;
const t: Record<string, string> = {};
const USERS = [
  'worker-demo',
  'leader-demo',
  'community-admin-demo',
  'street-admin-demo',
  'resident-demo',
  'office-demo',
  'worker-other',
];
const BUILDING = 'hz-hp-xh-c1-a1-b1';
const UNIT = 'hz-hp-xh-c1-a1-b1-u1';
const DAY = 86_400_000;
const later = (ms: number) => new Date(Date.now() + ms).toISOString();

beforeAll(async () => {
  api = await startApi();
  const now = new Date().toISOString();
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
  for (const u of USERS) t[u] = await api.login(u);
}, 60_000);
afterAll(async () => api?.stop());

const post = (path: string, who: string, body: unknown = {}, key?: string) =>
  api.call('POST', path, { token: t[who], body, headers: key ? { 'idempotency-key': key } : {} });
const put = (path: string, who: string, body: unknown) => api.call('PUT', path, { token: t[who], body });
const get = (path: string, who: string) => api.call('GET', path, { token: t[who] });
const ok = <T>(res: { status: number; body: unknown }, schema: { parse(v: unknown): T }, status = 200): T => {
  expect({ status: res.status, body: res.body }).toMatchObject({ status });
  return schema.parse(res.body);
};
const err = (res: { status: number; body: unknown }, status: number) => {
  expect({ status: res.status, body: res.body }).toMatchObject({ status });
  return ErrorBody.parse(res.body).error;
};
const local = async (grid = BUILDING) =>
  ((await db().send(new GetCommand({ TableName: table(), Key: keys.statsLocal(grid) }))).Item ?? {}) as Record<
    string,
    number
  >;

/** a walk at ~1.4 m/s from the demo centre, one point every `every` seconds */
function walk(n: number, startMs: number, every = 5, seq0 = 0) {
  return Array.from({ length: n }, (_, i) => ({
    seq: seq0 + i,
    at: new Date(startMs + i * every * 1000).toISOString(),
    lat: DEMO_CENTER.lat + i * every * 0.0000126,
    lng: DEMO_CENTER.lng + ((i % 7) - 3) * 0.000002,
    acc: 8,
  }));
}

async function photo(who: string) {
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
      '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  );
  const ticket = await post('/v1/uploads', who, { purpose: 'request', contentType: 'image/png', size: png.length });
  expect(ticket.status).toBe(201);
  expect((await uploadTo(ticket.body, png)).status).toBe(204);
  return ticket.body.key as string;
}

/** DynamoDB's item size: attribute names + values (strings in UTF-8, numbers ~1 byte per 2 digits) */
function itemBytes(v: unknown): number {
  if (typeof v === 'string') return Buffer.byteLength(v);
  if (typeof v === 'number') return Math.ceil(String(v).replace(/[-.]/g, '').length / 2) + 1;
  if (typeof v === 'boolean' || v === null) return 1;
  if (Array.isArray(v)) return 3 + v.reduce((a, x) => a + 1 + itemBytes(x), 0);
  if (typeof v === 'object')
    return 3 + Object.entries(v as object).reduce((a, [k, x]) => a + Buffer.byteLength(k) + 1 + itemBytes(x), 0);
  return 0;
}

describe('attendance: the fence', () => {
  it('a clock-in inside the fence counts; a clock-out far outside is accepted and flagged', async () => {
    const before = await local();
    const inn = ok(await post('/v1/attendance/clock', 'worker-demo', { kind: 'in', ...DEMO_CENTER }), AttendanceDay);
    expect(inn.in).toMatchObject({ inFence: true });
    expect(inn.flags).toEqual([]);
    // a retried clock-in changes nothing
    ok(await post('/v1/attendance/clock', 'worker-demo', { kind: 'in', lat: 42.5, lng: 121.9 }), AttendanceDay);
    const out = ok(
      await post('/v1/attendance/clock', 'worker-demo', {
        kind: 'out',
        lat: DEMO_CENTER.lat + 0.05,
        lng: DEMO_CENTER.lng,
      }),
      AttendanceDay,
    );
    expect(out.out).toMatchObject({ inFence: false });
    expect(out.out!.distanceM).toBeGreaterThan(5000);
    expect(out.flags).toContain('out_of_fence');
    const after = await local();
    expect((after.c_attend_days ?? 0) - (before.c_attend_days ?? 0)).toBe(1);
    expect((after.c_attend_flagged ?? 0) - (before.c_attend_flagged ?? 0)).toBe(1);
    err(await post('/v1/attendance/clock', 'resident-demo', { kind: 'in', ...DEMO_CENTER }), 403);
    err(await post('/v1/attendance/clock', 'worker-demo', { kind: 'in', lat: 200, lng: 0 }), 400);
  });

  it('the monthly sheet as JSON for the worker and their leader, as .xlsx, and 403 for outsiders', async () => {
    const month = chinaMonth(new Date().toISOString());
    const mine = await get(`/v1/attendance/sheet?month=${month}`, 'worker-demo');
    expect(mine.status).toBe(200);
    expect(mine.body.totals.days).toBe(1);
    expect(mine.body.days[0].flags).toContain('out_of_fence');
    expect((await get(`/v1/attendance/sheet?month=${month}&userId=worker-demo`, 'leader-demo')).status).toBe(200);
    err(await get(`/v1/attendance/sheet?month=${month}&userId=worker-demo`, 'worker-other'), 403);
    const x = await get(`/v1/attendance/sheet/xlsx?month=${month}&userId=worker-demo`, 'community-admin-demo');
    expect(x.status).toBe(200);
    const file = Buffer.from(await (await fetch(x.body.url)).arrayBuffer());
    expect(file.subarray(0, 2).toString()).toBe('PK'); // a zip: the .xlsx
    expect(x.body.fileName).toContain('.xlsx');
  });
});

describe('patrol', () => {
  let patrol: Patrol;
  const start = Date.now() - 10 * 60_000;

  it('starts once per worker; others may not start one for them', async () => {
    patrol = ok(await post('/v1/patrols', 'worker-demo', {}, 'patrol-start-1'), Patrol, 201);
    expect(patrol).toMatchObject({ status: 'active', gridId: BUILDING, workerId: 'worker-demo' });
    // the same key: the same answer; a new start while one is under way: 409
    expect((await post('/v1/patrols', 'worker-demo', {}, 'patrol-start-1')).body.id).toBe(patrol.id);
    err(await post('/v1/patrols', 'worker-demo', {}), 409);
    err(await post('/v1/patrols', 'resident-demo', {}), 403);
    const active = await get(`/v1/patrols/active?gridId=hz-hp-xh`, 'leader-demo');
    expect(active.body.items.map((p: Patrol) => p.id)).toContain(patrol.id);
  });

  it('duplicated and out-of-order batches are stored once each, sorted by time', async () => {
    const pts = walk(30, start);
    const second = await post(`/v1/patrols/${patrol.id}/points`, 'worker-demo', { points: pts.slice(15) });
    expect(second.body).toMatchObject({ accepted: 15, duplicates: 0 });
    const first = await post(`/v1/patrols/${patrol.id}/points`, 'worker-demo', { points: pts.slice(0, 20).reverse() });
    expect(first.body).toMatchObject({ accepted: 15, duplicates: 5 });
    const again = await post(`/v1/patrols/${patrol.id}/points`, 'worker-demo', { points: pts.slice(0, 15) });
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 15 });
    const track = ok(await get(`/v1/patrols/${patrol.id}/track`, 'worker-demo'), TrackView);
    expect(track.patrol.points).toBe(30);
    expect(track.points.map((p) => p.seq)).toEqual(pts.map((p) => p.seq));
    expect(track.patrol.flags).toEqual([]);
  });

  it('spoofing signs are flagged and the points kept: an impossible jump and a run of identical points', async () => {
    const t0 = start + 30 * 5000;
    const jump = { seq: 30, at: new Date(t0 + 10_000).toISOString(), lat: DEMO_CENTER.lat + 0.1, lng: DEMO_CENTER.lng };
    const same = Array.from({ length: 12 }, (_, i) => ({
      ...jump,
      seq: 31 + i,
      at: new Date(t0 + 20_000 + i * 5000).toISOString(),
    }));
    const before = await local();
    const res = await post(`/v1/patrols/${patrol.id}/points`, 'worker-demo', { points: [jump, ...same] });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(13);
    const kinds = (res.body.patrol as Patrol).flags.map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['speed', 'identical']));
    expect((await local()).c_location_flags - (before.c_location_flags ?? 0)).toBe(kinds.length);
    const track = ok(await get(`/v1/patrols/${patrol.id}/track`, 'worker-demo'), TrackView);
    expect(track.points).toHaveLength(43);
  });

  it('checks in at key points by location within the radius and by QR token; too far is refused', async () => {
    const [gate, yard] = DEMO_KEY_POINTS;
    const far = await post(`/v1/patrols/${patrol.id}/checkins`, 'worker-demo', {
      pointId: gate.id,
      lat: gate.lat + 0.01,
      lng: gate.lng,
    });
    expect(err(far, 400).message).toContain('不在点位范围内');
    ok(
      await post(`/v1/patrols/${patrol.id}/checkins`, 'worker-demo', {
        pointId: gate.id,
        lat: gate.lat + 0.0002,
        lng: gate.lng,
      }),
      Patrol,
    );
    err(await post(`/v1/patrols/${patrol.id}/checkins`, 'worker-demo', { pointId: yard.id, qrToken: 'wrong' }), 400);
    const p = ok(
      await post(`/v1/patrols/${patrol.id}/checkins`, 'worker-demo', { pointId: yard.id, qrToken: yard.qrToken }),
      Patrol,
    );
    expect(p.checkins.map((c) => [c.pointId, c.by])).toEqual([
      [gate.id, 'location'],
      [yard.id, 'qr'],
    ]);
    expect((await local()).c_patrol_checkins).toBe(2);
  });

  it('上报 files a request in the closed loop; 自处理 files and resolves one at once, both tagged with the patrol', async () => {
    const reported = await post(
      `/v1/patrols/${patrol.id}/events`,
      'worker-demo',
      {
        mode: 'report',
        category: 'street-vending',
        description: '巡查发现东门占道经营',
        unitId: UNIT,
        attachments: [await photo('worker-demo')],
      },
      'patrol-event-1',
    );
    expect(reported.status).toBe(201);
    expect(reported.body).toMatchObject({ mode: 'report', status: 'submitted' });
    const self = await post(`/v1/patrols/${patrol.id}/events`, 'worker-demo', {
      mode: 'self',
      category: 'sanitation',
      description: '楼道堆放杂物',
      unitId: UNIT,
      attachments: [await photo('worker-demo')],
      afterPhotos: [await photo('worker-demo')],
      resolution: '已清理楼道杂物',
    });
    expect(self.status).toBe(201);
    expect(self.body).toMatchObject({ mode: 'self', status: 'resolved' });
    expect(self.body.patrol.events).toEqual({ reported: 1, selfHandled: 1 });
    // a 自处理 must have after photos
    err(
      await post(`/v1/patrols/${patrol.id}/events`, 'worker-demo', {
        mode: 'self',
        category: 'sanitation',
        description: 'x',
        unitId: UNIT,
      }),
      400,
    );
    const req = await get(`/v1/requests/${self.body.requestId}`, 'worker-demo');
    expect(req.body.status).toBe('resolved');
    const stored = (await db().send(new GetCommand({ TableName: table(), Key: keys.request(self.body.requestId) })))
      .Item!;
    expect(stored).toMatchObject({ source: 'patrol', patrolId: patrol.id });
    const c = await local();
    expect([c.c_events_reported, c.c_events_self_handled]).toEqual([1, 1]);
  });

  it('the track: the worker, leaders in scope and the centre; everyone else 403', async () => {
    for (const who of ['worker-demo', 'leader-demo', 'community-admin-demo', 'street-admin-demo'])
      expect((await get(`/v1/patrols/${patrol.id}/track`, who)).status).toBe(200);
    for (const who of ['resident-demo', 'office-demo', 'worker-other'])
      err(await get(`/v1/patrols/${patrol.id}/track`, who), 403);
    err(await post(`/v1/patrols/${patrol.id}/points`, 'worker-other', { points: walk(1, start) }), 403);
  });

  it('tracks carry the TTL attribute: the retention period after the start', async () => {
    const items =
      (
        await db().send(
          new QueryCommand({
            TableName: table(),
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': patrolKeys.patrolPk(patrol.id) },
          }),
        )
      ).Items ?? [];
    expect(items.length).toBeGreaterThan(1);
    const expected = Math.floor(Date.parse(patrol.startedAt) / 1000) + TRACK_RETENTION_DAYS * 86400;
    for (const i of items) expect(i.expiresAt).toBe(expected);
  });

  it('stops: minutes, patrols and the grid day counted, the worker month too', async () => {
    const before = await readWorkerStats(['worker-demo'], chinaMonth(new Date().toISOString()));
    const p = ok(await post(`/v1/patrols/${patrol.id}/stop`, 'worker-demo', {}), Patrol);
    expect(p.status).toBe('finished');
    expect((await post(`/v1/patrols/${patrol.id}/stop`, 'worker-demo', {})).body.status).toBe('finished');
    const c = await local();
    expect([c.c_patrols, c.c_patrol_grid_days]).toEqual([1, 1]);
    const w = (await readWorkerStats(['worker-demo'], chinaMonth(new Date().toISOString()))).get('worker-demo')!;
    expect(w.patrols - (before.get('worker-demo')?.patrols ?? 0)).toBe(1);
    expect(w.events_self_handled).toBe(1);
    expect(w.patrol_checkins).toBe(2);
  });

  it('a patrol left running overnight is closed by the sweep and flagged; late points are still kept', async () => {
    const p = ok(await post('/v1/patrols', 'worker-demo', {}), Patrol, 201);
    expect(await overnightSweep(new Date().toISOString())).toBe(0);
    expect(await overnightSweep(later(DAY))).toBeGreaterThanOrEqual(1);
    const closed = ok(await get(`/v1/patrols/${p.id}`, 'worker-demo'), Patrol);
    expect(closed.status).toBe('closed');
    expect(closed.flags.map((f) => f.kind)).toContain('overnight');
    const late = await post(`/v1/patrols/${p.id}/points`, 'worker-demo', { points: walk(5, Date.now()) });
    expect(late.body).toMatchObject({ accepted: 5 });
    // the worker may start again
    const next = ok(await post('/v1/patrols', 'worker-demo', {}), Patrol, 201);
    ok(await post(`/v1/patrols/${next.id}/stop`, 'worker-demo', {}), Patrol);
  });

  it('points stored per hour of patrol: a chunk per 10 minutes, not an item per point', async () => {
    const p = ok(await post('/v1/patrols', 'worker-demo', {}), Patrol, 201);
    const pts = walk(720, Date.now() - 3600_000, 5); // one hour, a point every 5 s
    for (let i = 0; i < pts.length; i += 100)
      expect((await post(`/v1/patrols/${p.id}/points`, 'worker-demo', { points: pts.slice(i, i + 100) })).status).toBe(
        200,
      );
    const items =
      (
        await db().send(
          new QueryCommand({
            TableName: table(),
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
            ExpressionAttributeValues: { ':pk': patrolKeys.patrolPk(p.id), ':sk': 'TRK#' },
          }),
        )
      ).Items ?? [];
    const bytes = items.reduce((a, i) => a + itemBytes(i), 0);
    expect(items.length).toBeGreaterThanOrEqual(6);
    expect(items.length).toBeLessThanOrEqual(7);
    expect(items.reduce((a, i) => a + i.n, 0)).toBe(720);
    console.log(`points per hour of patrol: 720 points → ${items.length} chunk items, ~${bytes} bytes`);
    ok(await post(`/v1/patrols/${p.id}/stop`, 'worker-demo', {}), Patrol);
  });
});

describe('plans and the missed-patrol sweep', () => {
  it('a community leader sets a plan; a week short of it raises one alert to the leader', async () => {
    err(await put(`/v1/patrol-grids/${BUILDING}/plan`, 'worker-demo', { perWeek: 3 }), 403);
    const set = await put(`/v1/patrol-grids/${BUILDING}/plan`, 'leader-demo', {
      perWeek: 3,
      pointIds: [DEMO_KEY_POINTS[0].id],
    });
    expect(set.status).toBe(200);
    expect(set.body.plan).toMatchObject({ perWeek: 3, pointIds: [DEMO_KEY_POINTS[0].id] });
    expect(set.body.keyPoints[0].qrToken).toBeTruthy(); // leaders see the QR tokens
    expect((await get(`/v1/patrol-grids/${BUILDING}`, 'worker-demo')).body.keyPoints[0].qrToken).toBeUndefined();
    expect((await local()).c_patrol_plan_grids).toBe(1);
    expect(await missedPatrolSweep(new Date().toISOString())).toBe(0); // no full week yet
    expect(await missedPatrolSweep(later(8 * DAY))).toBe(1);
    expect(await missedPatrolSweep(later(9 * DAY))).toBe(0); // once a week
    expect((await local()).c_patrol_missed).toBe(1);
    const audit =
      (
        await db().send(
          new QueryCommand({
            TableName: table(),
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': keys.auditPk(`grid:${BUILDING}`) },
          }),
        )
      ).Items ?? [];
    expect(audit.map((i) => i.action)).toEqual(expect.arrayContaining(['patrol.setPlan', 'patrol.missed']));
    await drainOutbox();
    expect(JSON.stringify((await get('/v1/messages', 'leader-demo')).body)).toContain('巡查未达计划');
    const key = await post(`/v1/patrol-grids/${BUILDING}/points`, 'leader-demo', {
      name: '北侧车棚',
      lat: 42.012,
      lng: 121.661,
    });
    expect(key.status).toBe(201);
    expect(key.body.qrToken).toBeTruthy();
  });
});

describe('missed clock-ins and leave', () => {
  it('the sweep flags a worker on duty without a clock-in, once; approved leave is skipped', async () => {
    const day = later(DAY);
    const marked = await missedClockInSweep(later(2 * DAY), ['hz']);
    expect(marked).toBeGreaterThanOrEqual(1);
    expect(await missedClockInSweep(later(2 * DAY), ['hz'])).toBe(0);
    const sheet = await get(`/v1/attendance/sheet?month=${chinaMonth(day)}`, 'worker-demo');
    expect(sheet.body.days.find((d: { date: string }) => d.date === chinaDate(day)).flags).toContain('missed');
    expect((await local()).c_attend_missed).toBeGreaterThanOrEqual(1);

    const leaveDay = chinaDate(later(3 * DAY));
    const leave = await post(
      '/v1/leaves',
      'worker-demo',
      { from: leaveDay, to: leaveDay, reason: '家中有事' },
      'leave-key-0001',
    );
    expect(leave.status).toBe(201);
    expect(leave.body.status).toBe('pending');
    const queue = await get('/v1/leaves', 'community-admin-demo');
    expect(queue.body.items.map((l: { id: string }) => l.id)).toContain(leave.body.id);
    err(await post(`/v1/leaves/${leave.body.id}/approve`, 'worker-demo', {}), 403);
    err(await post(`/v1/leaves/${leave.body.id}/refuse`, 'community-admin-demo', {}), 400); // a reason is required
    const approved = await post(`/v1/leaves/${leave.body.id}/approve`, 'community-admin-demo', {});
    expect(approved.body.status).toBe('approved');
    err(await post(`/v1/leaves/${leave.body.id}/approve`, 'community-admin-demo', {}), 409);
    expect(await missedClockInSweep(later(4 * DAY), ['hz'])).toBe(0);
    expect((await local()).c_leave_days).toBe(1);
  });
});

describe('point-calls', () => {
  it('a leader calls, the worker answers with a camera photo and location; an unanswered call is missed', async () => {
    err(await post('/v1/pointcalls', 'worker-demo', { workerId: 'worker-demo' }), 403);
    err(await post('/v1/pointcalls', 'leader-demo', { workerId: 'worker-other' }), 403);
    const call = ok(
      await post('/v1/pointcalls', 'street-admin-demo', { workerId: 'worker-demo' }, 'pointcall-key-0001'),
      PointCall,
      201,
    );
    expect(call.status).toBe('calling');
    expect(Date.parse(call.dueAt) - Date.parse(call.createdAt)).toBe(10 * 60_000);
    const img = await photo('worker-demo');
    err(
      await post(`/v1/pointcalls/${call.id}/answer`, 'worker-demo', { photo: img, ...DEMO_CENTER, source: 'album' }),
      400,
    );
    err(
      await post(`/v1/pointcalls/${call.id}/answer`, 'leader-demo', { photo: img, ...DEMO_CENTER, source: 'camera' }),
      403,
    );
    const answered = ok(
      await post(`/v1/pointcalls/${call.id}/answer`, 'worker-demo', { photo: img, ...DEMO_CENTER, source: 'camera' }),
      PointCall,
    );
    expect(answered.status).toBe('answered');
    expect(answered.answer?.photoUrl).toBeTruthy();
    expect((await get(`/v1/pointcalls/${call.id}`, 'street-admin-demo')).body.status).toBe('answered');
    err(await get(`/v1/pointcalls/${call.id}`, 'worker-other'), 403);

    const missed = ok(
      await post('/v1/pointcalls', 'leader-demo', { workerId: 'worker-demo', minutes: 5 }),
      PointCall,
      201,
    );
    expect(await pointCallSweep(new Date().toISOString())).toBe(0);
    expect(await pointCallSweep(later(6 * 60_000))).toBeGreaterThanOrEqual(1);
    expect((await get(`/v1/pointcalls/${missed.id}`, 'worker-demo')).body.status).toBe('missed');
    const c = await local();
    expect([c.c_pointcalls, c.c_pointcalls_answered, c.c_pointcalls_missed]).toEqual([2, 1, 1]);
    const w = (await readWorkerStats(['worker-demo'], chinaMonth(new Date().toISOString()))).get('worker-demo')!;
    expect(w.pointcalls_missed).toBe(1);
  });
});

describe('visits', () => {
  const person = (id: string, name: string, tags: string[], houseNo = '101') => ({
    ...keys.person(BUILDING, id),
    type: 'person',
    id,
    buildingId: BUILDING,
    unitId: UNIT,
    houseNo,
    gridPath: ['hz', 'hz-hp', 'hz-hp-xh', 'hz-hp-xh-c1', 'hz-hp-xh-c1-a1', BUILDING, UNIT],
    name,
    gender: '女',
    idNumber: '210902195803120023',
    birthDate: '1958-03-12',
    personType: '户籍',
    tags,
    version: 1,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  });
  it('独居老人 are listed overdue until visited, and again a week after', async () => {
    for (const p of [person('p-elder-1', '王秀兰', ['独居老人']), person('p-young-1', '李明', [], '102')])
      await db().send(new PutCommand({ TableName: table(), Item: p }));
    const before = await get(`/v1/visits/overdue?buildingId=${BUILDING}`, 'worker-demo');
    expect(before.status).toBe(200);
    expect(before.body.items.map((i: { personId: string }) => i.personId)).toEqual(['p-elder-1']);
    expect(before.body.items[0].name).not.toBe('王秀兰'); // masked
    err(await get(`/v1/visits/overdue?buildingId=${BUILDING}`, 'worker-other'), 403);
    const v = await post(
      '/v1/visits',
      'worker-demo',
      { buildingId: BUILDING, unitId: UNIT, houseNo: '101', found: '身体尚好，提醒冬季用电安全' },
      'visit-key-0001',
    );
    expect(v.status).toBe(201);
    err(
      await post('/v1/visits', 'worker-demo', { buildingId: BUILDING, unitId: UNIT, houseNo: '999', found: 'x' }),
      400,
    );
    expect((await get(`/v1/visits/overdue?buildingId=${BUILDING}`, 'worker-demo')).body.items).toEqual([]);
    const actor = { id: 'worker-demo', role: 'grid_worker' as const, name: '王芳', gridIds: [BUILDING] };
    const nextWeek = await overdueVisits(actor, BUILDING, later(8 * DAY));
    expect(nextWeek.items.map((i) => i.personId)).toEqual(['p-elder-1']);
    expect((await get(`/v1/visits?buildingId=${BUILDING}`, 'leader-demo')).body.items).toHaveLength(1);
    expect((await local()).c_visits).toBe(1);
  });
});
