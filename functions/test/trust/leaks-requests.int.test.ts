import { maskNumbers } from '@gridlink/shared/pii';
/**
 * Issue 12, requests: 我也遇到 suggestions are a projection of the caller's own building; joiners
 * read the joiner view only; a unit binding needs verification (the unit's QR code or a grid
 * worker) before it grants suggestions, joins and reads, and moving away ends those reads.
 */
import { startApi, type Api } from '../harness';
import { addOutsiders } from './fixtures';

let api: Api;
const tokens: Record<string, string> = {};
const USERS = [
  'resident-demo',
  'resident-elder',
  'agent-demo',
  'worker-demo',
  'leader-demo',
  'office-demo',
  'dept-demo',
  'district-admin-demo',
  'resident-other',
  'worker-other',
];
const call = (m: string, p: string, who: string, body?: unknown) => api.call(m, p, { token: tokens[who], body });
const get = (p: string, who: string) => call('GET', p, who);

beforeAll(async () => {
  api = await startApi();
  await addOutsiders();
  for (const u of USERS) tokens[u] = await api.login(u);
}, 60000);
afterAll(async () => api?.stop());

const DEMO_UNIT = 'hz-hp-xh-c1-a1-b1-u1';
const SPARE_UNIT = 'hz-hp-xh-c1-a1-b1-u3'; // same building, nobody lives there
const B2_UNIT = 'hz-hp-xh-c1-a1-b2-u1'; // agent-demo's building
const OTHER_UNIT = 'hz-xs-hx-c1-a1-b1-u1'; // another street
const SECRET_TEXT = '暖气不热，本人刘淑珍，电话139-0418-1234，身份证 2109 0219 8001 0112 36';
const SUGGESTION_KEYS = ['category', 'categoryName', 'createdAt', 'id', 'joinCount', 'mine', 'publicSummary', 'status'];
const PRIVATE_KEYS = ['description', 'reporterId', 'reporterName', 'unitId', 'unitName', 'gridPath', 'location'];

/** Nothing of the reporter, their unit or their text in a body meant for neighbours. */
function expectNothingPersonal(body: unknown) {
  const text = JSON.stringify(body);
  for (const s of ['刘淑珍', '0418', '1234', '2109', 'resident-demo', DEMO_UNIT, '101室', '王丽'])
    expect(text).not.toContain(s);
}

let reqId: string;
let b2Id: string;

