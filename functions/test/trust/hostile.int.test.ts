/** Property-based hostile input on every route: nothing answers ≥ 500; every 4xx has the error shape. */
import fc from 'fast-check';
import { ALL_ROUTES, hostileArb, type HostileRequest } from '../../src/local/hostile';
import { startApi, type Api } from '../harness';
import { hasErrorShape } from './fixtures';

let api: Api;
let token: string;
let staff: string;
let sent = 0;
beforeAll(async () => {
  api = await startApi();
  token = await api.login('resident-demo');
  staff = await api
    .call('POST', '/v1/auth/dev-login', { body: { userId: 'community-admin-demo' } })
    .then((r) => r.body.token);
});
afterAll(async () => {
  console.log(`hostile requests sent: ${sent}`);
  await api?.stop();
});

async function send(r: HostileRequest, who: string | undefined) {
  const headers: Record<string, string> = { 'content-type': r.contentType ?? 'application/json' };
  if (who) headers.authorization = `Bearer ${who}`;
  const res = await fetch(api.url + r.path, { method: r.method, headers, body: r.body as BodyInit | undefined });
  sent++;
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
