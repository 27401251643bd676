/**
 * The middy chain every route runs through. Each middleware is a small factory in middy's style:
 * `() => ({ before, after, onError })`. Order (outermost first): cors → errors → log → route → body →
 * auth → validate → idempotency → rate limit → action.
 */
import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { config } from '../config';
import { authenticate } from '../auth/authenticate';
import { authorizeRoute } from '../auth/policy';
import { DomainError, badRequest, zodDetails } from './errors';
import { toErrorResponse } from './error-response';
import { SECURITY_HEADERS } from './response';
import type { RouteDef } from '../routes/types';
import type { RouteMatcher } from '../routes/match';
import { bindContext, type Req } from './context';
import { idempotencyAfter, idempotencyBefore, idempotencyOnError } from './idempotency';
import { log } from '../util/log';
import { checkRateLimit } from './rate-limit';
import { withCors } from './cors';

type MW = middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>;

/** Outermost of all: the CORS headers of the answer, for the request's Origin only (http/cors.ts). */
export const cors = (): MW => {
  const apply = async (request: middy.Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>) => {
    if (!request.response) return;
    const h = request.event.headers ?? {};
    request.response.headers = withCors(request.response.headers, h.origin ?? h.Origin);
  };
  return { after: apply, onError: apply };
};

/** Outermost but CORS: any error becomes the contract's error shape; unexpected ones are logged. */
export const errorMapper = (): MW => ({
  onError: async (request) => {
    const r = request as Req;
    const err = request.error;
    if (!(err instanceof DomainError)) {
      log('error', 'unhandled', {
        requestId: r.ctx?.requestId,
        route: r.ctx?.route.id,
        err: String(err),
        name: (err as Error)?.name,
        stack: (err as Error)?.stack,
      });
    }
    request.response = toErrorResponse(err);
    if (r.ctx?.route.format === 'open311' || request.event.rawPath?.startsWith('/open311/'))
      request.response = toOpen311Error(request.response);
  },
});

/** Open311's own error shape: [{code, description}]. */
function toOpen311Error(res: APIGatewayProxyStructuredResultV2): APIGatewayProxyStructuredResultV2 {
  const { error } = JSON.parse(res.body as string) as {
    error: { message: string; details?: { path: string; message: string }[] };
  };
  const details = error.details?.map((d) => `${d.path}: ${d.message}`).join('; ');
  return {
    ...res,
    body: JSON.stringify([
      { code: res.statusCode, description: details ? `${error.message}（${details}）` : error.message },
    ]),
  };
}

/** One structured JSON line per request. */
export const accessLog = (): MW => {
  let started = 0;
  const write = (request: middy.Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>) => {
    const r = request as Req;
    log('info', 'request', {
      requestId: request.context?.awsRequestId ?? request.event.requestContext?.requestId,
      route: r.ctx?.route.id ?? request.event.routeKey,
      userId: r.ctx?.actor?.id,
      status: request.response?.statusCode,
      ms: Date.now() - started,
    });
  };
  return {
    before: async () => {
      started = Date.now();
    },
    after: async (request) => write(request),
    onError: async (request) => {
      request.response = request.response ?? toErrorResponse(request.error);
      write(request);
    },
  };
};

/**
 * Finds the route of the event among the routes this function serves: by routeKey from API
 * Gateway, else by path (`$default`), in `fallback` when given (the whole table, for 404 vs 405).
 */
