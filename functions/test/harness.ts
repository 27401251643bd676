/**
 * Integration harness: a fresh table (from tableDef) seeded with the demo, behind the real local
 * API server, on the run's DynamoDB Local. Talk to it with fetch, like any client.
 */
import { randomBytes } from 'node:crypto';
import { startStack, type Stack, type StackOptions } from '../src/local/stack';

export interface Api {
  stack: Stack;
  url: string;
  call(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; raw?: string | Buffer; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers }>;
  login(userId: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startApi(opts: Pick<StackOptions, 'statsFeed'> = {}): Promise<Api> {
  const stack = await startStack({
    dynamoEndpoint: process.env.DYNAMODB_ENDPOINT,
    tableName: `t-${randomBytes(6).toString('hex')}`,
    ...opts,
  });
  const tokens = new Map<string, string>();
  const api: Api = {
    stack,
    url: stack.apiUrl,
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | Buffer | undefined = opts.raw;
      if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(stack.apiUrl + path, { method, headers, body: body as BodyInit | undefined });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    async login(userId) {
      if (!tokens.has(userId)) {
        const res = await api.call('POST', '/v1/auth/dev-login', { body: { userId } });
        if (res.status !== 200) throw new Error(`login ${userId}: ${res.status} ${JSON.stringify(res.body)}`);
        tokens.set(userId, res.body.token);
      }
      return tokens.get(userId)!;
    },
    stop: () => stack.stop(),
  };
  return api;
}

/** Uploads bytes with an upload ticket (`POST /v1/uploads`): its presigned POST form, `file` last. */
export function uploadTo(
  ticket: { url: string; fields: Record<string, string> },
  bytes: Uint8Array,
  type = ticket.fields['Content-Type'],
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'photo');
  return fetch(ticket.url, { method: 'POST', body: form });
}

/**
 * Binds `token`'s user to `unitId` verified, as a resident does by scanning the unit's QR code
 * (the code fetched by the district admin, whose scope is the whole demo district).
 */
export async function bindVerified(api: Api, token: string, unitId: string) {
  const admin = await api.login('district-admin-demo');
  const qr = await api.call('GET', `/v1/grids/${encodeURIComponent(unitId)}/qr`, { token: admin });
  if (qr.status !== 200) throw new Error(`unit qr ${unitId}: ${qr.status} ${JSON.stringify(qr.body)}`);
  return api.call('PUT', '/v1/me/unit', { token, body: { unitId, code: qr.body.code } });
}

let pinnedWindows = 0;

/**
 * Run `fn` with the real rate limits (RATE_LIMIT_SCALE 1) in a window of its own that does not roll
 * over (RATE_LIMIT_WINDOW pinned to a number no clock reaches): a burst counts from zero and never
 * straddles two minutes, however slow the machine.
 */
export async function withRateLimits<T>(fn: () => Promise<T>): Promise<T> {
  const before = { scale: process.env.RATE_LIMIT_SCALE, window: process.env.RATE_LIMIT_WINDOW };
  process.env.RATE_LIMIT_SCALE = '1';
  process.env.RATE_LIMIT_WINDOW = String(1e9 + process.pid * 1000 + ++pinnedWindows);
  try {
    return await fn();
  } finally {
    for (const [k, v] of [
      ['RATE_LIMIT_SCALE', before.scale],
      ['RATE_LIMIT_WINDOW', before.window],
    ] as const)
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

/** A 1×1 PNG. */
export const PNG_1X1 = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/** Uploads a small photo as `token`'s user: its key, ready to attach. */
export async function uploadPhoto(api: Api, token: string): Promise<string> {
  const ticket = await api.call('POST', '/v1/uploads', {
    token,
    body: { purpose: 'request', contentType: 'image/png', size: PNG_1X1.length },
  });
  if (ticket.status !== 201) throw new Error(`upload ticket: ${ticket.status} ${JSON.stringify(ticket.body)}`);
  const res = await uploadTo(ticket.body, PNG_1X1);
  if (res.status !== 204) throw new Error(`upload: ${res.status}`);
  return ticket.body.key as string;
}
