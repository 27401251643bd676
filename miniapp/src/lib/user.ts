import { getToken } from '../api/session';

/**
 * Who is signed in, read from the session token without a network call (for per-user settings
 * kept in storage: 长辈版, 最近使用). The token is a JWT whose `sub` is the user id; it is only
 * read here, never trusted: the API checks it on every call. '' when signed out or unreadable.
 */
export function currentUserId(): string {
  const token = getToken();
  const payload = token.split('.')[1];
  if (!payload) return '';
  try {
    const json = JSON.parse(base64UrlDecode(payload)) as { sub?: unknown };
    return typeof json.sub === 'string' ? json.sub : '';
  } catch {
    return '';
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url → text (ASCII / UTF-8); the mini-program has no atob. */
export function base64UrlDecode(input: string): string {
  const clean = input.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error('not base64url');
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
}
