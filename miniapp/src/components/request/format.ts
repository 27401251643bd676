import type { RequestResource, RequestStatus } from '@gridlink/shared/requests';

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

export const OPEN_STATUSES: readonly RequestStatus[] = ['submitted', 'accepted', 'dispatched'];
export const isOpen = (s: RequestStatus) => OPEN_STATUSES.includes(s);

/** Past its 办理时限: the server's flag, or the time has come while it is still open. */
export function isOverdue(r: Pick<RequestResource, 'status' | 'dueAt' | 'overdue'>, now = Date.now()): boolean {
  if (!isOpen(r.status)) return false;
  return r.overdue || (!!r.dueAt && Date.parse(r.dueAt) < now);
}

/** Timeline moves (the workflow's own words) → what the resident reads. */
export const ACTION_NAMES: Record<string, string> = {
  submit: '提交诉求',
  accept: '受理',
  reject: '不予受理',
  dispatch: '转办职能部门',
  resolve: '办结',
  escalate: '上报上级',
  rate: '评价',
  callbackConfirm: '回访确认',
  reopen: '回访后重新办理',
  autoClose: '超时未评价自动结案',
  autoEscalate: '超时自动上报',
  markOverdue: '已超期',
  join: '我也遇到',
};

/** ★★☆☆☆ */
export const starText = (n: number) =>
  '★'.repeat(Math.max(0, Math.min(5, n))) + '☆'.repeat(5 - Math.max(0, Math.min(5, n)));

/** 0.988 → '98.8%' */
export const percent = (r: number | null | undefined) =>
  r === null || r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`;
