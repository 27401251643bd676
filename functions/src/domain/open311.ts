/**
 * Open311 GeoReport v2 (JSON) over our requests: its services are our request categories; a POST
 * files a request through the same domain code as the mini-program (channel user of the api_key);
 * GET requests reads the public projection (no personal data, never the resident's own text; only
 * requests whose content checks passed: isPublishable). Errors: [{code, description}].
 */
import { REQUEST_CATEGORIES, categoryByCode } from '@gridlink/shared/request-categories';
import { getUser } from '../data/users';
import { idTime } from '../data/ids';
import { feedBetween, feedOne } from '../data/open311';
import { DomainError, badRequest, notFound, zodDetails } from './errors';
import type { Actor } from '../auth/actor';
import { createRequest } from './requests/create';
import { CreateRequestBody } from '@gridlink/shared/requests';
import { isPublishable, type Moderation } from './moderation';

const DAY = 86400_000;

const PUBLIC_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'lat',
  'long',
] as const;

/** The public projection of a feed item: GeoReport v2's fields, nothing else of what is stored. */
function toServiceRequest(item: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const f of PUBLIC_FIELDS) if (item[f] !== undefined) out[f] = item[f];
  return out;
}

/** Only what passed content security is published; the moderation state itself stays internal. */
const published = (items: Record<string, unknown>[]) =>
  items.filter((i) => isPublishable(i as { moderation?: Moderation })).map(toServiceRequest);

/** api_key → the channel user that files on its behalf (cloud: OPEN311_API_KEYS JSON from configuration). */
function channelOf(apiKey: string | undefined): string | undefined {
  const map: Record<string, string> = JSON.parse(
    process.env.OPEN311_API_KEYS ||
      (process.env.STAGE === 'local' || process.env.STAGE === 'test' ? '{"open311-demo-key":"channel-12345"}' : '{}'),
  );
  return apiKey && Object.hasOwn(map, apiKey) ? map[apiKey] : undefined;
}

export function discovery(baseUrl: string) {
  return {
    changeset: '2026-11-28T00:00:00Z',
    contact: '海州区网格化服务管理中心 0418-12345',
    key_service: '向海州区网格化服务管理中心申请 api_key',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${baseUrl}/open311/v2`,
        changeset: '2026-11-28T00:00:00Z',
        type: 'production',
        formats: ['application/json'],
      },
    ],
  };
}

export const services = () =>
  REQUEST_CATEGORIES.map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: c.description,
    metadata: false,
    type: 'realtime',
    keywords: c.name,
    group: c.departmentName,
  }));

export function serviceDefinition(file: string) {
  const code = file.replace(/\.json$/, '');
  if (!categoryByCode(code)) throw notFound(`service_code ${code} 不存在`);
  return { service_code: code, attributes: [] };
}

export async function postRequest(form: Record<string, string>, now: string) {
  const channel = channelOf(form.api_key);
  if (!channel) throw new DomainError('FORBIDDEN', 'api_key 无效');
  const user = await getUser(channel);
  if (!user) throw new DomainError('FORBIDDEN', 'api_key 对应的渠道不存在');
  if (!form.service_code || !categoryByCode(form.service_code))
    throw badRequest('service_code 无效', [{ path: 'service_code', message: '请从 services.json 中选择' }]);
  if (!form.address_id)
    throw badRequest('需要 address_id（单元编号）以确定负责网格', [{ path: 'address_id', message: '必填' }]);
  const lat = form.lat !== undefined ? Number(form.lat) : undefined;
  const lng = form.long !== undefined ? Number(form.long) : undefined;
  const actor: Actor = { id: user.id, role: user.role, name: user.name, gridIds: [] };
  const parsed = CreateRequestBody.safeParse(
    {
      category: form.service_code,
      description: (form.description ?? '').trim(),
      unitId: form.address_id,
      ignoreSimilar: true,
      ...(lat !== undefined && lng !== undefined
        ? { location: { lat, lng, ...(form.address_string ? { address: form.address_string.slice(0, 200) } : {}) } }
        : {}),
    },
    { reportInput: true },
  );
  if (!parsed.success) throw badRequest('请求参数有误', zodDetails(parsed.error));
  const res = await createRequest(actor, parsed.data, now);
  const created = res as { id: string };
  return [{ service_request_id: created.id, service_notice: '已受理登记，网格员将在办理时限内处理', account_id: null }];
}

export async function getRequests(
  q: {
    service_request_id?: string;
    service_code?: string;
    start_date?: string;
    end_date?: string;
    status?: 'open' | 'closed';
  },
  now: string,
) {
  if (q.service_request_id) {
    const items = await Promise.all(
      q.service_request_id
        .split(',')
        .slice(0, 50)
        .map((id) => oneRequest(id).catch(() => undefined)),
    );
    return items.filter(Boolean);
  }
  const end = q.end_date ? new Date(q.end_date) : new Date(now);
  const start = q.start_date ? new Date(q.start_date) : new Date(end.getTime() - 90 * DAY);
  if (end.getTime() - start.getTime() > 90 * DAY)
    throw badRequest('start_date 与 end_date 相距不能超过 90 天', [{ path: 'start_date', message: '时间窗口过长' }]);
  if (start > end) throw badRequest('start_date 晚于 end_date', [{ path: 'start_date', message: '时间顺序不正确' }]);
  const feed = await feedBetween(start.toISOString(), end.toISOString(), 1000, {
    service_code: q.service_code,
    status: q.status,
  });
  return published(feed);
}

export async function oneRequest(fileOrId: string) {
  const id = fileOrId.replace(/\.json$/, '');
  const at = idTime(id);
  const item = at ? published([(await feedOne(id, at)) ?? {}])[0] : undefined;
  if (!item) throw notFound(`service_request_id ${id} 不存在`);
  return item;
}
