import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32

/** ULID-style id: 10 chars of time + 16 of randomness; sorts by creation time. */
export function newId(now = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const rnd = randomBytes(16);
  let rand = '';
  for (let i = 0; i < 16; i++) rand += ALPHABET[rnd[i] % 32];
  return time + rand;
}

/** The creation time encoded in an id made by newId (undefined when it is not one). */
export function idTime(id: string): string | undefined {
  if (!/^[0-9A-HJKMNP-TV-Z]{26}$/.test(id)) return undefined;
  let t = 0;
  for (const c of id.slice(0, 10)) t = t * 32 + ALPHABET.indexOf(c);
  const d = new Date(t);
  return Number.isNaN(d.getTime()) || t > 8.64e15 ? undefined : d.toISOString();
}
