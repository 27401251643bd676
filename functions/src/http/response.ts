import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, soleOrigin } from './cors';

/**
 * Headers of every answer. CORS is per request: the `cors` middleware echoes an allowed Origin
 * (http/cors.ts) and drops these CORS headers otherwise; `access-control-allow-origin` here is
 * only the sole configured origin (or empty), read when the object is spread, never `*`.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  get 'access-control-allow-origin'() {
    return soleOrigin();
  },
  'access-control-allow-headers': CORS_ALLOW_HEADERS,
  'access-control-allow-methods': CORS_ALLOW_METHODS,
};

export function json(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { ...SECURITY_HEADERS }, body: JSON.stringify(body) };
}
