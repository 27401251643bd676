/**
 * THE route table: the local API server serves it, CDK builds the HTTP API from it, the OpenAPI
 * document is generated from it, and the trust suites iterate over it.
 * A route names its functional area (one Lambda function per area) and its action.
 */
import type * as z from 'zod';
import { Health, Id, ListQuery } from '@gridlink/shared/common';
import { Grid, GridParams } from '@gridlink/shared/grid';
import { BindUnitBody, DevLoginBody, LoginResult, Me, WechatLoginBody } from '@gridlink/shared/me';
import { page } from '@gridlink/shared/common';
import type { Role } from '@gridlink/shared/roles';
import * as zz from 'zod';
import {
  ActionBody, Callback, CallbackCompleteBody, CallbackListQuery, Category, CreateRequestBody, RatingBody,
  RequestListQuery, RequestResource, SimilarQuery,
} from '@gridlink/shared/requests';
import { GridStats, Message } from '@gridlink/shared/stats';
import { CreateUploadBody, UploadTicket } from '@gridlink/shared/uploads';
import { Application, ApplicationListQuery, CreateApplicationBody, ReviewBody, SupplementBody } from '@gridlink/shared/applications';
import { ServiceDef } from '@gridlink/shared/services-catalog';
import { AgreeBody, CaseActionBody, CaseListQuery, CaseRead, CloseDisputeBody, CreateDisputeBody, CreatePetitionBody, Dispute, FailBody, KeyCaseBody, Petition, PetitionRatingBody, ProgressBody, ReplyBody, SessionBody } from '@gridlink/shared/cases';
import { AgentApplicationBody, AgentProfile, CareRecipient, CompleteProxyBody, CreateCareRecipientBody, CreateProxyTaskBody, ProxyActionBody, ProxyListQuery, ProxyTask } from '@gridlink/shared/proxy';

export type Area = 'system' | 'auth' | 'grids' | 'uploads' | 'requests' | 'services' | 'proxy' | 'cases' | 'stats' | 'open311';
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteDef {
  /** `<area>.<action>`: the handler module's action key */
  id: string;
  method: Method;
  /** API Gateway path syntax: /v1/grids/{id} */
  path: string;
  area: Area;
  /** 'public': no token; 'user': any signed-in user; a role list: only those roles */
  auth: 'public' | 'user' | readonly Role[];
  /** served only in these stages (dev-login is local only) */
  stages?: readonly ('local' | 'test')[];
  /** creating POST: honours Idempotency-Key */
  idempotent?: boolean;
  /** 'open311': form-encoded bodies and Open311's error shape [{code, description}] */
  format?: 'open311';
  /** public catalogue data: clients and CDNs may cache the answer this long (Cache-Control) */
  cacheSeconds?: number;
  /** requests per minute per caller (429 beyond) */
  rateLimit?: number;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
  status?: number;
  summary: string;
  tag: string;
}

const IdParams = zz.object({ id: Id });
const ACTION_SUMMARY = { accept: '受理', reject: '不予受理（需填写原因）', dispatch: '转办职能部门（社区吹哨、部门报到）', resolve: '办结', escalate: '上报上一级' };

