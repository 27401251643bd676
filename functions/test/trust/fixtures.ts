/**
 * Shared fixtures of the trust suites: out-of-scope users of every role (another street), one
 * resource of each kind owned by resident-demo / resident-elder, and a concrete path + body for
 * every route of the route table, so a new route cannot escape the suites (a missing fixture fails).
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { SERVICES } from '@gridlink/shared/services-catalog';
import type { Role } from '@gridlink/shared/roles';
import { db, table } from '../../src/data/client';
import { userItem } from '../../src/data/users';
import type { RouteDef } from '../../src/routes';
import type { Api } from '../harness';

export const INSIDERS = [
  'resident-demo',
  'resident-elder',
  'worker-demo',
  'leader-demo',
  'agent-demo',
  'agent-demo-2',
  'community-admin-demo',
  'street-admin-demo',
  'district-admin-demo',
  'office-demo',
  'dept-demo',
];
const OTHER_UNIT = 'hz-xs-hx-c1-a1-b1-u1';
export const OUTSIDERS: { id: string; role: Role; gridIds: string[]; unitId?: string; departmentId?: string }[] = [
  { id: 'resident-other', role: 'resident', gridIds: [], unitId: OTHER_UNIT },
  { id: 'worker-other', role: 'grid_worker', gridIds: ['hz-xs-hx-c1-a1-b1'] },
  { id: 'leader-other', role: 'grid_leader', gridIds: ['hz-xs-hx'] },
  { id: 'agent-other', role: 'agent', gridIds: ['hz-xs-hx'], unitId: OTHER_UNIT },
  { id: 'community-other', role: 'community_admin', gridIds: ['hz-xs-hx'] },
  { id: 'street-other', role: 'street_admin', gridIds: ['hz-xs'] },
  { id: 'office-other', role: 'office', gridIds: ['hz-xs-hx'] },
  { id: 'dept-other', role: 'department', gridIds: ['hz'], departmentId: 'dept-env' },
];

export async function addOutsiders() {
  const now = new Date().toISOString();
  for (const u of OUTSIDERS)
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: userItem({
          ...u,
          name: `外部${u.role}`,
          phone: '13900000000',
          version: 1,
          createdAt: now,
          updatedAt: now,
        }),
      }),
    );
}

export const directService = SERVICES.find(
  (s) => s.onlineDirect && s.fields.every((f) => f.type !== 'image' || !f.required),
)!;
export const reviewedService = SERVICES.find(
  (s) => !s.onlineDirect && s.fields.every((f) => f.type !== 'image' || !f.required),
)!;

export function sampleForm(code: string) {
  const s = SERVICES.find((x) => x.code === code)!;
  const form: Record<string, unknown> = {};
  for (const f of s.fields) {
    if (!f.required) continue;
    form[f.name] =
      f.type === 'idNumber'
        ? '210902198001011236'
        : f.type === 'phone'
          ? '13800138000'
          : f.type === 'date'
            ? '2024-03-01'
            : f.type === 'select'
              ? f.options![0]
              : f.type === 'multiselect'
                ? [f.options![0]]
                : f.type === 'number'
                  ? (f.min ?? 1)
                  : f.type === 'textarea'
                    ? '家中老人行动不便需要帮助'
                    : '李华'; // nobody's name in the seed: a form filed for someone names no third person
  }
  return form;
}

export interface Resources {
  requestId: string;
  applicationId: string;
  taskId: string;
  callbackId: string;
}

/** One of each resource, created by their rightful owners through the API. */
export async function createResources(api: Api, token: (u: string) => string): Promise<Resources> {
  const call = (m: string, p: string, who: string, body?: unknown) => api.call(m, p, { token: token(who), body });
  const r = await call('POST', '/v1/requests', 'resident-demo', {
    category: 'facility',
    description: '单元门禁坏了无法关闭',
    ignoreSimilar: true,
  });
  const cbReq = await call('POST', '/v1/requests', 'resident-demo', {
    category: 'sanitation',
    description: '楼道垃圾三天没人清运',
    ignoreSimilar: true,
  });
  await call('POST', `/v1/requests/${cbReq.body.id}/accept`, 'worker-demo');
  await call('POST', `/v1/requests/${cbReq.body.id}/resolve`, 'worker-demo', { note: '已清运' });
  const rated = await call('POST', `/v1/requests/${cbReq.body.id}/rating`, 'resident-demo', { stars: 1 });
  const cbs = await call('GET', '/v1/callbacks?status=open', 'community-admin-demo');
  const a = await call('POST', '/v1/applications', 'resident-demo', {
    serviceCode: reviewedService.code,
    form: sampleForm(reviewedService.code),
  });
  const t = await call('POST', '/v1/proxy-tasks', 'worker-demo', {
    recipientId: 'resident-elder',
    kind: 'errand',
    description: '代买药品送到家',
    consent: { given: true, method: 'witnessed_signature' },
  });
  for (const [name, res] of Object.entries({ r, cbReq, rated, cbs, a, t }))
    if (res.status >= 300) throw new Error(`fixture ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return { requestId: r.body.id, applicationId: a.body.id, taskId: t.body.id, callbackId: cbs.body.items[0].id };
}

/** A concrete path and a plausible body for each route (a new route without one fails the suite). */
export function concrete(route: RouteDef, res: Resources): { path: string; body?: unknown } {
  const id: Record<string, string> = {
    grids: 'hz-hp-xh-c1-a1-b1',
    requests: res.requestId,
    applications: res.applicationId,
    'proxy-tasks': res.taskId,
    callbacks: res.callbackId,
    'care-recipients': 'resident-elder',
    agents: 'agent-demo',
    services: directService.code,
  };
  const seg = route.path.split('/')[2];
  const path = route.path
    .replace('/v1/stats/grids/{id}', '/v1/stats/grids/hz-hp-xh')
    .replace('/v1/grids/{id}/qr', '/v1/grids/hz-hp-xh-c1-a1-b1-u3/qr')
    .replace('{userId}', 'resident-demo')
    .replace('{pid}', '0'.repeat(20))
    .replace('{code}', directService.code)
    .replace('/open311/v2/services/{file}', '/open311/v2/services/heating.json')
    .replace('/open311/v2/requests/{file}', `/open311/v2/requests/${res.requestId}.json`)
    .replace('{id}', id[seg] ?? 'unknown');
  const bodies: Record<string, unknown> = {
    'auth.wechat': { code: 'dev-matrix' },
    'auth.devLogin': { userId: 'resident-demo' },
    'grids.bindUnit': { unitId: 'hz-hp-xh-c1-a1-b1-u1' },
    'grids.confirmBinding': { unitId: 'hz-hp-xh-c1-a1-b1-u1' },
    'uploads.create': { purpose: 'request', contentType: 'image/png', size: 100 },
    'requests.create': { category: 'noise', description: '楼上夜间装修噪音很大', ignoreSimilar: true },
    'requests.reject': { note: '矩阵测试' },
    'requests.dispatch': { departmentId: 'dept-housing' },
    'requests.rating': { stars: 4 },
    'requests.publicSummary': { text: '单元门禁损坏，已安排维修' },
    'requests.callbackComplete': { outcome: 'confirmed', note: '矩阵测试回访' },
    'services.apply': { serviceCode: directService.code, form: sampleForm(directService.code) },
    'services.reject': { note: '矩阵测试' },
    'services.return': { note: '矩阵测试' },
    'services.supplement': { form: sampleForm(reviewedService.code) },
    'services.rating': { stars: 4 },
    'proxy.create': {
      recipientId: 'resident-elder',
      kind: 'errand',
      description: '代缴水电费',
      consent: { given: true, method: 'witnessed_signature' },
    },
    'proxy.complete': { note: '已办完' },
    'proxy.rating': { stars: 5 },
    'proxy.registerRecipient': {
      name: '矩阵老人',
      unitId: 'hz-hp-xh-c1-a1-b1-u3',
      phone: '13904180001',
      needs: ['elderly_alone'],
    },
    'proxy.agentApply': { partyMember: true, reason: '愿意为社区服务' },
    'open311.post': {
      api_key: 'open311-demo-key',
      service_code: 'noise',
      description: '矩阵测试：夜间噪音',
      address_id: 'hz-hp-xh-c1-a1-b1-u1',
    },
  };
  if (route.method === 'GET')
    return {
      path:
        path +
        (route.id === 'requests.similar' ? '?category=facility' : route.id === 'requests.list' ? '?view=inbox' : ''),
    };
  return { path, body: bodies[route.id] ?? (route.body ? {} : undefined) };
}

/** The error shape a route answers with: ours, or Open311's [{code, description}]. */
export function hasErrorShape(route: Pick<RouteDef, 'format'>, body: unknown): boolean {
  if (route.format === 'open311')
    return (
      Array.isArray(body) &&
      body.length > 0 &&
      body.every((e) => typeof e?.code === 'number' && typeof e?.description === 'string')
    );
  const e = (body as { error?: { code?: unknown; message?: unknown } })?.error;
  return typeof e?.code === 'string' && typeof e?.message === 'string';
}

/** Routes whose resource lives in a grid: an actor outside that grid must never get a 2xx. */
export const SCOPED =
  /^\/v1\/grids\/\{id\}\/(households|persons)|^\/v1\/(requests|applications|proxy-tasks|callbacks|care-recipients|stats\/grids)\/\{id\}|^\/v1\/agents\/\{id\}\/approve|^\/v1\/care-recipients\/\{id\}\/family\/\{userId\}/;
