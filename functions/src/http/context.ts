import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { RouteDef } from '../routes/types';
import type { Actor } from '../auth/actor';

export type { Actor };

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
  /** this call was counted in its rate window (by the idempotency claim, which folds the count in) */
  rateCounted?: boolean;
  /** a stored answer to replay (Idempotency-Key seen before) */
  replay?: { statusCode: number; headers: Record<string, string>; body: string };
  /** frozen request time (ISO) so every item written by one request agrees */
  now: string;
}

export interface ActionResult {
  status?: number;
  body: unknown;
}

/** a download: the body as text with its content type and the name it is saved under */
export interface FileResult {
  file: { body: string; contentType: string; fileName: string };
}

export type Action = (ctx: RequestContext) => Promise<ActionResult | FileResult | unknown>;

const contexts = new WeakMap<object, RequestContext>();
export const bindContext = (event: object, ctx: RequestContext) => contexts.set(event, ctx);
export function contextOf(event: object): RequestContext {
  const ctx = contexts.get(event);
  if (!ctx) throw new Error('request context missing');
  return ctx;
}

/** middy's request with our context attached */
export type Req = middy.Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context> & {
  ctx?: RequestContext;
};
