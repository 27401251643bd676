/**
 * Tokens made with node:crypto are the tokens `jose` made (a dev dependency now, the yardstick):
 * identical strings for the same claims and time, accepted both ways, and the refusals jose made.
 */
import { jwtVerify, SignJWT } from 'jose';
import { issueToken, verifyToken } from './tokens';

const KEY = new TextEncoder().encode('gridlink-local-token_secret'); // the test stage's development key
const NOW = 1_780_000_000;

const joseToken = (claims: { sub?: string; iss?: string; aud?: string; exp?: number }, alg = 'HS256', key = KEY) => {
  let jwt = new SignJWT({ role: 'resident' }).setProtectedHeader({ alg, typ: 'JWT' });
  if (claims.sub) jwt = jwt.setSubject(claims.sub);
  if (claims.iss) jwt = jwt.setIssuer(claims.iss);
  if (claims.aud) jwt = jwt.setAudience(claims.aud);
  return jwt
    .setIssuedAt(NOW)
    .setExpirationTime(claims.exp ?? NOW + 3600)
    .sign(key);
};
const good = { sub: 'resident-demo', iss: 'gridlink', aud: 'gridlink-api' };

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW * 1000 + 123));
afterEach(() => jest.restoreAllMocks());

describe('session tokens', () => {
  it('are the very tokens jose issued, and jose accepts them', async () => {
    const { token, expiresAt } = await issueToken('resident-demo', 'resident');
    const ttl = 7 * 24 * 3600;
    expect(token).toBe(await joseToken({ ...good, exp: NOW + ttl }));
    expect(expiresAt).toBe(new Date((NOW + ttl) * 1000).toISOString());
    const opts = { issuer: 'gridlink', audience: 'gridlink-api', currentDate: new Date(NOW * 1000) };
    const { payload } = await jwtVerify(token, KEY, opts);
    expect(payload).toMatchObject({ sub: 'resident-demo', role: 'resident' });
    await expect(verifyToken(token)).resolves.toEqual({ userId: 'resident-demo' });
  });

  it('accept what jose signed', async () => {
    await expect(verifyToken(await joseToken(good))).resolves.toEqual({ userId: 'resident-demo' });
  });

  it('refuse forged, altered, expired, foreign and malformed tokens', async () => {
    const valid = await joseToken(good);
    const [h, p, s] = valid.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ ...good, sub: 'district-admin-demo', exp: NOW + 60 })).toString(
      'base64url',
    );
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const refused = [
      await joseToken(good, 'HS256', new TextEncoder().encode('guessed-secret')),
      await joseToken(good, 'HS512'),
      await joseToken({ ...good, exp: NOW }),
      await joseToken({ ...good, iss: 'someone-else' }),
      await joseToken({ ...good, aud: 'another-api' }),
      await joseToken({ iss: good.iss, aud: good.aud }),
      `${h}.${otherPayload}.${s}`,
      `${none}.${p}.`,
      `${none}.${p}.${s}`,
      `${h}.${p}.${s.slice(0, -2)}`,
      `${h}.${p}`,
      `${h}.${p}.${s}.x`,
      `${h}.${p}.${s}=`,
      'not-a-token',
    ];
    for (const token of refused) await expect(verifyToken(token)).rejects.toThrow();
  });
});
