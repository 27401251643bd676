/**
 * Open311 GeoReport v2 conformance, written from the public specification
 * (http://wiki.open311.org/GeoReport_v2): discovery, services, service definition, POST requests
 * (form-encoded, api_key), GET requests with service_code / status / start_date / end_date,
 * GET requests/{id}; errors as [{code, description}]; ISO 8601 dates with zone; no personal data.
 */
import { startApi, type Api } from './harness';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.stop());

const form = (o: Record<string, string>) => ({
  raw: new URLSearchParams(o).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const isErrorList = (b: unknown) =>
  Array.isArray(b) && b.length > 0 && b.every((e) => typeof e.code === 'number' && typeof e.description === 'string');

it('discovery lists a GeoReport v2 endpoint with the JSON format', async () => {
  const res = await api.call('GET', '/open311/v2/discovery.json');
  expect(res.status).toBe(200);
  expect(res.body.endpoints[0]).toMatchObject({
    specification: 'http://wiki.open311.org/GeoReport_v2',
    formats: ['application/json'],
  });
  expect(res.body.changeset).toMatch(ISO_WITH_ZONE);
});

it('services are the request categories with the required fields; a definition per service', async () => {
  const res = await api.call('GET', '/open311/v2/services.json');
  expect(res.status).toBe(200);
  expect(res.body.length).toBeGreaterThanOrEqual(8);
  for (const s of res.body) {
    expect(Object.keys(s).sort()).toEqual([
      'description',
      'group',
      'keywords',
      'metadata',
      'service_code',
      'service_name',
      'type',
    ]);
    expect(['realtime', 'batch', 'blackbox']).toContain(s.type);
  }
  const def = await api.call('GET', '/open311/v2/services/heating.json');
  expect(def.body).toEqual({ service_code: 'heating', attributes: [] });
  const missing = await api.call('GET', '/open311/v2/services/nothing.json');
  expect(missing.status).toBe(404);
  expect(isErrorList(missing.body)).toBe(true);
});

it('POST requests (form-encoded) answers at once with service_request_id; errors in Open311 shape', async () => {
  const bad = await api.call(
    'POST',
    '/open311/v2/requests.json',
    form({ service_code: 'heating', description: '暖气不热', address_id: 'hz-hp-xh-c1-a1-b1-u1' }),
  );
  expect(bad.status).toBe(403);
  expect(isErrorList(bad.body)).toBe(true);
  const noAddress = await api.call(
    'POST',
    '/open311/v2/requests.json',
    form({ api_key: 'open311-demo-key', service_code: 'heating', description: '暖气不热已经两天' }),
  );
  expect(noAddress.status).toBe(400);
  expect(noAddress.body[0]).toMatchObject({ code: 400 });
  const badCode = await api.call(
    'POST',
    '/open311/v2/requests.json',
    form({
      api_key: 'open311-demo-key',
      service_code: 'nope',
      description: '暖气不热',
      address_id: 'hz-hp-xh-c1-a1-b1-u1',
    }),
  );
  expect(badCode.status).toBe(400);

  const ok = await api.call(
    'POST',
    '/open311/v2/requests.json',
    form({
      api_key: 'open311-demo-key',
      service_code: 'heating',
      description: '二单元暖气不热，联系电话13904181234',
      address_id: 'hz-hp-xh-c1-a1-b1-u2',
      lat: '42.0123456',
      long: '121.6543210',
      first_name: '刘',
      phone: '13841871234',
    }),
  );
  expect(ok.status).toBe(201);
  expect(ok.body).toEqual([
    {
      service_request_id: expect.stringMatching(/^[0-9A-Z]{26}$/),
      service_notice: expect.any(String),
      account_id: null,
    },
  ]);
  const id = ok.body[0].service_request_id;

  const one = await api.call('GET', `/open311/v2/requests/${id}.json`);
  expect(one.status).toBe(200);
  const r = one.body[0];
  expect(r).toMatchObject({
    service_request_id: id,
    status: 'open',
    service_code: 'heating',
    service_name: '供暖',
    lat: 42.012,
    long: 121.654,
    address: '海州区 和平街道 新华社区',
  });
  expect(r.requested_datetime).toMatch(ISO_WITH_ZONE);
  expect(r.updated_datetime).toMatch(ISO_WITH_ZONE);
  expect(r.expected_datetime).toMatch(ISO_WITH_ZONE);
  expect(typeof r.agency_responsible).toBe('string');
  // no personal data: no names, phone numbers redacted, the place only down to the community
  const text = JSON.stringify(one.body);
  expect(text).not.toMatch(/1[3-9]\d{9}|刘|一单元|二单元 ?[^暖]|account/);
  expect(r.description).toBe('居民反映：供暖'); // never the resident's own words (issue 12)

  // the request is real: 供暖 is handled at community level; the grid leader accepts and resolves it → closed
  const leader = await api.login('leader-demo');
  expect((await api.call('POST', `/v1/requests/${id}/accept`, { token: leader, body: {} })).status).toBe(200);
  expect(
    (await api.call('POST', `/v1/requests/${id}/resolve`, { token: leader, body: { note: '已联系供热公司' } })).status,
  ).toBe(200);
  const after = await api.call('GET', `/open311/v2/requests/${id}.json`);
  expect(after.body[0]).toMatchObject({ status: 'closed' });
});

it('GET requests filters by service_code, status and dates; bounded windows; bad filters → 400 in Open311 shape', async () => {
  const resident = await api.login('resident-demo');
  await api.call('POST', '/v1/requests', {
    token: resident,
    body: { category: 'noise', description: '夜间施工噪音扰民', ignoreSimilar: true },
  });
  const all = await api.call('GET', '/open311/v2/requests.json');
  expect(all.status).toBe(200);
  expect(all.body.length).toBeGreaterThanOrEqual(2);
  const noise = await api.call('GET', '/open311/v2/requests.json?service_code=noise');
  expect(noise.body.every((x: { service_code: string }) => x.service_code === 'noise')).toBe(true);
  const closed = await api.call('GET', '/open311/v2/requests.json?status=closed');
  expect(closed.body.every((x: { status: string }) => x.status === 'closed')).toBe(true);
  const future = await api.call(
    'GET',
    `/open311/v2/requests.json?start_date=${encodeURIComponent(new Date(Date.now() + 86400_000).toISOString())}&end_date=${encodeURIComponent(new Date(Date.now() + 2 * 86400_000).toISOString())}`,
  );
  expect(future.body).toEqual([]);
  const tooWide = await api.call(
    'GET',
    '/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z',
  );
  expect(tooWide.status).toBe(400);
  expect(isErrorList(tooWide.body)).toBe(true);
  const badStatus = await api.call('GET', '/open311/v2/requests.json?status=pending');
  expect(badStatus.status).toBe(400);
  expect(isErrorList(badStatus.body)).toBe(true);
  const unknown = await api.call('GET', '/open311/v2/requests/01AAAAAAAAAAAAAAAAAAAAAAAA.json');
  expect(unknown.status).toBe(404);
});
