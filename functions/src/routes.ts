/**
 * THE route table: the local API server serves it, CDK builds the HTTP API from it, the OpenAPI
 * document is generated from it, and the trust suites iterate over it.
 * A route names its functional area (one Lambda function per area) and its action.
 */
import type * as z from 'zod';
import { Health, ListQuery } from '@gridlink/shared/common';
import { Grid, GridParams } from '@gridlink/shared/grid';
import { BindUnitBody, DevLoginBody, LoginResult, Me, WechatLoginBody } from '@gridlink/shared/me';
import { page } from '@gridlink/shared/common';
import type { Role } from '@gridlink/shared/roles';

export type Area = 'system' | 'auth' | 'grids';
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

export const routes: readonly RouteDef[] = [
  { id: 'system.health', method: 'GET', path: '/v1/health', area: 'system', auth: 'public', response: Health, summary: '健康检查', tag: 'system' },
  { id: 'system.openapi', method: 'GET', path: '/openapi.json', area: 'system', auth: 'public', summary: 'OpenAPI 文档', tag: 'system' },
  { id: 'auth.wechat', method: 'POST', path: '/v1/auth/wechat', area: 'auth', auth: 'public', body: WechatLoginBody, response: LoginResult, rateLimit: 20, summary: '微信登录 (code2Session)', tag: 'auth' },
  { id: 'auth.devLogin', method: 'POST', path: '/v1/auth/dev-login', area: 'auth', auth: 'public', stages: ['local', 'test'], body: DevLoginBody, response: LoginResult, rateLimit: 600, summary: '本地演示登录（仅本地环境）', tag: 'auth' },
  { id: 'grids.me', method: 'GET', path: '/v1/me', area: 'grids', auth: 'user', response: Me, summary: '我的信息', tag: 'me' },
  { id: 'grids.bindUnit', method: 'PUT', path: '/v1/me/unit', area: 'grids', auth: ['resident', 'agent'], body: BindUnitBody, response: Me, summary: '绑定居住单元', tag: 'me' },
  { id: 'grids.get', method: 'GET', path: '/v1/grids/{id}', area: 'grids', auth: 'user', params: GridParams, response: Grid, summary: '网格详情（含网格员）', tag: 'grids' },
  { id: 'grids.children', method: 'GET', path: '/v1/grids/{id}/children', area: 'grids', auth: 'user', params: GridParams, query: ListQuery, response: page(Grid), summary: '下级网格', tag: 'grids' },
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