/** 矛盾纠纷 and 信访 (area 'cases'): staff register and work them; parties read their own. */
function caseRoutes(): RouteDef[] {
  const STAFF: Role[] = ['grid_worker', 'grid_leader', 'community_admin', 'street_admin', 'district_admin'];
  const act = (id: string, path: string, body: z.ZodType, response: z.ZodType, summary: string, tag: string, auth: RouteDef['auth'] = STAFF): RouteDef => ({ id: `cases.${id}`, method: 'POST', path, area: 'cases', auth, params: IdParams, body, response, summary, tag });
  return [
    { id: 'cases.createDispute', method: 'POST', path: '/v1/disputes', area: 'cases', auth: STAFF, idempotent: true, rateLimit: 30, body: CreateDisputeBody, response: Dispute, status: 201, summary: '登记矛盾纠纷（可由邻里纠纷诉求转入）', tag: 'disputes' },
    { id: 'cases.listDisputes', method: 'GET', path: '/v1/disputes', area: 'cases', auth: 'user', query: CaseListQuery, response: page(Dispute), summary: '纠纷：网格待办 / 社区全部 / 我的纠纷（列表不含身份信息）', tag: 'disputes' },
    { id: 'cases.getDispute', method: 'GET', path: '/v1/disputes/{id}', area: 'cases', auth: 'user', params: IdParams, response: Dispute, summary: '纠纷详情（工作人员查阅留痕）', tag: 'disputes' },
    act('disputeSession', '/v1/disputes/{id}/sessions', SessionBody, Dispute, '记录一次调解（时间、地点、参加人、情况）', 'disputes'),
    act('disputeEscalate', '/v1/disputes/{id}/escalate', CaseActionBody, Dispute, '提交上级调解（社区调解员、街道）', 'disputes'),
    act('disputeAgree', '/v1/disputes/{id}/agree', AgreeBody, Dispute, '达成调解协议（生成调解协议书）', 'disputes'),
    act('disputeFail', '/v1/disputes/{id}/fail', FailBody, Dispute, '调解未成，引导至评理说事点 / 街道 / 诉讼', 'disputes'),
    act('disputeClose', '/v1/disputes/{id}/close', CloseDisputeBody, Dispute, '回访后结案', 'disputes'),
    { id: 'cases.createPetition', method: 'POST', path: '/v1/petitions', area: 'cases', auth: [...STAFF, 'agent'], idempotent: true, rateLimit: 30, body: CreatePetitionBody, response: Petition, status: 201, summary: '登记信访（网格初访 / 街道转办 / 代理代办）', tag: 'petitions' },
    { id: 'cases.listPetitions', method: 'GET', path: '/v1/petitions', area: 'cases', auth: 'user', query: CaseListQuery, response: page(Petition), summary: '信访：网格待办 / 社区全部（可只看重点）/ 我的信访', tag: 'petitions' },
    { id: 'cases.getPetition', method: 'GET', path: '/v1/petitions/{id}', area: 'cases', auth: 'user', params: IdParams, response: Petition, summary: '信访详情（工作人员查阅、重点案件任何查阅均留痕）', tag: 'petitions' },
    act('petitionAccept', '/v1/petitions/{id}/accept', CaseActionBody, Petition, '受理', 'petitions'),
    act('petitionProgress', '/v1/petitions/{id}/progress', ProgressBody, Petition, '办理记录（线上 / 线下）', 'petitions'),
    act('petitionEscalate', '/v1/petitions/{id}/escalate', CaseActionBody, Petition, '上报上一级（新的办理时限）', 'petitions'),
    act('petitionReply', '/v1/petitions/{id}/reply', ReplyBody, Petition, '答复信访人', 'petitions'),
    act('petitionKey', '/v1/petitions/{id}/key', KeyCaseBody, Petition, '列为重点信访人 / 积案（包案领导、化解方案）', 'petitions', ['grid_leader', 'community_admin', 'street_admin', 'district_admin']),
    act('petitionRating', '/v1/petitions/{id}/rating', PetitionRatingBody, Petition, '满意度评价（信访人、代理人，或工作人员代为记录）', 'petitions', 'user'),
    { id: 'cases.petitionReads', method: 'GET', path: '/v1/petitions/{id}/reads', area: 'cases', auth: ['grid_leader', 'community_admin', 'street_admin', 'district_admin'], params: IdParams, query: ListQuery, response: page(CaseRead), summary: '查阅与操作留痕', tag: 'petitions' },
  ];
}