describe('我也遇到 suggestions', () => {
  it('GET /v1/requests/similar returns only the suggestion projection, without personal data', async () => {
    const r = await call('POST', '/v1/requests', 'resident-demo', {
      category: 'heating',
      description: SECRET_TEXT,
      location: { lat: 41.12, lng: 121.13, address: '幸福小区1号楼101室' },
    });
    expect(r.status).toBe(201);
    reqId = r.body.id;
    expect(r.body.description).toBe(SECRET_TEXT); // the reporter's own view is whole
    expect(r.body.publicSummary).toBe('暖气不热');
    const s = await get('/v1/requests/similar?category=heating', 'resident-elder');
    expect(s.status).toBe(200);
    expect(s.body.items).toHaveLength(1);
    expect(Object.keys(s.body.items[0]).sort()).toEqual(SUGGESTION_KEYS);
    expect(s.body.items[0]).toMatchObject({ id: reqId, publicSummary: '暖气不热', mine: false, joinCount: 0 });
    expectNothingPersonal(s.body);
    const own = await get('/v1/requests/similar?category=heating', 'resident-demo');
    expect(own.body.items[0]).toMatchObject({ id: reqId, mine: true });
  });

  it('ignores a unitId outside the caller’s own building; staff see only units in their grids', async () => {
    const b2 = await call('POST', '/v1/requests', 'agent-demo', {
      category: 'heating',
      description: '二号楼暖气也不热',
      ignoreSimilar: true,
    });
    expect(b2.status).toBe(201);
    b2Id = b2.body.id;
    const ids = async (who: string, q = '') =>
      (await get(`/v1/requests/similar?category=heating${q}`, who)).body.items.map((x: { id: string }) => x.id);
    expect(await ids('resident-elder', `&unitId=${B2_UNIT}`)).toEqual([reqId]);
    expect(await ids('agent-demo', `&unitId=${DEMO_UNIT}`)).toEqual([b2Id]);
    expect(await ids('worker-demo', `&unitId=${DEMO_UNIT}`)).toEqual([reqId]);
    expect(await ids('worker-demo', `&unitId=${B2_UNIT}`)).toEqual([]); // another building than the worker's
    expect(await ids('worker-demo')).toEqual([]);
    expect(await ids('leader-demo', `&unitId=${B2_UNIT}`)).toEqual([b2Id]);
    expect(await ids('worker-other', `&unitId=${DEMO_UNIT}`)).toEqual([]);
    // the department (district scope) and the office are never offered requests to join
    for (const who of ['dept-demo', 'office-demo'])
      expect((await get('/v1/requests/similar?category=heating', who)).status).toBe(403);
  });

  it('the 409 on create names only requests of the building the caller lives in', async () => {
    const dup = await call('POST', '/v1/requests', 'resident-elder', {
      category: 'heating',
      description: '暖气不热，很冷',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details).toEqual([{ path: 'similar', message: reqId }]);
    expectNothingPersonal(dup.body);
    // a resident of another building reporting about this one is told nothing about it
    const other = await call('POST', '/v1/requests', 'agent-demo', {
      category: 'heating',
      description: '帮一号楼的邻居反映暖气不热',
      unitId: DEMO_UNIT,
    });
    expect(other.status).toBe(201);
    expect(JSON.stringify(other.body)).not.toContain(reqId);
  });
});

describe('joiners read the joiner view', () => {
  it('a joiner gets category, public summary and the steps; owner and staff in scope keep the full view', async () => {
    expect((await call('POST', `/v1/requests/${reqId}/accept`, 'leader-demo', { note: '已联系刘淑珍' })).status).toBe(
      200,
    );
    const joined = await call('POST', `/v1/requests/${reqId}/join`, 'resident-elder');
    expect(joined.status).toBe(200);
    expect(joined.body.joinCount).toBe(1);
    const seen = await get(`/v1/requests/${reqId}`, 'resident-elder');
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ category: 'heating', publicSummary: '暖气不热', status: 'accepted' });
    for (const k of [...PRIVATE_KEYS, 'attachments']) expect(seen.body).not.toHaveProperty(k);
    expect(seen.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept']);
    for (const e of seen.body.timeline)
      for (const k of ['note', 'actorId', 'actorName']) expect(e).not.toHaveProperty(k);
    expectNothingPersonal(seen.body);
    expectNothingPersonal(joined.body);
    const mine = await get('/v1/requests?view=mine', 'resident-elder');
    const item = mine.body.items.find((x: { id: string }) => x.id === reqId);
    expect(item).toMatchObject({ publicSummary: '暖气不热' });
    expectNothingPersonal(item);
    // the owner and the grid worker still read everything
    for (const who of ['resident-demo', 'worker-demo']) {
      const full = await get(`/v1/requests/${reqId}`, who);
      // numbers typed into the text are the reporter's; staff read them masked (shared/src/pii.ts)
      const description = who === 'resident-demo' ? SECRET_TEXT : maskNumbers(SECRET_TEXT);
      expect(full.body).toMatchObject({ description, reporterId: 'resident-demo', unitId: DEMO_UNIT });
      if (who !== 'resident-demo') expect(full.body.description).toContain('139****1234');
      expect(full.body.timeline[1].note).toBe('已联系刘淑珍');
    }
  });
});

