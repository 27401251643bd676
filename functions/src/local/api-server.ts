/**
 * node:http → API Gateway HTTP API (payload 2.0) events → the very handler modules CDK deploys.
 * Routing mirrors API Gateway: a route-table match gets its routeKey and path parameters;
 * anything else goes to `$default` (the system area answers 404/405).
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { matchPath, routeKey, type Area } from '../routes';
import { SECURITY_HEADERS } from '../http/response';
import { withCors } from '../http/cors';
import { metered, type DbMeter } from '../data/client';

type Handler = (e: APIGatewayProxyEventV2, c: Context) => Promise<APIGatewayProxyStructuredResultV2>;
/** API Gateway's own payload limit; our middleware refuses far less with 413. */
const MAX_PAYLOAD = 10 * 1024 * 1024;
const TEXT_TYPES = /^(application\/(json|x-www-form-urlencoded|xml)|text\/)/i;

/** The same module CDK bundles for the area's function (functions/src/handlers/<area>.ts). */
const load = (area: Area): Promise<{ handler: Handler }> => import(`../handlers/${area}`);

export function toEvent(req: http.IncomingMessage, body: Buffer): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? '/', 'http://local');
  const method = req.method ?? 'GET';
  const { route, params } = matchPath(method, url.pathname);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = Object.hasOwn(query, k) ? `${query[k]},${v}` : v;
  const isText = TEXT_TYPES.test(headers['content-type'] ?? 'application/json');
  const now = new Date();
  return {
    version: '2.0',
    routeKey: route ? routeKey(route) : '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: route && Object.keys(params).length ? params : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: route ? routeKey(route) : '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body.length ? (isText ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !isText,
  };
}

function lambdaContext(requestId: string): Context {
  return {
    awsRequestId: requestId,
    functionName: 'local',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:0:function:local',
    memoryLimitInMB: '512',
    logGroupName: 'local',
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => 29000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Errors node answers before a request exists (oversized headers, broken HTTP) keep the error shape. */
function onClientError(err: NodeJS.ErrnoException, socket: import('node:stream').Duplex) {
  if (!socket.writable) return socket.destroy();
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify({
    error: tooLarge
      ? { code: 'PAYLOAD_TOO_LARGE', message: '请求头或地址过长' }
      : { code: 'VALIDATION_FAILED', message: '请求格式不正确' },
  });
  socket.end(
    `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/** What one request cost: its route, answer and every DynamoDB call it made (see `watchRequests`). */
export interface RequestCost {
  routeId?: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  calls: DbMeter;
  /** what was asked and answered (the privacy guard of the test runs reads them) */
  exchange: { authorization?: string; query: string; requestBody?: string; responseBody: string };
}

const watchers = new Set<(c: RequestCost) => void>();

/**
 * Hear about every request the local API servers of this process answer, with its DynamoDB calls
 * (the bench reads them this way). While nobody watches, requests are not metered at all.
 */
export function watchRequests(listener: (c: RequestCost) => void): () => void {
  watchers.add(listener);
  return () => watchers.delete(listener);
}

export interface ApiServerOptions {
  /**
   * Awaited before each request is served: the local stack runs the table stream's work here (the
   * counter aggregator, local/stats-feed.ts), so what a request reads includes every earlier write.
   */
  beforeRequest?: () => Promise<unknown>;
}

export function createApiServer(opts: ApiServerOptions = {}) {
  const server = http.createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let aborted = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_PAYLOAD) {
        aborted = true;
        res
          .writeHead(413, SECURITY_HEADERS)
          .end(JSON.stringify({ error: { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大' } }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', async () => {
      if (aborted) return;
      if (req.method === 'OPTIONS') {
        res
          .writeHead(204, { ...withCors(SECURITY_HEADERS, req.headers.origin), 'access-control-max-age': '600' })
          .end();
        return;
      }
      const event = toEvent(req, Buffer.concat(chunks));
      const route = matchPath(event.requestContext.http.method, event.rawPath).route;
      await opts.beforeRequest?.().catch((e) => console.error('local api adapter (before request):', e));
      try {
        const { handler } = await load(route?.area ?? 'system');
        const invoke = () => handler(event, lambdaContext(event.requestContext.requestId));
        const calls: DbMeter = [];
        const started = performance.now();
        const watched = watchers.size > 0;
        const out = watched ? await metered(calls, invoke) : await invoke();
        if (watched) {
          const cost: RequestCost = {
            routeId: route?.id,
            method: event.requestContext.http.method,
            path: event.rawPath,
            status: out.statusCode ?? 200,
            ms: performance.now() - started,
            calls,
            exchange: {
              authorization: event.headers.authorization,
              query: event.rawQueryString,
              requestBody: event.isBase64Encoded ? undefined : event.body,
              responseBody: out.isBase64Encoded ? '' : (out.body ?? ''),
            },
          };
          for (const w of watchers) w(cost);
        }
        res.writeHead(out.statusCode ?? 200, (out.headers ?? {}) as http.OutgoingHttpHeaders).end(out.body ?? '');
      } catch (e) {
        console.error('local api adapter:', e);
        res
          .writeHead(500, SECURITY_HEADERS)
          .end(JSON.stringify({ error: { code: 'INTERNAL', message: '服务器内部错误' } }));
      }
    });
  });
  server.on('clientError', onClientError);
  return server;
}
