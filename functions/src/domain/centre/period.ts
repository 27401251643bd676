/** A period of the centre's figures, in China days: what to read (day or month buckets) and how many days. */
import { MAX_RANGE_DAYS, type PeriodQuery } from '@gridlink/shared/centre';
import { chinaDate } from '@gridlink/shared/time';
import { badRequest } from '../errors';

export interface Period {
  from: string;
  to: string;
  days: number;
  /** 'MONTH': whole months (fromMonth…toMonth), read from month buckets */
  source: 'DAY' | 'MONTH';
  fromMonth: string;
  toMonth: string;
}

const DAY_MS = 86400_000;
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const lastOfMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return dayOf(Date.UTC(y, m, 0) / DAY_MS);
};
const valid = (d: string) => !Number.isNaN(dayNumber(d)) && dayOf(dayNumber(d)) === d;

export function resolvePeriod(q: PeriodQuery, now: string): Period {
  const date = q.date ?? chinaDate(now);
  if (!valid(date)) throw badRequest('日期无效', [{ path: 'date', message: '不是有效日期' }]);
  let from = date;
  let to = date;
  if (q.period === 'week') {
    const n = dayNumber(date);
    const weekday = (new Date(n * DAY_MS).getUTCDay() + 6) % 7; // Monday 0
    from = dayOf(n - weekday);
    to = dayOf(n - weekday + 6);
  } else if (q.period === 'month') {
    from = `${date.slice(0, 7)}-01`;
    to = lastOfMonth(date.slice(0, 7));
  } else if (q.period === 'custom') {
    if (!q.from || !q.to || !valid(q.from) || !valid(q.to))
      throw badRequest('请选择起止日期', [{ path: 'from', message: '自定义时段需要 from 和 to' }]);
    from = q.from;
    to = q.to;
  }
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days < 1) throw badRequest('结束日期早于开始日期', [{ path: 'to', message: '应不早于 from' }]);
  if (days > MAX_RANGE_DAYS) throw badRequest(`时段最长 ${MAX_RANGE_DAYS} 天`, [{ path: 'to', message: '时段过长' }]);
  const whole = from.endsWith('-01') && to === lastOfMonth(to.slice(0, 7));
  return { from, to, days, source: whole ? 'MONTH' : 'DAY', fromMonth: from.slice(0, 7), toMonth: to.slice(0, 7) };
}

/** the month of a 'YYYY-MM' query or of now (China) */
export const monthOf = (month: string | undefined, now: string) => month ?? chinaDate(now).slice(0, 7);

/** the days of a China month */
export const daysInMonth = (month: string) => Number(lastOfMonth(month).slice(8));