describe('unit binding verification', () => {
  const me = async (who: string) => (await get('/v1/me', who)).body;
  const qr = (unitId: string, who: string) => get(`/v1/grids/${unitId}/qr`, who);

  it('seeded residents are bound and verified', async () => {
    expect(await me('resident-demo')).toMatchObject({ unitId: DEMO_UNIT, unitVerified: true });
    expect(await me('resident-elder')).toMatchObject({ unitVerified: true });
  });

  it('without a code the binding is pending: the stranger may report but gets no suggestions, joins or reads', async () => {
    const bound = await call('PUT', '/v1/me/unit', 'resident-other', { unitId: SPARE_UNIT });
    expect(bound.status).toBe(200);
    expect(bound.body).toMatchObject({ unitId: SPARE_UNIT, unitVerified: false });
    expect(await me('resident-other')).toMatchObject({ unitId: SPARE_UNIT, unitVerified: false });
    expect((await get('/v1/requests/similar?category=heating', 'resident-other')).body.items).toEqual([]);
    expect((await call('POST', `/v1/requests/${reqId}/join`, 'resident-other')).status).toBe(403);
    expect((await get(`/v1/requests/${reqId}`, 'resident-other')).status).toBe(404);
    const own = await call('POST', '/v1/requests', 'resident-other', {
      category: 'heating',
      description: '我家也不热',
    });
    expect(own.status).toBe(201); // reporting is open to everyone bound, verified or not (no 409 either)
  });

  it('the unit QR code is for staff of the unit’s grid; a wrong code changes nothing', async () => {
    expect((await qr(SPARE_UNIT, 'worker-other')).status).toBe(403);
    expect((await qr(SPARE_UNIT, 'resident-demo')).status).toBe(403);
    expect((await qr('hz-hp-xh-c1-a1-b1', 'worker-demo')).status).toBe(400);
    const code = await qr(SPARE_UNIT, 'worker-demo');
    expect(code.status).toBe(200);
    expect(code.body.path).toContain(`code=${code.body.code}`);
    const wrong = await call('PUT', '/v1/me/unit', 'resident-other', { unitId: SPARE_UNIT, code: 'ABCDEFGHJK' });
    expect(wrong.status).toBe(400);
    const otherUnitsCode = (await qr(DEMO_UNIT, 'worker-demo')).body.code;
    expect(
      (await call('PUT', '/v1/me/unit', 'resident-other', { unitId: SPARE_UNIT, code: otherUnitsCode })).status,
    ).toBe(400);
    expect(await me('resident-other')).toMatchObject({ unitId: SPARE_UNIT, unitVerified: false });
  });

  it('the QR code verifies; after moving to another building the join no longer grants reads', async () => {
    const code = (await qr(SPARE_UNIT, 'worker-demo')).body.code as string;
    const typed = `${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`; // typed by hand: case and dashes do not matter
    const bound = await call('PUT', '/v1/me/unit', 'resident-other', { unitId: SPARE_UNIT, code: typed });
    expect(bound.body).toMatchObject({ unitId: SPARE_UNIT, unitVerified: true });
    const s = await get('/v1/requests/similar?category=heating', 'resident-other');
    expect(s.body.items.map((x: { id: string }) => x.id)).toContain(reqId);
    expect((await call('POST', `/v1/requests/${reqId}/join`, 'resident-other')).status).toBe(200);
    expect((await get(`/v1/requests/${reqId}`, 'resident-other')).status).toBe(200);

    const away = (await qr(OTHER_UNIT, 'worker-other')).body.code as string;
    const moved = await call('PUT', '/v1/me/unit', 'resident-other', { unitId: OTHER_UNIT, code: away });
    expect(moved.body).toMatchObject({ unitId: OTHER_UNIT, unitVerified: true });
    expect((await get(`/v1/requests/${reqId}`, 'resident-other')).status).toBe(404);
    const mine = await get('/v1/requests?view=mine', 'resident-other');
    expect(mine.body.items.map((x: { id: string }) => x.id)).not.toContain(reqId);
    expect((await call('POST', `/v1/requests/${reqId}/join`, 'resident-other')).status).toBe(403);
    expect((await get('/v1/requests/similar?category=heating', 'resident-other')).body.items).toEqual([]);
  });

  it('a grid worker in scope lists and confirms a pending binding; others cannot', async () => {
    await call('PUT', '/v1/me/unit', 'resident-other', { unitId: SPARE_UNIT });
    const listed = await get('/v1/units/bindings', 'worker-demo');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ userId: 'resident-other', unitId: SPARE_UNIT })]);
    expect((await get('/v1/units/bindings', 'worker-other')).body.items).toEqual([]);
    expect((await get('/v1/units/bindings?communityId=hz-hp-xh', 'worker-demo')).body.items).toHaveLength(1);
    expect((await get('/v1/units/bindings?communityId=hz-hp-xh', 'worker-other')).status).toBe(403);
    expect((await get('/v1/units/bindings', 'resident-demo')).status).toBe(403);
    const confirm = (who: string, unitId = SPARE_UNIT) =>
      call('POST', '/v1/units/bindings/resident-other/confirm', who, { unitId });
    expect((await confirm('worker-other')).status).toBe(403);
    expect((await confirm('worker-demo', DEMO_UNIT)).status).toBe(404);
    expect((await confirm('worker-demo')).status).toBe(200);
    expect(await me('resident-other')).toMatchObject({ unitId: SPARE_UNIT, unitVerified: true });
    expect((await get('/v1/units/bindings', 'worker-demo')).body.items).toEqual([]);
    expect((await confirm('worker-demo')).status).toBe(409);
    // the join made while living here grants the joiner view again
    expect((await get(`/v1/requests/${reqId}`, 'resident-other')).status).toBe(200);
  });
});
