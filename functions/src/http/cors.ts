/**
 * CORS: only configured origins, echoed one at a time — never `*`. ALLOWED_ORIGINS is a comma
 * list (CDK sets it from the `allowedOrigins` context; the local stack adds its web server's
 * origin). The WeChat client sends no Origin and needs none. A `*` in the list is ignored.
 */
export const CORS_ALLOW_HEADERS = 'authorization,content-type,idempotency-key,x-device-id';
export const CORS_ALLOW_METHODS = 'GET,POST,PUT,DELETE,OPTIONS';

export const allowedOrigins = (): string[] =>
  (process.env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter((o) => o && o !== '*' && o !== 'null');

/** The CORS headers of one answer to a request from `origin` (none but `vary` when it is not allowed). */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { vary: 'origin' };
  if (!origin || !allowedOrigins().includes(origin)) return headers;
  return {
    ...headers,
    'access-control-allow-origin': origin,
    'access-control-allow-headers': CORS_ALLOW_HEADERS,
    'access-control-allow-methods': CORS_ALLOW_METHODS,
  };
}

const CORS_KEYS = ['access-control-allow-origin', 'access-control-allow-headers', 'access-control-allow-methods'];

/** Replaces whatever CORS headers `headers` carry by those for `origin`. */
export function withCors(headers: Record<string, unknown> | undefined, origin: string | undefined) {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(headers ?? {}))
    if (!CORS_KEYS.includes(k.toLowerCase()) && k.toLowerCase() !== 'vary') out[k] = v as string;
  return { ...out, ...corsHeaders(origin) };
}

/**
 * For answers made with no request at hand (the local adapter's preflight and fallbacks, which
 * spread SECURITY_HEADERS): the one configured origin when there is exactly one, else none.
 */
export const soleOrigin = (): string => {
  const all = allowedOrigins();
  return all.length === 1 ? all[0] : '';
};
