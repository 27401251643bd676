/** Field checks of base-data rows: pure functions, Chinese messages (what the admin reads). */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Why an 18-digit 公民身份号码 (GB 11643-1999) is wrong, or undefined when it is right. */
export function idNumberProblem(id: string): string | undefined {
  if (!/^\d{17}[\dX]$/.test(id)) return '公民身份号码应为18位（最后一位可为X）';
  const birth = id.slice(6, 14);
  if (!isRealDate(+birth.slice(0, 4), +birth.slice(4, 6), +birth.slice(6, 8)) || birth < '19000101')
    return '公民身份号码中的出生日期无效';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i];
  if (CHECK_CHARS[sum % 11] !== id[17]) return '公民身份号码校验位错误';
  return undefined;
}

/** birth date (YYYY-MM-DD) and gender encoded in a valid 18-digit ID number */
export const idBirthDate = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
export const idGender = (id: string) => (Number(id[16]) % 2 === 1 ? '男' : '女');

/** passports and other foreign documents (境外人员): letters and digits, 5–20 */
export const foreignIdProblem = (id: string) =>
  /^[A-Z0-9]{5,20}$/.test(id) ? undefined : '证件号码应为5–20位字母或数字';

export const isMobile = (s: string) => /^1[3-9]\d{9}$/.test(s);
export const isPhone = (s: string) => isMobile(s) || /^0\d{2,3}-?\d{7,8}$/.test(s);

function isRealDate(y: number, m: number, d: number) {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** A date cell: a Date (xlsx), an Excel serial number, or text 2026-01-02, 2026/1/2, 2026.1.2, 20260102. */
export function parseDate(v: unknown): string | undefined {
  let y: number, m: number, d: number;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    [y, m, d] = [v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()];
  } else if (typeof v === 'number') {
    if (v < 1 || v > 80000) return undefined;
    const dt = new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86400000);
    [y, m, d] = [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
  } else {
    const s = String(v).trim();
    const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
    if (!match) return undefined;
    [y, m, d] = [+match[1], +match[2], +match[3]];
  }
  if (!isRealDate(y, m, d) || y < 1900) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** the 18th character for 17 digits (templates, generated districts and tests make valid numbers) */
export function withCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return first17 + CHECK_CHARS[sum % 11];
}
