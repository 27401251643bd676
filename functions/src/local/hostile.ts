/**
 * Hostile requests for the trust suites and `npm run fuzz`: random, malformed, oversized and deeply
 * nested bodies, prototype-pollution keys, broken JSON and UTF-8, huge path and query values —
 * aimed at every route of the route table.
 */
import fc from 'fast-check';
import { routes, type RouteDef } from '../routes';

export interface HostileRequest {
  method: string;
  path: string;
  body?: string | Buffer;
  contentType?: string;
}

const nested = (depth: number): unknown => (depth === 0 ? 'x' : [nested(depth - 1)]);

const bodyArb: fc.Arbitrary<{ body?: string | Buffer; contentType?: string }> = fc.oneof(
  fc.anything({ maxDepth: 4 }).map((v) => ({ body: JSON.stringify(v) ?? 'null' })),
  fc.json({ maxDepth: 5 }).map((j) => ({ body: j })),
  fc.string({ maxLength: 300 }).map((s) => ({ body: s })),
  fc
    .constantFrom(
      '{',
      '{"a":',
      '[1,2',
      '{"__proto__":{"isAdmin":true}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
      'null',
      'true',
      '"str"',
      '1e999999',
      '{"a":1,"a":2}',
    )
    .map((body) => ({ body })),
  fc.uint8Array({ minLength: 1, maxLength: 200 }).map((u) => ({
    body: Buffer.concat([Buffer.from('{"x":"'), Buffer.from(u), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]),
  })),
  fc.integer({ min: 50, max: 3000 }).map((d) => ({ body: JSON.stringify(nested(d)) })),
  fc.integer({ min: 60_000, max: 300_000 }).map((n) => ({ body: JSON.stringify({ description: 'x'.repeat(n) }) })),
  fc
    .dictionary(
      fc.constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        'category',
        'stars',
        'form',
        'consent',
        'unitId',
        'note',
        'version',
      ),
      fc.anything({ maxDepth: 3 }),
    )
    .map((o) => ({ body: JSON.stringify(o) })),
  fc
    .constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x')
    .map((contentType) => ({ body: 'a=1', contentType })),
);

const segmentArb = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom('..', '%2e%2e', '__proto__', 'constructor', '%00', '%ff%fe', 'REQ#1', "' OR 1=1 --", '<script>'),
  fc.integer({ min: 1000, max: 8000 }).map((n) => 'x'.repeat(n)),
);

const queryArb = fc.oneof(
  fc.constant(''),
  fc
    .dictionary(
      fc.constantFrom('limit', 'cursor', 'view', 'status', 'category', 'unitId', 'gridId', '__proto__', 'x'),
      fc.oneof(
        fc.string({ maxLength: 50 }),
        fc.constantFrom('-1', '0', '101', '1e9', 'NaN', 'abc.def', 'x'.repeat(5000)),
      ),
    )
    .map((q) => '?' + new URLSearchParams(q as Record<string, string>).toString()),
);

export function hostileArb(route: RouteDef): fc.Arbitrary<HostileRequest> {
  return fc
    .record({ seg: segmentArb, seg2: segmentArb, query: queryArb, body: bodyArb })
    .map(({ seg, seg2, query, body }) => {
      const safe = (s: string) => encodeURIComponent(s).replace(/%25/g, '%');
      let first = true;
      const path = route.path.replace(/\{\w+\}/g, () => (first ? ((first = false), safe(seg)) : safe(seg2)));
      return { method: route.method, path: path + query, ...(route.method === 'GET' ? {} : body) };
    });
}

export const ALL_ROUTES = routes;
