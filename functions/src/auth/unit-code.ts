import { createHmac, timingSafeEqual } from 'node:crypto';
import { secret } from './secrets';

/**
 * The verification code printed on a unit's QR code in the building: an HMAC of the unit id with
 * a key derived from the token signing key (like the cursor key: nothing of its own to provision).
 * 10 characters of Crockford base32 (50 bits), typed or scanned; case and separators ignored.
 */
const UNIT_KEY_LABEL = 'gridlink unit code key v1';
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

async function unitKey() {
  return createHmac('sha256', await secret('TOKEN_SECRET'))
    .update(UNIT_KEY_LABEL)
    .digest();
}

export async function unitCode(unitId: string): Promise<string> {
  const mac = createHmac('sha256', await unitKey())
    .update(`unit|${unitId}`)
    .digest();
  let bits = 0n;
  for (const b of mac.subarray(0, 7)) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 10; i++) out += ALPHABET[Number((bits >> BigInt(6 + 5 * i)) & 31n)];
  return out;
}

/** Normalises what a resident typed (o→0, i/l→1, dashes and spaces dropped) and compares in constant time. */
export async function checkUnitCode(unitId: string, code: string): Promise<boolean> {
  const typed = code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const want = await unitCode(unitId);
  return typed.length === want.length && timingSafeEqual(Buffer.from(typed), Buffer.from(want));
}
