/**
 * Authorisation matrix: every route × every role (insiders of the demo community and outsiders of
 * another street) × the resources of the demo, plus anonymous calls — generated from the route
 * table. Unexpected allows must be 0; no answer may be ≥ 500; no route may read by Scan. Every
 * response is also scanned for the unmasked phone and ID numbers of other people.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { watchRequests } from '../../src/local/api-server';
import { routes } from '../../src/routes';
import { DEMO_USERS } from '../../src/seed/demo-users';
import { startApi, type Api } from '../harness';
import {
  addOutsiders,
  concrete,
  createResources,
  hasErrorShape,
  INSIDERS,
  OUTSIDERS,
  SCOPED,
  type Resources,
} from './fixtures';

let api: Api;
let res: Resources;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  api = await startApi();
  await addOutsiders();
  for (const u of [...INSIDERS, ...OUTSIDERS.map((o) => o.id)]) tokens[u] = await api.login(u);
  res = await createResources(api, (u) => tokens[u]);
}, 60000);
afterAll(async () => api?.stop());

/** A 2xx the policy forbids. Own-resource rules: only resident-demo owns the request and application. */
function unexpectedAllow(
  routeId: string,
  routePath: string,
  auth: RouteDef['auth'],
  actor: string,
  role: string,
): string | undefined {
  if (auth !== 'public' && auth !== 'user' && !auth.includes(role as never)) return 'role not allowed by the route';
  const outsider = OUTSIDERS.some((o) => o.id === actor);
  if (outsider && SCOPED.test(routePath) && routeId !== 'proxy.familyRequest') return 'actor outside the resource grid';
  if (
    actor === 'resident-elder' &&
    /^\/v1\/(requests|applications)\/\{id\}/.test(routePath) &&
    routeId !== 'requests.join'
  )
    return 'not the owner';
  if (routeId === 'proxy.get' && role === 'agent' && outsider) return 'agent of another community';
  return undefined;
}
type RouteDef = (typeof routes)[number];

const PHONE = /1[3-9]\d{9}/g;
const ID = /\d{17}[\dX]/g;

it("route × role × resource: 0 unexpected allows, 0 answers ≥ 500, no one else's unmasked phone or ID", async () => {
  const actors = [
    ...INSIDERS.map((id) => ({ id, role: DEMO_USERS.find((u) => u.id === id)!.role as string })),
    ...OUTSIDERS.map((o) => ({ id: o.id, role: o.role as string })),
  ];
  const secrets = new Map<string, string>(); // unmasked value → its owner
  for (const u of DEMO_USERS) {
    if (u.phone) secrets.set(u.phone, u.id);
    if (u.idNumber) secrets.set(u.idNumber, u.id);
  }
  const rows: string[] = [];
  const problems: string[] = [];
  let calls = 0;
  // every call is metered too: no route may read by Scan (every list is one Query)
  const scans = new Set<string>();
  const unwatch = watchRequests((c) => {
    if (c.calls.some((x) => x.command === 'Scan')) scans.add(c.routeId ?? c.path);
  });
  for (const route of routes) {
    const { path: p, body } = concrete(route, res);
    const cells: string[] = [];
    // anonymous first: non-public routes must answer 401
    const anon = await api.call(route.method, p, { body });
    calls++;
    if (route.auth !== 'public' && anon.status !== 401) problems.push(`${route.id} anonymous → ${anon.status}`);
    for (const a of actors) {
      const out = await api.call(route.method, p, { token: tokens[a.id], body });
      calls++;
      cells.push(String(out.status));
      if (out.status >= 500) problems.push(`${route.id} as ${a.id} → ${out.status}`);
      if (out.status >= 400 && !hasErrorShape(route, out.body))
        problems.push(`${route.id} as ${a.id} → ${out.status} without the error shape`);
      const why = out.status < 300 ? unexpectedAllow(route.id, route.path, route.auth, a.id, a.role) : undefined;
      if (why) problems.push(`${route.id} as ${a.id} → ${out.status}: ${why}`);
      // dev-login answers with the profile of the user it signs in as (resident-demo): their own data
      const text = route.id === 'auth.devLogin' ? '' : JSON.stringify(out.body ?? '');
      for (const m of [...(text.match(PHONE) ?? []), ...(text.match(ID) ?? [])]) {
        const owner = secrets.get(m);
        // the owner, the grid staff who registered / serve them, and the agent in the access window may see it
        const entitled =
          owner === a.id ||
          ['worker-demo', 'leader-demo', 'community-admin-demo', 'office-demo'].includes(a.id) ||
          (route.id.startsWith('proxy.') && a.role === 'agent' && a.id === 'agent-demo');
        if (owner && !entitled)
          problems.push(`${route.id} as ${a.id} exposes ${owner}'s unmasked ${m.length > 11 ? 'ID number' : 'phone'}`);
      }
    }
    rows.push(`| ${route.method} ${route.path} | ${cells.join(' | ')} |`);
  }
  unwatch();
  for (const s of scans) problems.push(`${s} reads by Scan`);
  const dir = path.resolve(__dirname, '../../../.artifacts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'authz-matrix.md'),
    `# Authorisation matrix (${routes.length} routes × ${actors.length} actors + anonymous = ${calls} calls)\n\n| route | ${actors.map((a) => a.id).join(' | ')} |\n|---|${actors.map(() => '---').join('|')}|\n${rows.join('\n')}\n`,
  );
  console.log(
    `authz matrix: ${routes.length} routes × ${actors.length} actors + anonymous = ${calls} calls; problems: ${problems.length}`,
  );
  expect(problems).toEqual([]);
}, 300000);
