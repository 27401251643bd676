import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError } from './errors';
import { json, SECURITY_HEADERS } from './response';
import { findStored } from '../util/stored';
import { contextOf, type Action, type ActionResult, type FileResult } from './context';
import { routeMatcher, type RouteMatcher } from '../routes/match';
import type { RouteDef } from '../routes/types';
import {
  accessLog,
  auth,
  cors,
  errorMapper,
  idempotency,
  jsonBody,
  rateLimit,
  routeResolver,
  validate,
} from './middleware';

/** `{ file }`: a download (a report as CSV) instead of a JSON body */
function isFile(v: unknown): v is FileResult {
  return typeof v === 'object' && v !== null && 'file' in v && Object.keys(v).length === 1;
}

function isResult(v: unknown): v is ActionResult {
  return (
    typeof v === 'object' && v !== null && 'body' in v && Object.keys(v).every((k) => k === 'body' || k === 'status')
  );
}

/**
 * The Lambda handler of one functional area: the middy chain around a map of actions keyed by
 * route id (`grids.get` → action). Actions return a body, or `{status, body}`. It matches and
 * validates only `routes` (its area's, routes/<area>.ts), so its bundle holds only their schemas.
 */
export function createAreaHandler(
  actions: Record<string, Action>,
  routes: readonly RouteDef[],
  opts: { fallback?: () => Promise<RouteMatcher> } = {},
) {
  const matcher = routeMatcher(routes);
  const base = async (event: APIGatewayProxyEventV2) => {
    const ctx = contextOf(event);
    if (ctx.replay) return ctx.replay;
    const action = actions[ctx.route.id];
    if (!action) throw new DomainError('NOT_FOUND', '接口不存在');
    const out = await action(ctx);
    if (isFile(out)) {
      const { body, contentType, fileName } = out.file;
      const disposition = `attachment; filename="import-report.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
      return {
        statusCode: 200,
        headers: { ...SECURITY_HEADERS, 'content-type': contentType, 'content-disposition': disposition },
        body,
      };
    }
    const result = isResult(out) ? out : { body: out };
    const stored = findStored(result.body);
    if (stored) throw new Error(`${ctx.route.id} answers a stored item unprojected at ${stored}`);
    const res = json(result.status ?? ctx.route.status ?? 200, result.body);
    if (ctx.route.cacheSeconds) res.headers!['cache-control'] = `public, max-age=${ctx.route.cacheSeconds}`;
    return res;
  };
  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(cors())
    .use(errorMapper())
    .use(accessLog())
    .use(routeResolver(matcher, opts.fallback))
    .use(jsonBody())
    .use(auth())
    .use(validate())
    .use(idempotency())
    .use(rateLimit())
    .handler(base);
  return handler;
}
