/**
 * The command centre (issue 14 parts 8, 9, 11) against DynamoDB Local through the API: period
 * figures from the aggregator's day/month buckets, drill-down, the queue with 督办 / 挂牌督办, the
 * public scoreboard's minimum sample (the job driven with a `now`), assessment weights and who sees
 * a breakdown, and .xlsx exports read back with exceljs.
 */
import { ErrorBody } from '@gridlink/shared/common';
import { FiguresAnswer, QueueItem, Scoreboard } from '@gridlink/shared/centre';
import { RequestResource } from '@gridlink/shared/requests';
import { chinaDate } from '@gridlink/shared/time';
import { ExcelJS } from '../src/domain/basedata/excel';
import { drainOutbox } from '../src/domain/notify';
import { slaSweep } from '../src/domain/requests/sweep';
import { computeScoreboard } from '../src/domain/centre/scoreboard';
import { JOBS } from '../src/handlers/jobs';
import { startApi, type Api } from './harness';

let api: Api;
const t: Record<string, string> = {};
const USERS = [
  'resident-demo',
  'worker-demo',
  'leader-demo',
  'community-admin-demo',
  'street-admin-demo',
  'district-admin-demo',
];
beforeAll(async () => {
  api = await startApi();
  for (const u of USERS) t[u] = await api.login(u);
});
afterAll(async () => api?.stop());

const call = (method: string, path: string, who?: string, body?: unknown, headers?: Record<string, string>) =>
  api.call(method, path, { token: who ? t[who] : undefined, body, headers });
const post = (path: string, who: string, body: unknown = {}, headers?: Record<string, string>) =>
  call('POST', path, who, body, headers);
const get = (path: string, who?: string) => call('GET', path, who);
const err = (res: { status: number; body: unknown }, status: number, code?: string) => {
  expect(res.status).toBe(status);
  if (code) expect(ErrorBody.parse(res.body).error.code).toBe(code);
};
const today = () => chinaDate(new Date().toISOString());
const figures = async (query: string, who = 'street-admin-demo') => {
  const res = await get(`/v1/centre/figures?${query}`, who);
  expect(res.status).toBe(200);
  return FiguresAnswer.parse(res.body);
};

async function report(category = 'facility') {
  const res = await post('/v1/requests', 'resident-demo', {
    category,
    description: '小区东门路灯不亮，晚上出行不便',
    ignoreSimilar: true,
  });
  expect(res.status).toBe(201);
  return RequestResource.parse(res.body);
}

/** reported, accepted, resolved by the worker and rated 5★ by the reporter: closed */
async function closedOne() {
  const r = await report();
  expect((await post(`/v1/requests/${r.id}/accept`, 'worker-demo', { version: r.version })).status).toBe(200);
  expect((await post(`/v1/requests/${r.id}/resolve`, 'worker-demo', { version: r.version + 1 })).status).toBe(200);
  expect((await post(`/v1/requests/${r.id}/rating`, 'resident-demo', { stars: 5 })).status).toBe(200);
  return r;
}

