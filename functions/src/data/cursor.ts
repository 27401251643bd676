import { createHmac, timingSafeEqual } from 'node:crypto';
import { badRequest } from '../http/errors';

/**
 * Opaque, tamper-evident cursors: base64url(JSON of LastEvaluatedKey) + '.' + HMAC. A cursor is
 * bound to the list it came from (`scope`), so it cannot be replayed against another partition.
 */
const secret = () => process.env.CURSOR_SECRET || process.env.TOKEN_SECRET || 'gridlink-local-cursor';

const sign = (scope: string, payload: string) =>
  createHmac('sha256', secret())
    .update(scope + '|' + payload)
    .digest('base64url')
    .slice(0, 22);

export function encodeCursor(scope: string, key: Record<string, unknown> | undefined): string | null {
  if (!key) return null;
  const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
  return `${payload}.${sign(scope, payload)}`;
}

export function decodeCursor(scope: string, cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  const [payload, mac] = cursor.split('.');
  const ok =
    payload && mac && mac.length === 22 && timingSafeEqual(Buffer.from(mac), Buffer.from(sign(scope, payload)));
  if (!ok) throw badRequest('分页游标无效', [{ path: 'query.cursor', message: '无效的游标' }]);
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}