export const routeResolver = (matcher: RouteMatcher, fallback?: () => Promise<RouteMatcher>): MW => ({
  before: async (request) => {
    const r = request as Req;
    const ev = request.event;
    let route: RouteDef | undefined = matcher.find(ev.routeKey);
    const params: Record<string, unknown> = { ...(ev.pathParameters ?? {}) };
    if (!route) {
      const m = (fallback ? await fallback() : matcher).match(ev.requestContext.http.method, ev.rawPath);
      if (m.allowed.length && !m.route)
        throw new DomainError('METHOD_NOT_ALLOWED', `不支持此请求方法，允许：${m.allowed.join(', ')}`);
      if (!m.route) throw new DomainError('NOT_FOUND', '接口不存在');
      route = m.route;
      Object.assign(params, m.params);
    }
    if (route.stages && !route.stages.includes(config.stage as 'local'))
      throw new DomainError('NOT_FOUND', '接口不存在');
    r.ctx = {
      route,
      event: ev,
      requestId: ev.requestContext?.requestId ?? request.context?.awsRequestId ?? '',
      params,
      query: { ...(ev.queryStringParameters ?? {}) },
      body: undefined,
      now: new Date().toISOString(),
    };
    bindContext(ev, r.ctx);
  },
});

/** JSON body: size limit (413), media type (415), broken JSON or UTF-8 (400). */
export const jsonBody = (): MW => ({
  before: async (request) => {
    const r = request as Req;
    const ev = request.event;
    if (ev.body === undefined || ev.body === null || ev.body === '') return;
    const raw = ev.isBase64Encoded ? Buffer.from(ev.body, 'base64') : Buffer.from(ev.body, 'utf8');
    if (raw.length > config.maxBodyBytes)
      throw new DomainError('PAYLOAD_TOO_LARGE', `请求内容过大（最大 ${config.maxBodyBytes / 1024} KB）`);
    if (!r.ctx!.route.body) return; // bodies on routes that take none are ignored
    const type = (ev.headers?.['content-type'] ?? 'application/json').toLowerCase();
    if (r.ctx!.route.format === 'open311' && type.startsWith('application/x-www-form-urlencoded')) {
      r.ctx!.body = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
      return;
    }
    if (!type.includes('json')) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '请使用 application/json 提交');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      throw badRequest('请求内容不是有效的 UTF-8 文本');
    }
    try {
      r.ctx!.body = JSON.parse(text);
    } catch {
      throw badRequest('请求内容不是有效的 JSON');
    }
  },
});

/** Bearer token → actor; then role rule of the route. */
export const auth = (): MW => ({
  before: async (request) => {
    const r = request as Req;
    const ctx = r.ctx!;
    if (ctx.route.auth === 'public') {
      const header = request.event.headers?.authorization;
      if (header) ctx.actor = await authenticate(header).catch(() => undefined);
    } else {
      ctx.actor = await authenticate(request.event.headers?.authorization);
      authorizeRoute(ctx.route, ctx.actor);
    }
  },
});

/** After idempotency: a replayed answer does not count against the caller's limit. */
export const rateLimit = (): MW => ({
  before: async (request) => {
    const ctx = (request as Req).ctx!;
    if (ctx.route.rateLimit && !ctx.replay) await checkRateLimit(ctx);
  },
});

/** zod on params, query and body; Chinese messages per field. */
export const validate = (): MW => ({
  before: async (request) => {
    const ctx = (request as Req).ctx!;
    const { route } = ctx;
    const parts = [
      ['params', route.params],
      ['query', route.query],
      ['body', route.body],
    ] as const;
    const details: { path: string; message: string }[] = [];
    for (const [part, schema] of parts) {
      if (!schema) continue;
      const input = part === 'body' ? (ctx.body ?? {}) : ctx[part];
      const res = schema.safeParse(input, { reportInput: true });
      if (res.success) (ctx as unknown as Record<string, unknown>)[part] = res.data;
      else details.push(...zodDetails(res.error, part === 'body' ? '' : part));
    }
    if (details.length) throw badRequest('提交的内容有误，请检查后重试', details);
  },
});

export const idempotency = (): MW => ({
  before: async (request) => idempotencyBefore(request as Req),
  after: async (request) => idempotencyAfter(request as Req),
  onError: async (request) => idempotencyOnError(request as Req),
});

export const headers = SECURITY_HEADERS;