export const routes: readonly RouteDef[] = [
  { id: 'system.health', method: 'GET', path: '/v1/health', area: 'system', auth: 'public', response: Health, summary: '健康检查', tag: 'system' },
  { id: 'system.openapi', cacheSeconds: 300, method: 'GET', path: '/openapi.json', area: 'system', auth: 'public', summary: 'OpenAPI 文档', tag: 'system' },
  { id: 'auth.wechat', method: 'POST', path: '/v1/auth/wechat', area: 'auth', auth: 'public', body: WechatLoginBody, response: LoginResult, rateLimit: 20, summary: '微信登录 (code2Session)', tag: 'auth' },
  { id: 'auth.devLogin', method: 'POST', path: '/v1/auth/dev-login', area: 'auth', auth: 'public', stages: ['local', 'test'], body: DevLoginBody, response: LoginResult, rateLimit: 600, summary: '本地演示登录（仅本地环境）', tag: 'auth' },
  { id: 'grids.me', method: 'GET', path: '/v1/me', area: 'grids', auth: 'user', response: Me, summary: '我的信息', tag: 'me' },
  { id: 'grids.bindUnit', method: 'PUT', path: '/v1/me/unit', area: 'grids', auth: ['resident', 'agent'], body: BindUnitBody, response: Me, summary: '绑定居住单元', tag: 'me' },
  { id: 'grids.get', method: 'GET', path: '/v1/grids/{id}', area: 'grids', auth: 'user', params: GridParams, response: Grid, summary: '网格详情（含网格员）', tag: 'grids' },
  { id: 'grids.children', method: 'GET', path: '/v1/grids/{id}/children', area: 'grids', auth: 'user', params: GridParams, query: ListQuery, response: page(Grid), summary: '下级网格', tag: 'grids' },
  { id: 'grids.messages', method: 'GET', path: '/v1/messages', area: 'grids', auth: 'user', query: ListQuery, response: page(Message), summary: '我的消息', tag: 'me' },

  { id: 'uploads.create', method: 'POST', path: '/v1/uploads', area: 'uploads', auth: 'user', rateLimit: 60, body: CreateUploadBody, response: UploadTicket, status: 201, summary: '申请图片上传地址（预签名 PUT）', tag: 'uploads' },

  { id: 'requests.categories', cacheSeconds: 300, method: 'GET', path: '/v1/request-categories', area: 'requests', auth: 'public', response: zz.object({ items: zz.array(Category) }), summary: '诉求类别', tag: 'requests' },
  { id: 'requests.create', method: 'POST', path: '/v1/requests', area: 'requests', auth: ['resident', 'agent', 'grid_worker', 'grid_leader'], idempotent: true, rateLimit: 30, body: CreateRequestBody, response: RequestResource, status: 201, summary: '我要报事', tag: 'requests' },
  { id: 'requests.list', method: 'GET', path: '/v1/requests', area: 'requests', auth: 'user', query: RequestListQuery.extend({ gridId: Id.optional() }), response: page(RequestResource), summary: '我的诉求 / 工作人员待办', tag: 'requests' },
  { id: 'requests.similar', method: 'GET', path: '/v1/requests/similar', area: 'requests', auth: 'user', query: SimilarQuery, response: zz.object({ items: zz.array(RequestResource) }), summary: '同楼栋同类未办结诉求（我也遇到）', tag: 'requests' },
  { id: 'requests.get', method: 'GET', path: '/v1/requests/{id}', area: 'requests', auth: 'user', params: IdParams, response: RequestResource, summary: '诉求详情（含办理过程）', tag: 'requests' },
  ...(['accept', 'reject', 'dispatch', 'resolve', 'escalate'] as const).map(
    (a): RouteDef => ({ id: `requests.${a}`, method: 'POST', path: `/v1/requests/{id}/${a}`, area: 'requests', auth: ['grid_worker', 'grid_leader', 'community_admin', 'street_admin', 'district_admin', 'department'], params: IdParams, body: ActionBody, response: RequestResource, summary: ACTION_SUMMARY[a], tag: 'requests' }),
  ),
  { id: 'requests.rating', method: 'POST', path: '/v1/requests/{id}/rating', area: 'requests', auth: 'user', params: IdParams, body: RatingBody, response: RequestResource, summary: '评价', tag: 'requests' },
  { id: 'requests.join', method: 'POST', path: '/v1/requests/{id}/join', area: 'requests', auth: ['resident', 'agent'], params: IdParams, response: RequestResource, summary: '我也遇到（加入同一诉求）', tag: 'requests' },
  { id: 'requests.callbacks', method: 'GET', path: '/v1/callbacks', area: 'requests', auth: ['community_admin', 'grid_leader', 'street_admin', 'district_admin'], query: CallbackListQuery.extend({ communityId: Id.optional() }), response: page(Callback), summary: '回访列表', tag: 'callbacks' },
  { id: 'requests.callbackComplete', method: 'POST', path: '/v1/callbacks/{id}/complete', area: 'requests', auth: ['community_admin', 'grid_leader', 'street_admin', 'district_admin'], params: IdParams, body: CallbackCompleteBody, response: Callback, summary: '完成回访', tag: 'callbacks' },

  { id: 'proxy.create', method: 'POST', path: '/v1/proxy-tasks', area: 'proxy', auth: ['resident', 'agent', 'grid_worker', 'grid_leader', 'community_admin'], idempotent: true, rateLimit: 30, body: CreateProxyTaskBody, response: ProxyTask, status: 201, summary: '申请红色代办（须本人授权）', tag: 'proxy' },
  { id: 'proxy.list', method: 'GET', path: '/v1/proxy-tasks', area: 'proxy', auth: 'user', query: ProxyListQuery, response: page(ProxyTask), summary: '任务大厅 / 我的任务 / 我提出的', tag: 'proxy' },
  { id: 'proxy.get', method: 'GET', path: '/v1/proxy-tasks/{id}', area: 'proxy', auth: 'user', params: IdParams, response: ProxyTask, summary: '代办任务详情（个人信息按授权窗口脱敏）', tag: 'proxy' },
  ...(['claim', 'start', 'complete', 'confirm', 'cancel'] as const).map(
    (m): RouteDef => ({ id: `proxy.${m}`, method: 'POST', path: `/v1/proxy-tasks/{id}/${m}`, area: 'proxy', auth: m === 'confirm' || m === 'cancel' ? 'user' : ['agent'], params: IdParams, body: m === 'complete' ? CompleteProxyBody : ProxyActionBody, response: ProxyTask, summary: { claim: '认领（只有一人成功）', start: '开始办理', complete: '办理完成', confirm: '确认办结（本人、家属或网格员）', cancel: '取消' }[m], tag: 'proxy' }),
  ),
  { id: 'proxy.rating', method: 'POST', path: '/v1/proxy-tasks/{id}/rating', area: 'proxy', auth: 'user', params: IdParams, body: RatingBody, response: ProxyTask, summary: '评价代办', tag: 'proxy' },
  { id: 'proxy.registerRecipient', method: 'POST', path: '/v1/care-recipients', area: 'proxy', auth: ['grid_worker', 'grid_leader', 'community_admin'], idempotent: true, rateLimit: 30, body: CreateCareRecipientBody, response: CareRecipient, status: 201, summary: '登记帮扶对象（独居老人、残疾人等）', tag: 'care' },
  { id: 'proxy.recipients', method: 'GET', path: '/v1/care-recipients', area: 'proxy', auth: ['grid_worker', 'grid_leader', 'community_admin'], query: ListQuery, response: page(CareRecipient.omit({ phone: true, idNumber: true, family: true })), summary: '帮扶对象列表', tag: 'care' },
  { id: 'proxy.recipient', method: 'GET', path: '/v1/care-recipients/{id}', area: 'proxy', auth: 'user', params: IdParams, response: CareRecipient, summary: '帮扶对象详情', tag: 'care' },
  { id: 'proxy.familyRequest', method: 'POST', path: '/v1/care-recipients/{id}/family', area: 'proxy', auth: ['resident', 'agent'], params: IdParams, status: 201, summary: '申请家属关联', tag: 'care' },
  { id: 'proxy.familyConfirm', method: 'POST', path: '/v1/care-recipients/{id}/family/{userId}/confirm', area: 'proxy', auth: ['grid_worker', 'grid_leader', 'community_admin'], params: zz.object({ id: Id, userId: Id }), summary: '网格员确认家属关系', tag: 'care' },
  { id: 'proxy.agentApply', method: 'POST', path: '/v1/agents/applications', area: 'proxy', auth: ['resident'], rateLimit: 10, body: AgentApplicationBody, status: 201, summary: '申请成为红色代办员', tag: 'agents' },
  { id: 'proxy.agentApplications', method: 'GET', path: '/v1/agents/applications', area: 'proxy', auth: ['community_admin', 'grid_leader'], query: ListQuery, summary: '待审批的代办员申请', tag: 'agents' },
  { id: 'proxy.agentApprove', method: 'POST', path: '/v1/agents/{id}/approve', area: 'proxy', auth: ['community_admin', 'grid_leader'], params: IdParams, response: AgentProfile, summary: '社区审批代办员', tag: 'agents' },
  { id: 'proxy.agent', method: 'GET', path: '/v1/agents/{id}', area: 'proxy', auth: 'user', params: IdParams, response: AgentProfile, summary: '代办员档案（完成件数、评分）', tag: 'agents' },

  { id: 'services.list', cacheSeconds: 300, method: 'GET', path: '/v1/services', area: 'services', auth: 'public', response: zz.object({ items: zz.array(ServiceDef) }), summary: '41 项便民服务事项（含表单字段）', tag: 'services' },
  { id: 'services.get', cacheSeconds: 300, method: 'GET', path: '/v1/services/{code}', area: 'services', auth: 'public', params: zz.object({ code: zz.string().regex(/^[a-z0-9-]{1,60}$/) }), response: ServiceDef, summary: '事项详情', tag: 'services' },
  { id: 'services.apply', method: 'POST', path: '/v1/applications', area: 'services', auth: ['resident', 'agent'], idempotent: true, rateLimit: 30, body: CreateApplicationBody, response: Application, status: 201, summary: '申请办理（网上直办事项即时办结）', tag: 'applications' },
  { id: 'services.applications', method: 'GET', path: '/v1/applications', area: 'services', auth: 'user', query: ApplicationListQuery, response: page(Application), summary: '我的办件 / 审核队列', tag: 'applications' },
  { id: 'services.application', method: 'GET', path: '/v1/applications/{id}', area: 'services', auth: 'user', params: IdParams, response: Application, summary: '办件详情', tag: 'applications' },
  ...(['approve', 'reject', 'return'] as const).map(
    (a): RouteDef => ({ id: `services.${a}`, method: 'POST', path: `/v1/applications/{id}/${a}`, area: 'services', auth: ['office'], params: IdParams, body: ReviewBody, response: Application, summary: { approve: '审核通过', reject: '不予通过（需原因）', return: '退回补正（写明缺什么）' }[a], tag: 'applications' }),
  ),
  { id: 'services.supplement', method: 'POST', path: '/v1/applications/{id}/supplement', area: 'services', auth: ['resident', 'agent'], params: IdParams, body: SupplementBody, response: Application, summary: '补正后重新提交', tag: 'applications' },
  { id: 'services.rating', method: 'POST', path: '/v1/applications/{id}/rating', area: 'services', auth: ['resident', 'agent'], params: IdParams, body: RatingBody, response: Application, summary: '办件评价', tag: 'applications' },

  ...caseRoutes(),

  { id: 'stats.grid', method: 'GET', path: '/v1/stats/grids/{id}', area: 'stats', auth: ['grid_worker', 'grid_leader', 'community_admin', 'street_admin', 'district_admin', 'office'], params: GridParams, response: GridStats, summary: '网格统计（本级及下级）', tag: 'stats' },

  // Open311 GeoReport v2 (JSON): its services are our request categories
  { id: 'open311.discovery', method: 'GET', path: '/open311/v2/discovery.json', area: 'open311', auth: 'public', format: 'open311', summary: 'Open311 discovery', tag: 'open311' },
  { id: 'open311.services', method: 'GET', path: '/open311/v2/services.json', area: 'open311', auth: 'public', format: 'open311', query: zz.object({ jurisdiction_id: zz.string().max(100).optional() }), summary: 'Open311 service list (= request categories)', tag: 'open311' },
  { id: 'open311.service', method: 'GET', path: '/open311/v2/services/{file}', area: 'open311', auth: 'public', format: 'open311', params: zz.object({ file: zz.string().regex(/^[a-z0-9-]{1,60}\.json$/, '应为 <service_code>.json') }), summary: 'Open311 service definition', tag: 'open311' },
  { id: 'open311.post', method: 'POST', path: '/open311/v2/requests.json', area: 'open311', auth: 'public', format: 'open311', rateLimit: 60, body: zz.record(zz.string(), zz.string().max(2000)), status: 201, summary: 'Open311 POST service request (form-encoded, api_key)', tag: 'open311' },
  { id: 'open311.requests', method: 'GET', path: '/open311/v2/requests.json', area: 'open311', auth: 'public', format: 'open311', query: zz.object({ service_request_id: zz.string().max(2000).optional(), service_code: zz.string().max(60).optional(), start_date: zz.iso.datetime({ offset: true }).optional(), end_date: zz.iso.datetime({ offset: true }).optional(), status: zz.enum(['open', 'closed']).optional(), jurisdiction_id: zz.string().max(100).optional() }), summary: 'Open311 GET service requests (filters: service_code, status, start/end date)', tag: 'open311' },
  { id: 'open311.request', method: 'GET', path: '/open311/v2/requests/{file}', area: 'open311', auth: 'public', format: 'open311', params: zz.object({ file: zz.string().regex(/^[0-9A-Z]{26}\.json$/, '应为 <service_request_id>.json') }), summary: 'Open311 GET service request', tag: 'open311' },
];

export const AREAS: readonly Area[] = [...new Set(routes.map((r) => r.area))];

export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>) => `${r.method} ${r.path}`;

const byKey = new Map(routes.map((r) => [routeKey(r), r]));
export const findRoute = (key: string) => byKey.get(key);

const compiled = routes.map((r) => ({
  route: r,
  re: new RegExp('^' + r.path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)') + '$'),
}));

/** Match a concrete path: the route (if the method fits), or the allowed methods (for 405). */
export function matchPath(method: string, path: string) {
  const allowed: Method[] = [];
  for (const { route, re } of compiled) {
    const m = re.exec(path);
    if (!m) continue;
    if (route.method === method) {
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(m.groups ?? {})) {
        try {
          params[k] = decodeURIComponent(v);
        } catch {
          params[k] = v;
        }
      }
      return { route, params, allowed };
    }
    allowed.push(route.method);
  }
  return { route: undefined, params: {}, allowed };
}