async function workbookRows(url: string) {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

let overdue: RequestResource;

describe('figures by period from the day and month buckets', () => {
  test('writes of today move today, this week and this month, not yesterday; drill-down street → community', async () => {
    const before = await figures(`period=day&gridId=hz-hp`);
    expect(before.source).toBe('DAY');
    expect(before.from).toBe(today());
    for (let i = 0; i < 3; i++) await closedOne();
    overdue = await report('public-order');
    const after = await figures(`period=day&gridId=hz-hp`);
    expect(after.grid.figures.reported - before.grid.figures.reported).toBe(4);
    expect(after.grid.figures.resolved - before.grid.figures.resolved).toBe(3);
    expect(after.grid.figures.rated - before.grid.figures.rated).toBe(3);
    const community = after.children.find((c) => c.gridId === 'hz-hp-xh')!;
    expect(community.level).toBe('community');
    const was = before.children.find((c) => c.gridId === 'hz-hp-xh')!;
    expect(community.figures.reported - was.figures.reported).toBe(4);
    // the children add up to the street (everything counted here is below a community)
    const sum = after.children.reduce((s, c) => s + c.figures.reported, 0);
    expect(sum).toBe(after.grid.figures.reported);
    expect(after.cost.calls).toBeGreaterThanOrEqual(3);
    // the same day seen as a week and a month (month: whole month → month buckets)
    const week = await figures(`period=week&gridId=hz-hp`);
    expect(week.days).toBe(7);
    expect(week.grid.figures.reported).toBeGreaterThanOrEqual(after.grid.figures.reported);
    const month = await figures(`period=month&gridId=hz-hp`);
    expect(month.source).toBe('MONTH');
    expect(month.grid.figures.reported).toBeGreaterThanOrEqual(after.grid.figures.reported);
    // a custom range that ends yesterday holds none of today's writes
    const y = new Date(Date.parse(`${today()}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10);
    const past = await figures(`period=custom&from=2026-01-01&to=${y}&gridId=hz-hp`);
    expect(past.source).toBe('DAY');
    expect(past.grid.figures.reported).toBe(0);
    // drill-down: the community's children (compounds), each with its figures
    const down = await figures(`period=day&gridId=hz-hp-xh`, 'community-admin-demo');
    expect(down.grid.figures.reported).toBe(community.figures.reported);
    expect(down.children.length).toBeGreaterThan(0);
    expect(down.children.every((c) => c.level === 'compound')).toBe(true);
    expect(down.children.reduce((s, c) => s + c.figures.reported, 0)).toBe(down.grid.figures.reported);
    // patrol/attendance counters are another branch's: absent here, shown as no data
    expect(down.grid.figures.attendanceRate).toBeNull();
  });

  test('scope, roles and ranges are enforced', async () => {
    err(await get('/v1/centre/figures?gridId=hz-hp', 'community-admin-demo'), 403, 'FORBIDDEN');
    err(await get('/v1/centre/figures', 'worker-demo'), 403, 'FORBIDDEN');
    err(await get('/v1/centre/figures', 'resident-demo'), 403);
    err(await get('/v1/centre/figures?period=custom&from=2025-01-01&to=2026-06-30'), 401);
    err(await get('/v1/centre/figures?period=custom&from=2025-01-01&to=2026-06-30', 'district-admin-demo'), 400);
    err(await get('/v1/centre/figures?period=custom&from=2026-03-05&to=2026-03-01', 'district-admin-demo'), 400);
    const ok = await figures('period=custom&from=2026-01-01&to=2026-03-31', 'district-admin-demo');
    expect(ok).toMatchObject({ source: 'MONTH', days: 90 });
    expect(ok.children.map((c) => c.level)).toEqual(ok.children.map(() => 'street'));
    // query cost: children page + own Query + one Query per child (several months) + one BatchGet of totals
    const n = ok.children.length;
    expect(ok.cost.calls).toBe(n + 3);
    // one month: the children's month buckets in one BatchGet → 4 calls whatever the number of children
    const month = await figures('period=month', 'district-admin-demo');
    expect(month.cost.calls).toBe(4);
    expect(month.cost.items).toBeLessThanOrEqual(1 + n + n + (n + 1));
    // 90 days by day buckets: one Query per grid, at most 90 items each
    const days = await figures('period=custom&from=2026-09-03&to=2026-12-01', 'district-admin-demo');
    expect(days).toMatchObject({ source: 'DAY', days: 90 });
    expect(days.cost.calls).toBe(n + 3);
    expect(days.cost.items).toBeLessThanOrEqual(n + 90 * (n + 1) + (n + 1));
  });
});

describe('the queue, 督办 and 挂牌督办', () => {
  let item: QueueItem;
  test('an overdue request appears in the queue of its community and of its street', async () => {
    const later = new Date(Date.now() + 13 * 3600_000).toISOString();
    expect(await slaSweep(later)).toBeGreaterThanOrEqual(1);
    for (const [grid, who] of [
      ['hz-hp-xh', 'community-admin-demo'],
      ['hz-hp', 'street-admin-demo'],
    ]) {
      const res = await get(`/v1/centre/queue?gridId=${grid}&limit=100`, who);
      expect(res.status).toBe(200);
      const found = (res.body.items as QueueItem[]).find((q) => q.id === overdue.id);
      expect(found).toMatchObject({ overdue: true, urgeCount: 0, supervised: false });
      item = QueueItem.parse(found);
      expect(JSON.stringify(found)).not.toContain('resident'); // no reporter in the queue
    }
  });

  test('urge: street and community may, the worker may not; idempotent; a stale version conflicts', async () => {
    const before = await figures(`period=day&gridId=hz-hp`);
    err(await post(`/v1/requests/${item.id}/urge`, 'worker-demo', { version: item.version }), 403);
    const key = { 'idempotency-key': `urge-${item.id}` };
    const first = await post(`/v1/requests/${item.id}/urge`, 'street-admin-demo', { version: item.version }, key);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ urgeCount: 1, version: item.version + 1, status: item.status });
    const again = await post(`/v1/requests/${item.id}/urge`, 'street-admin-demo', { version: item.version }, key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    err(
      await post(`/v1/requests/${item.id}/urge`, 'street-admin-demo', { version: item.version }),
      409,
      'VERSION_CONFLICT',
    );
    const second = await post(`/v1/requests/${item.id}/urge`, 'community-admin-demo', {
      version: item.version + 1,
      note: '请今天内处理',
    });
    expect(second.status).toBe(200);
    expect(second.body.urgeCount).toBe(2);
    // the timeline has both entries; the handler was told
    const full = await get(`/v1/requests/${item.id}`, 'street-admin-demo');
    expect(full.body.timeline.filter((e: { action: string }) => e.action === 'urge')).toHaveLength(2);
    await drainOutbox();
    const inbox = await get('/v1/messages', 'leader-demo');
    expect(JSON.stringify(inbox.body)).toContain('督办');
    const after = await figures(`period=day&gridId=hz-hp`);
    expect(after.grid.figures.urged - before.grid.figures.urged).toBe(2);
    item = QueueItem.parse(second.body);
  });

  test('supervise: street only, once; the queue shows the badge', async () => {
    err(await post(`/v1/requests/${item.id}/supervise`, 'community-admin-demo', { version: item.version }), 403);
    const res = await post(`/v1/requests/${item.id}/supervise`, 'street-admin-demo', { version: item.version });
    expect(res.status).toBe(200);
    expect(res.body.supervised).toBe(true);
    err(await post(`/v1/requests/${item.id}/supervise`, 'street-admin-demo', {}), 409, 'INVALID_TRANSITION');
    const q = await get(`/v1/centre/queue?gridId=hz-hp-xh&limit=100`, 'street-admin-demo');
    expect((q.body.items as QueueItem[]).find((x) => x.id === item.id)).toMatchObject({ supervised: true });
    expect((await figures(`period=day&gridId=hz-hp-xh`)).grid.figures.supervised).toBeGreaterThanOrEqual(1);
    // the request itself says so to those who see it whole (the 办理 page and the reporter's page show the badge)
    const detail = await get(`/v1/requests/${item.id}`, 'street-admin-demo');
    expect(detail.body.supervised).toEqual({ at: expect.any(String), byName: expect.any(String) });
  });

  test('the queue exports to .xlsx with the JSON page', async () => {
    const json = await get(`/v1/centre/queue?gridId=hz-hp-xh&limit=100`, 'street-admin-demo');
    const link = await get(`/v1/centre/queue?gridId=hz-hp-xh&limit=100&format=xlsx`, 'street-admin-demo');
    expect(link.status).toBe(200);
    expect(link.body.fileName).toMatch(/\.xlsx$/);
    const rows = await workbookRows(link.body.url);
    expect(rows[0]).toEqual(['类别', '摘要', '层级', '状态', '超期', '期限', '督办次数', '挂牌督办']);
    expect(rows.slice(1).map((r) => r[6])).toEqual((json.body.items as QueueItem[]).map((i) => i.urgeCount));
  });
});

describe('exports', () => {
  test('the figures table opens in exceljs and matches the JSON', async () => {
    const json = await figures(`period=month&gridId=hz-hp`);
    const link = await get(`/v1/centre/figures?period=month&gridId=hz-hp&format=xlsx`, 'street-admin-demo');
    expect(link.status).toBe(200);
    const rows = await workbookRows(link.body.url);
    expect(rows[0].slice(0, 4)).toEqual(['网格', '上报事件', '自处理', '办结']);
    const all = [json.grid, ...json.children];
    expect(rows.slice(1).map((r) => r[0])).toEqual(all.map((g) => g.name));
    expect(rows.slice(1).map((r) => r[1])).toEqual(all.map((g) => g.figures.reported));
    expect(rows.slice(1).map((r) => r[5] ?? null)).toEqual(all.map((g) => g.figures.satisfactionRate));
  });
});

describe('the public scoreboard', () => {
  test('the job (driven with a now) ranks only communities with the minimum sample; the route needs no token', async () => {
    const now = new Date().toISOString();
    const board = await computeScoreboard(now, { minSample: 3 });
    expect(board.to).toBe(chinaDate(now));
    expect(board.from < board.to).toBe(true);
    const xh = board.rows.find((r) => r.communityId === 'hz-hp-xh')!;
    expect(xh.closed).toBeGreaterThanOrEqual(3);
    expect(xh.rank).toBe(1);
    expect(xh.satisfactionRate).toBe(1);
    const thin = board.rows.filter((r) => r.closed < 3);
    expect(thin.length).toBeGreaterThan(0);
    expect(thin.every((r) => r.rank === null)).toBe(true);
    const pub = await get('/v1/scoreboard');
    expect(pub.status).toBe(200);
    expect(Scoreboard.parse(pub.body)).toEqual(board);
    // the default sample (30 closed requests): nobody here reaches it, nobody is ranked
    await JOBS.scoreboard();
    const dflt = Scoreboard.parse((await get('/v1/scoreboard')).body);
    expect(dflt.minSample).toBe(30);
    expect(dflt.rows.every((r) => r.rank === null)).toBe(true);
    // a day 100 days later: today's closures are out of its 90 days
    const far = await computeScoreboard(new Date(Date.now() + 100 * 86400_000).toISOString(), { minSample: 1 });
    expect(far.rows.find((r) => r.communityId === 'hz-hp-xh')!.closed).toBe(0);
  });
});

describe('assessment', () => {
  const weights = {
    community: { onTime: 30, satisfaction: 30, resolution: 20, inCommunity: 10, patrol: 5, attendance: 5 },
    worker: { onTime: 40, satisfaction: 30, attendance: 10, patrol: 10, events: 10 },
    workerTargets: { patrols: 10, events: 5 },
  };
  test('weights: defaults, district only, validated, version-conditional', async () => {
    const d = await get('/v1/assessment/weights', 'worker-demo');
    expect(d.status).toBe(200);
    expect(d.body.version).toBe(0);
    err(await call('PUT', '/v1/assessment/weights', 'street-admin-demo', weights), 403);
    const bad = { ...weights, worker: { ...weights.worker, onTime: 90 } };
    err(await call('PUT', '/v1/assessment/weights', 'district-admin-demo', bad), 400, 'VALIDATION_FAILED');
    const ok = await call('PUT', '/v1/assessment/weights', 'district-admin-demo', { ...weights, version: 0 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ...weights, version: 1, updatedBy: '冯涛' });
    err(await call('PUT', '/v1/assessment/weights', 'district-admin-demo', { ...weights, version: 0 }), 409);
  });

  test('a breakdown: each figure, its weight and its points; own, leaders in scope, others 403', async () => {
    const own = await get('/v1/assessment/workers/worker-demo', 'worker-demo');
    expect(own.status).toBe(200);
    expect(own.body.lines.map((l: { key: string; weight: number }) => [l.key, l.weight])).toEqual(
      Object.entries(weights.worker),
    );
    for (const l of own.body.lines) expect(l.points).toBeCloseTo(l.weight * (l.value ?? 0), 2);
    expect((await get('/v1/assessment/workers/worker-demo', 'leader-demo')).status).toBe(200);
    expect((await get('/v1/assessment/workers/worker-demo', 'street-admin-demo')).status).toBe(200);
    err(await get('/v1/assessment/workers/leader-demo', 'worker-demo'), 403);
    err(await get('/v1/assessment/workers/worker-demo', 'resident-demo'), 403);
    const c = await get('/v1/assessment/communities/hz-hp-xh', 'community-admin-demo');
    expect(c.status).toBe(200);
    const sat = c.body.lines.find((l: { key: string }) => l.key === 'satisfaction');
    expect(sat).toMatchObject({ weight: 30, value: 1, points: 30 });
    expect(c.body.score).toBeCloseTo(
      c.body.lines.reduce((s: number, l: { points: number }) => s + l.points, 0),
      2,
    );
    err(await get('/v1/assessment/communities/hz-hp-xh', 'worker-demo'), 403);
  });

  test('the ranking of communities and workers, and its export', async () => {
    const r = await get('/v1/centre/ranking?gridId=hz-hp', 'street-admin-demo');
    expect(r.status).toBe(200);
    expect(r.body.communities[0]).toMatchObject({ id: 'hz-hp-xh', rank: 1 });
    expect(r.body.workers.map((w: { id: string }) => w.id)).toEqual(expect.arrayContaining(['worker-demo']));
    const link = await get('/v1/centre/ranking?gridId=hz-hp&format=xlsx&table=workers', 'street-admin-demo');
    const rows = await workbookRows(link.body.url);
    expect(rows[0].slice(0, 3)).toEqual(['名次', '网格员', '得分']);
    expect(rows.slice(1).map((x) => x[1])).toEqual(r.body.workers.map((w: { name: string }) => w.name));
  });
});
