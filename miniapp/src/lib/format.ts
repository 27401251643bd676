/** Dates as residents read them, in Beijing time whatever the phone's zone. */
const CN_OFFSET = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

function cn(iso: string | undefined): Date | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t + CN_OFFSET);
}

/** 2025年3月1日 */
export function formatDate(iso: string | undefined): string {
  const d = cn(iso);
  return d ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日` : '';
}

/** 2025年3月1日 09:05 */
export function formatTime(iso: string | undefined): string {
  const d = cn(iso);
  return d ? `${formatDate(iso)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : '';
}

/** 03-01 09:05 (lists) */
export function formatShort(iso: string | undefined): string {
  const d = cn(iso);
  return d
    ? `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
    : '';
}

/** 'YYYY-MM-DD' today in Beijing (the end of date pickers). */
export function todayCn(now = Date.now()): string {
  const d = new Date(now + CN_OFFSET);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 当日办结 / 承诺 5 个工作日 */
export const promisedText = (days: number) => (days === 0 ? '当日办结' : `承诺 ${days} 个工作日`);
