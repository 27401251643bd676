/**
 * China Standard Time (UTC+8, no daylight saving): the district's days and months. Stored times stay
 * UTC ISO; days, months and "today" are China's.
 */
const CST_MS = 8 * 3600 * 1000;

/** 'YYYY-MM-DD' of an ISO time in China. */
export const chinaDate = (iso: string): string => new Date(Date.parse(iso) + CST_MS).toISOString().slice(0, 10);

/** 'YYYY-MM' of an ISO time in China. */
export const chinaMonth = (iso: string): string => chinaDate(iso).slice(0, 7);

/** The UTC ISO instant of a China wall-clock time ('YYYY-MM-DD', 'HH:MM'). */
export const chinaInstant = (date: string, time = '00:00'): string =>
  new Date(Date.parse(`${date}T${time}:00+08:00`)).toISOString();
