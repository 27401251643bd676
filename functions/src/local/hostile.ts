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

/** Values for every id-like field and path parameter: prototype keys, path tricks, very long, unicode. */
export const ID_LIKE = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'isPrototypeOf',
  '..',
  '.',
  '%2e%2e',
  '%2E%2E%2F',
  '../..',
  '..%2f..%2fetc',
  'a/b',
  '%2F',
  '%00',
  '~',
  'REQ#1',
  'USER#resident-demo',
  'null',
  'undefined',
  '0',
  '-1',
  ' ',
  '网格',
  'ｈｚ－ｈｐ',
  '\u202eevil',
  '😀'.repeat(20),
];

export const idLikeArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ID_LIKE) },
  fc.integer({ min: 100, max: 4000 }).map((n) => 'x'.repeat(n)),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(...ID_LIKE).map((k) => `hz-hp-xh/${k}`),
);

/** Cursors that are not this list's: forged, truncated, mutated, with extra parts, or real ones of other lists. */
export function cursorArb(real: readonly string[]): fc.Arbitrary<string> {
  const forged = fc
    .record({ key: fc.dictionary(fc.constantFrom('PK', 'SK', 'GSI1PK', '__proto__'), fc.string()), mac: fc.string() })
    .map(({ key, mac }) => `${Buffer.from(JSON.stringify(key)).toString('base64url')}.${mac}`);
  const opaque = fc.base64String({ maxLength: 200 }).map((s) => s.replace(/=/g, '').replace(/\+/g, '-'));
  const arbs: fc.Arbitrary<string>[] = [forged, opaque, idLikeArb];
  if (real.length) {
    const one = fc.constantFrom(...real);
    arbs.push(
      one,
      one.chain((c) => fc.integer({ min: 0, max: c.length - 1 }).map((n) => c.slice(0, n))),
      one.chain((c) =>
        fc
          .record({ at: fc.integer({ min: 0, max: c.length - 1 }), ch: fc.constantFrom('A', '_', '-', '.', 'é') })
          .map(({ at, ch }) => c.slice(0, at) + ch + c.slice(at + 1)),
      ),
      one.map((c) => `${c}.${c.split('.')[1]}`),
      one.map((c) => c.split('.').reverse().join('.')),
    );
  }
  return fc.oneof(...arbs);
}

/** A concrete request of a route that is otherwise plausible (real ids, a body that validates). */
export interface RouteBase {
  path: string;
  body?: unknown;
}

const shapeKeys = (schema: unknown): string[] => {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
};

/**
 * One id-like field of an otherwise plausible request made hostile: a path parameter, a query
 * field, a body field, or the cursor (from `cursors`: real cursors of other lists and users).
 */
export function idLikeRequestArb(route: RouteDef, base: RouteBase, cursors: readonly string[] = []) {
  const [basePath, baseQuery = ''] = base.path.split('?');
  const template = route.path.split('/');
  const params = template.flatMap((seg, i) => (/^\{\w+\}$/.test(seg) ? [i] : []));
  const queryKeys = shapeKeys(route.query);
  const bodyKeys = shapeKeys(route.body);
  const targets = [
    ...params.map((i) => ({ kind: 'param' as const, at: i, key: '' })),
    ...queryKeys.map((key) => ({ kind: key === 'cursor' ? ('cursor' as const) : ('query' as const), at: 0, key })),
    ...bodyKeys.map((key) => ({ kind: 'body' as const, at: 0, key })),
  ];
  if (!targets.length) return fc.constant<HostileRequest>({ method: route.method, path: base.path });
  const safe = (s: string) => encodeURIComponent(s).replace(/%25/g, '%');
  return fc
    .record({ target: fc.constantFrom(...targets), value: idLikeArb, cursor: cursorArb(cursors) })
    .map(({ target, value, cursor }): HostileRequest => {
      const segs = basePath.split('/');
      const query = new URLSearchParams(baseQuery);
      let body = base.body;
      if (target.kind === 'param') segs[target.at] = safe(value);
      else if (target.kind === 'query') query.set(target.key, value);
      else if (target.kind === 'cursor') query.set('cursor', cursor);
      else body = { ...(base.body as object), [target.key]: value };
      const qs = query.toString();
      return {
        method: route.method,
        path: segs.join('/') + (qs ? `?${qs}` : ''),
        ...(route.method === 'GET' || body === undefined ? {} : { body: JSON.stringify(body) }),
      };
    });
}

/** Seeded ids for each path parameter (what `npm run fuzz` has without test fixtures). */
export function seededBase(route: RouteDef): RouteBase {
  const seg = route.path.split('/')[2];
  const id: Record<string, string> = {
    grids: 'hz-hp-xh-c1-a1-b1',
    'care-recipients': 'resident-elder',
    agents: 'agent-demo',
    stats: 'hz-hp-xh',
  };
  return {
    path: route.path
      .replace('{userId}', 'resident-demo')
      .replace('{file}', 'noise.json')
      .replace(/\{\w+\}/g, () => (Object.hasOwn(id, seg) ? id[seg] : 'x')),
    body: route.body ? {} : undefined,
  };
}
