/**
 * Property-based hostile input on every route: nothing answers ≥ 500; every 4xx has the error
 * shape. Random requests, then otherwise valid requests with one id-like field made hostile
 * (prototype keys, path tricks, very long, unicode) and cursors that are not the list's own.
 */
import fc from 'fast-check';
import { ALL_ROUTES, hostileArb, idLikeRequestArb, type HostileRequest } from '../../src/local/hostile';
import { startApi, type Api } from '../harness';
import { concrete, createResources, hasErrorShape, type Resources } from './fixtures';

let api: Api;
let token: string;
let staff: string;
let sent = 0;
let fivexx = 0;
let res: Resources;
const cursors: string[] = [];
const tokens: Record<string, string> = {};
beforeAll(async () => {
  api = await startApi();
  token = await api.login('resident-demo');
  staff = await api
    .call('POST', '/v1/auth/dev-login', { body: { userId: 'community-admin-demo' } })
    .then((r) => r.body.token);
  for (const u of ['resident-demo', 'resident-elder', 'worker-demo', 'leader-demo', 'community-admin-demo'])
    tokens[u] = await api.login(u);
  res = await createResources(api, (u) => tokens[u]);
  // real cursors of several lists, partitions and users: each is foreign to every other list
  for (const [who, path] of [
    ['resident-demo', '/v1/requests?view=mine'],
    ['resident-elder', '/v1/requests?view=mine'],
    ['worker-demo', '/v1/requests?view=inbox'],
    ['resident-demo', '/v1/grids/hz-hp/children'],
    ['resident-demo', '/v1/grids/hz/children'],
    ['resident-demo', '/v1/messages'],
  ]) {
    await api.call('POST', '/v1/requests', {
      token: tokens[who],
      body: { category: 'noise', description: '游标来源的测试诉求', ignoreSimilar: true },
    });
    const page = await api.call('GET', `${path}${path.includes('?') ? '&' : '?'}limit=1`, { token: tokens[who] });
    if (page.body.nextCursor) cursors.push(page.body.nextCursor);
  }
});
afterAll(async () => {
  console.log(`hostile requests sent: ${sent}; answered ≥ 500: ${fivexx}; foreign cursors: ${cursors.length}`);
  await api?.stop();
});

async function send(r: HostileRequest, who: string | undefined) {
  const headers: Record<string, string> = { 'content-type': r.contentType ?? 'application/json' };
  if (who) headers.authorization = `Bearer ${who}`;
  const res = await fetch(api.url + r.path, { method: r.method, headers, body: r.body as BodyInit | undefined });
  sent++;
  if (res.status >= 500) fivexx++;
  const text = await res.text();
  return { status: res.status, text };
}

describe.each(ALL_ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', (_name, route) => {
  it('never answers ≥ 500; 4xx carry the error shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileArb(route),
        fc.constantFrom<'anon' | 'resident' | 'staff'>('anon', 'resident', 'staff'),
        async (req, who) => {
          const out = await send(req, who === 'anon' ? undefined : who === 'resident' ? token : staff);
          if (out.status >= 500)
            throw new Error(`${req.method} ${req.path.slice(0, 120)} → ${out.status} ${out.text.slice(0, 200)}`);
          if (out.status >= 400 && !hasErrorShape(route, JSON.parse(out.text)))
            throw new Error(`no error shape: ${out.text.slice(0, 200)}`);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe.each(ALL_ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))(
  '%s, one id-like field hostile',
  (_n, route) => {
    it('never answers ≥ 500: prototype keys, `..`, long and unicode ids, foreign cursors', async () => {
      expect(cursors.length).toBeGreaterThanOrEqual(4);
      await fc.assert(
        fc.asyncProperty(
          idLikeRequestArb(route, concrete(route, res), cursors),
          fc.constantFrom('resident-demo', 'worker-demo', 'leader-demo', 'community-admin-demo'),
          async (req, who) => {
            const out = await send(req, tokens[who]);
            if (out.status >= 500)
              throw new Error(`${req.method} ${req.path.slice(0, 160)} → ${out.status} ${out.text.slice(0, 200)}`);
            if (out.status >= 400 && !hasErrorShape(route, JSON.parse(out.text)))
              throw new Error(`no error shape: ${out.text.slice(0, 200)}`);
          },
        ),
        { numRuns: 15 },
      );
    });
  },
);
