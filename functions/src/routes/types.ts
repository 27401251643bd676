/** The shape of a route: what the route table (routes/<area>.ts) declares for every endpoint. */
import type * as z from 'zod';
import type { Role } from '@gridlink/shared/roles';

export type Area =
  | 'system'
  | 'auth'
  | 'grids'
  | 'uploads'
  | 'requests'
  | 'services'
  | 'proxy'
  | 'cases'
  | 'stats'
  | 'open311'
  | 'wechat'
  | 'imports'
  | 'patrol'
  | 'centre';
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
