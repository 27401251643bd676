/**
 * Session tokens: compact JWTs signed with HS256 by node:crypto. Byte for byte the tokens the
 * `jose` library issued before (tokens.test.ts checks both ways), without its 18 KiB in every
 * bundle. Verification accepts only HS256, a valid signature, our issuer and audience, a subject
 * and an expiry still ahead.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Role } from '@gridlink/shared/roles';
import { config } from '../config';
import { secret } from './secrets';

const ISSUER = 'gridlink';
const AUDIENCE = 'gridlink-api';
const B64URL = /^[A-Za-z0-9_-]+$/;

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const HEADER = encode({ alg: 'HS256', typ: 'JWT' });

const mac = async (input: string) =>
  createHmac('sha256', await secret('TOKEN_SECRET'))
    .update(input)
    .digest();

function decode(part: string): Record<string, unknown> {
  const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  return value as Record<string, unknown>;
}

/** A signed (HS256), expiring session token. Carries only who; the actor is loaded per request. */
export async function issueToken(userId: string, role: Role) {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + config.tokenTtl;
  const body = `${HEADER}.${encode({ role, sub: userId, iss: ISSUER, aud: AUDIENCE, iat: now, exp })}`;
  const token = `${body}.${(await mac(body)).toString('base64url')}`;
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/** Throws on a forged, expired or malformed token. */
export async function verifyToken(token: string): Promise<{ userId: string }> {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => B64URL.test(p))) throw new Error('malformed token');
  const [header, payload, signature] = parts;
  const h = decode(header);
  if (h.alg !== 'HS256' || 'crit' in h) throw new Error('unsupported token header');
  const expected = await mac(`${header}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error('bad signature');
  const claims = decode(payload);
  const now = Math.floor(Date.now() / 1000);
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.iss !== ISSUER || !aud.includes(AUDIENCE)) throw new Error('not our token');
  if (typeof claims.exp !== 'number' || claims.exp <= now) throw new Error('expired token');
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > now))
    throw new Error('not yet valid');
  if (claims.iat !== undefined && typeof claims.iat !== 'number') throw new Error('bad iat');
  if (typeof claims.sub !== 'string' || !claims.sub) throw new Error('no subject');
  return { userId: claims.sub };
}
