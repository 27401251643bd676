/**
 * The privacy guard of the test runs: every response the local API servers of this process give
 * is scanned for phone and ID numbers (in every spelling, shared/src/pii.ts) and residents' names.
 * A reader may receive a number or a resident's name only when
 *  - it is their own (their seeded profile, or what their sign-in answered about them),
 *  - they sent it themselves earlier (a path, query string or body with their token),
 *  - (names) they addressed that person by id earlier (filing for them, linking to them), or that
 *    person addressed them: the relation the server accepted is theirs to see by name, or
 *  - the request recorded the full view: it wrote a `pii.read` / `keycase.read` audit by that reader
 *    (the projection that unmasks is the one that audits; a route answering an unprojected item
 *    writes no such record).
 * Staff readers are not held to the name rule (names of the residents they serve are theirs to see;
 * their scope is the authorisation matrix's job). Anything else is a violation.
 */
import { DEMO_USERS } from '../seed/demo-users';
import { watchRequests, type RequestCost } from './api-server';
import { findNumbers, hideNumber } from '@gridlink/shared/pii';

export interface Violation {
  reader: string;
  route: string;
  status: number;
  kind: 'phone' | 'idNumber' | 'name';
  /** the value with its middle hidden */
  shown: string;
  /** where in the body: a JSON path */
  at: string;
}

interface Reader {
  id: string;
  role: string;
}

const ANONYMOUS: Reader = { id: '(anonymous)', role: 'anonymous' };
const PERSON_ROLES = new Set(['resident', 'agent', 'anonymous']);
const AUDITED = /"action":"(pii|keycase)\.read"/;

/** The token's subject and role (local tokens only: the API already verified the signature). */
function readerOf(authorization: string | undefined): Reader {
  const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return ANONYMOUS;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown; role?: unknown };
    if (typeof claims.sub === 'string') return { id: claims.sub, role: String(claims.role ?? '') };
  } catch {
    /* not one of ours: the API answered 401 */
  }
  return ANONYMOUS;
}

/** Every string of a JSON body with its path (the raw text when the body is not JSON). */
function strings(body: string): [string, string][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [['$', body]];
  }
  const out: [string, string][] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') out.push([path, v]);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(parsed, '$');
  return out;
}

export interface PrivacyGuard {
  readonly scanned: number;
  readonly violations: Violation[];
  stop(): void;
}

export function startPrivacyGuard(): PrivacyGuard {
  const known = new Map<string, Set<string>>();
  const knows = (reader: string) => known.get(reader) ?? known.set(reader, new Set()).get(reader)!;
  const residentNames = new Set<string>();
  const names = new Map<string, string>();
  for (const u of DEMO_USERS) {
    names.set(u.id, u.name);
    for (const v of [u.phone, u.idNumber]) if (v) knows(u.id).add(v.toUpperCase());
    knows(u.id).add(u.name);
    if (u.role === 'resident' && u.id !== 'channel-12345') residentNames.add(u.name);
  }
  const violations: Violation[] = [];
  let scanned = 0;

  const learn = (reader: Reader, text: string) => {
    const set = knows(reader.id);
    for (const f of findNumbers(text)) set.add(f.value);
    for (const name of residentNames) if (text.includes(name)) set.add(name);
    for (const [id, name] of names)
      if (
        id !== reader.id &&
        new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text)
      ) {
        set.add(name);
        const mine = names.get(reader.id);
        if (mine) knows(id).add(mine);
      }
  };

  const onResponse = (c: RequestCost) => {
    const reader = readerOf(c.exchange.authorization);
    const query = decodeURIComponent(c.exchange.query.replace(/\+/g, ' '));
    learn(reader, `${c.path}\n${query}\n${c.exchange.requestBody ?? ''}`);
    scanned += 1;
    if (c.routeId === 'auth.devLogin' || c.routeId === 'auth.wechat') return signedIn(c.exchange.responseBody);
    const audited = c.calls.some((call) => AUDITED.test(JSON.stringify(call.input)));
    if (audited) return;
    const mine = knows(reader.id);
    const route = c.routeId ?? `${c.method} ${c.path}`;
    for (const [at, text] of strings(c.exchange.responseBody)) {
      for (const f of findNumbers(text))
        if (!mine.has(f.value))
          violations.push({ reader: reader.id, route, status: c.status, kind: f.kind, shown: hideNumber(f.value), at });
      if (!PERSON_ROLES.has(reader.role)) continue;
      for (const name of residentNames)
        if (text.includes(name) && !mine.has(name))
          violations.push({ reader: reader.id, route, status: c.status, kind: 'name', shown: `${name[0]}*`, at });
    }
  };

  /** A sign-in answers the user's own profile: what it says about them is theirs. */
  const signedIn = (body: string) => {
    try {
      const { user } = JSON.parse(body) as { user?: { id?: string; name?: string; phone?: string; role?: string } };
      if (!user?.id) return;
      if (user.name) names.set(user.id, user.name);
      const set = knows(user.id);
      if (user.phone) set.add(user.phone);
      if (user.name) {
        set.add(user.name);
        if (user.role === 'resident') residentNames.add(user.name);
      }
    } catch {
      /* an error answer */
    }
  };

  const unwatch = watchRequests(onResponse);
  return {
    get scanned() {
      return scanned;
    },
    violations,
    stop: unwatch,
  };
}

/** One line per violation, for a failing suite's message. */
export function describeViolations(vs: Violation[], max = 30): string {
  return vs
    .slice(0, max)
    .map((v) => `${v.reader} ← ${v.route} (${v.status}): ${v.kind} ${v.shown} at ${v.at}`)
    .join('\n');
}
