/**
 * The public scoreboard (三率 of the last 90 days per community): a daily job reads each community's
 * DAY# buckets (one Query each) and writes ONE item; the public route reads that item (one GetItem).
 * A community with fewer closed requests than the minimum sample is listed as 样本不足, not ranked.
 * Only grid names and rates: no personal data.
 */
import type { Scoreboard } from '@gridlink/shared/centre';
import { chinaDate } from '@gridlink/shared/time';
import { config } from '../../config';
import { getScoreboard, putScoreboard } from '../../data/assessment';
import { getGridItems, listChildren } from '../../data/grids';
import { readBuckets } from '../../data/stats';
import { ratio } from './figures';

export const SCOREBOARD_DAYS = 90;
const PARALLEL = 8;

export function threeRates(c: Record<string, number>) {
  const n = (k: string) => c[k] ?? 0;
  return {
    closed: Math.max(0, n('req_closed')),
    // 响应率: accepted or declined with a reason, of those reported
    responseRate: ratio(n('req_accepted_total') + Math.max(0, n('req_rejected')), n('req_total')),
    resolutionRate: ratio(n('req_resolved_total'), n('req_total')),
    satisfactionRate: ratio(n('stars_4') + n('stars_5'), n('rated')),
  };
}

export async function computeScoreboard(
  now = new Date().toISOString(),
  opts: { districtId?: string; minSample?: number } = {},
): Promise<Scoreboard> {
  const districtId = opts.districtId ?? config.districtId;
  const minSample = opts.minSample ?? config.scoreboardMinSample;
  const to = chinaDate(now);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (SCOREBOARD_DAYS - 1) * 86400_000).toISOString().slice(0, 10);
  const district = (await getGridItems([districtId])).get(districtId);
  const streets = district ? (await listChildren(districtId, { limit: 100 })).items : [];
  const communities = (
    await Promise.all(streets.map(async (s) => (await listChildren(s.id, { limit: 100 })).items.map((c) => ({ c, s }))))
  ).flat();
  const rows: Scoreboard['rows'] = [];
  for (let i = 0; i < communities.length; i += PARALLEL) {
    const slice = communities.slice(i, i + PARALLEL);
    const sums = await Promise.all(slice.map(({ c }) => readBuckets(c.id, 'DAY', from, to)));
    slice.forEach(({ c, s }, k) =>
      rows.push({ communityId: c.id, name: c.name, street: s.name, ...threeRates(sums[k]), rank: null }),
    );
  }
  const score = (r: (typeof rows)[number]) =>
    ((r.responseRate ?? 0) + (r.resolutionRate ?? 0) + (r.satisfactionRate ?? 0)) / 3;
  const ranked = rows.filter((r) => r.closed >= minSample).sort((a, b) => score(b) - score(a) || b.closed - a.closed);
  ranked.forEach((r, i) => (r.rank = i + 1));
  const board: Scoreboard = {
    from,
    to,
    minSample,
    computedAt: now,
    rows: [...ranked, ...rows.filter((r) => r.closed < minSample).sort((a, b) => b.closed - a.closed)],
  };
  await putScoreboard({ ...board, districtId });
  return board;
}

/** the daily job's entry point: { communities, ranked } */
export async function scoreboardJob(now?: string) {
  const b = await computeScoreboard(now);
  return { communities: b.rows.length, ranked: b.rows.filter((r) => r.rank !== null).length };
}

/** the public route: the one precomputed item */
export async function readScoreboard(districtId = config.districtId): Promise<Scoreboard> {
  const b = await getScoreboard(districtId);
  if (!b) return { from: '', to: '', minSample: config.scoreboardMinSample, computedAt: null, rows: [] };
  return { from: b.from, to: b.to, minSample: b.minSample, computedAt: b.computedAt, rows: b.rows };
}
