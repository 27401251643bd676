import { jwtVerify, SignJWT } from 'jose';
import type { Role } from '@gridlink/shared/roles';
import { config } from '../config';
import { secret } from './secrets';

const ISSUER = 'gridlink';
const AUDIENCE = 'gridlink-api';

const key = async () => new TextEncoder().encode(await secret('TOKEN_SECRET'));

/** A signed (HS256), expiring session token. Carries only who; the actor is loaded per request. */
export async function issueToken(userId: string, role: Role) {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + config.tokenTtl;
  const token = await new SignJWT({ role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .sign(await key());
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/** Throws on a forged, expired or malformed token. */
export async function verifyToken(token: string): Promise<{ userId: string }> {
  const { payload } = await jwtVerify(token, await key(), {
    issuer: ISSUER,
    audience: AUDIENCE,
    algorithms: ['HS256'],
  });
  if (!payload.sub) throw new Error('no subject');
  return { userId: payload.sub };
}
