import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Role } from '@gridlink/shared/roles';
import type { RouteDef } from '../routes';

/** Who is calling, loaded fresh from the table on every request (staff changes take effect at once). */
export interface Actor {
  id: string;
  role: Role;
  name: string;
  unitId?: string;
  /** staff: the grids they serve */
  gridIds: string[];
  /** the department a `department` user belongs to */
  departmentId?: string;
}

export interface RequestContext {
  route: RouteDef;
  event: APIGatewayProxyEventV2;
  requestId: string;
  actor?: Actor;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  idempotencyKey?: string;
  /** this request claimed the Idempotency-Key (it stores the answer) */
  idempotencyOwned?: boolean;
  /** a stored answer to replay (Idempotency-Key seen before) */
  replay?: { statusCode: number; headers: Record<string, string>; body: string };
  /** frozen request time (ISO) so every item written by one request agrees */
  now: string;
}

export interface ActionResult {
  status?: number;
  body: unknown;
}

export type Action = (ctx: RequestContext) => Promise<ActionResult | unknown>;

const contexts = new WeakMap<object, RequestContext>();
export const bindContext = (event: object, ctx: RequestContext) => contexts.set(event, ctx);
export function contextOf(event: object): RequestContext {
  const ctx = contexts.get(event);
  if (!ctx) throw new Error('request context missing');
  return ctx;
}
