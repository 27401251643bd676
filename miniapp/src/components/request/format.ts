import type { RequestResource } from '@gridlink/shared/requests';
import { isOpenState } from '@gridlink/shared/workflow';
import { REQUEST_WORKFLOW } from '@gridlink/shared/workflows/requests';

/** Haizhou keeps Beijing time: format in UTC+8 whatever the device's zone. */
const BEIJING_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** `MM-DD HH:mm` (this year) or `YYYY-MM-DD HH:mm`, in Beijing time; '' for nothing. */
export function formatTime(iso?: string | null, now = Date.now()): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const d = new Date(t + BEIJING_MS);
  const thisYear = new Date(now + BEIJING_MS).getUTCFullYear();
  const day = `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return d.getUTCFullYear() === thisYear ? `${day} ${time}` : `${d.getUTCFullYear()}-${day} ${time}`;
}

/** Past its 办理时限: the server's flag, or the time has come while it is still open. */
export function isOverdue(r: Pick<RequestResource, 'status' | 'dueAt' | 'overdue'>, now = Date.now()): boolean {
  if (!isOpenState(REQUEST_WORKFLOW, r.status)) return false;
  return r.overdue || (!!r.dueAt && Date.parse(r.dueAt) < now);
}

/** 0.988 → '98.8%' */
export const percent = (r: number | null | undefined) =>
  r === null || r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`;
