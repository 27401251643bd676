import { createHmac, timingSafeEqual } from 'node:crypto';
import { secret } from '../auth/secrets';
import { badRequest } from '../http/errors';

/**
 * Opaque, tamper-evident cursors: base64url(JSON of LastEvaluatedKey) + '.' + HMAC. A cursor is
 * bound to the list it came from (`scope`), so it cannot be replayed against another partition.
 * The HMAC key is derived from the token signing key (Secrets Manager in the cloud, the
 * development value in local/test): no key of its own to provision, none in the repo, and where
 * the token key is missing lists fail closed (503) like sign-in does.
 */
const CURSOR_KEY_LABEL = 'gridlink cursor key v1';
const cursorKey = async () =>
  createHmac('sha256', await secret('TOKEN_SECRET'))
    .update(CURSOR_KEY_LABEL)
    .digest();

const sign = async (scope: string, payload: string) =>
  createHmac('sha256', await cursorKey())
    .update(scope + '|' + payload)
    .digest('base64url')
    .slice(0, 22);

export async function encodeCursor(scope: string, key: Record<string, unknown> | undefined): Promise<string | null> {
  if (!key) return null;
  const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
  return `${payload}.${await sign(scope, payload)}`;
}

const CURSOR_FORMAT = /^([A-Za-z0-9_-]{1,2000})\.([A-Za-z0-9_-]{22})$/;
const invalid = () => badRequest('分页游标无效', [{ path: 'query.cursor', message: '无效的游标' }]);

/**
 * The start key of a cursor made by encodeCursor for this very `scope`. Anything else — forged,
 * truncated, with trailing parts, from another list, partition or user — is a 400 VALIDATION_FAILED.
 */
export async function decodeCursor(
  scope: string,
  cursor: string | undefined,
): Promise<Record<string, unknown> | undefined> {
  if (!cursor) return undefined;
  const m = CURSOR_FORMAT.exec(cursor);
  if (!m) throw invalid();
  const [, payload, mac] = m;
  if (!timingSafeEqual(Buffer.from(mac), Buffer.from(await sign(scope, payload)))) throw invalid();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw invalid();
  return key as Record<string, unknown>;
}
