/**
 * Population and housing counters of a grid (issue 13): what one 房屋 or 人口 item counts, kept at
 * write time (the import, 迁入/迁出/信息变更) as deltas on the unit's own counters (data/stats.ts
 * LOCAL item), which the counter aggregator adds up to every grid above. Pure: never read to count.
 */
import type { Deltas } from '../../data/stats';

/** counter names (stored as c_<name> on LOCAL, <name> in the totals) */
export const POP = {
  houses: 'pop_houses',
  rented: 'pop_rented',
  households: 'pop_households',
  persons: 'pop_persons',
  floating: 'pop_floating',
  overseas: 'pop_overseas',
  elderlyAlone: 'pop_elderly_alone',
  disabled: 'pop_disabled',
} as const;

/** 户数: persons recorded as the head of their household */
const HEADS = ['户主', '本人'];

type Counted = {
  type?: unknown;
  kind?: unknown;
  use?: unknown;
  relation?: unknown;
  personType?: unknown;
  tags?: unknown;
  status?: unknown;
};

/** What one item counts (a moved-out person counts nothing: kept for the record only). */
export function countsOf(item: Counted | undefined, kind: 'house' | 'person'): Deltas {
  if (!item) return {};
  if (kind === 'house') return { [POP.houses]: 1, [POP.rented]: item.use === '出租' ? 1 : 0 };
  if (item.status === 'moved_out') return {};
  const tags = Array.isArray(item.tags) ? (item.tags as string[]) : [];
  return {
    [POP.persons]: 1,
    [POP.households]: HEADS.includes(item.relation as string) ? 1 : 0,
    [POP.floating]: item.personType === '流动' ? 1 : 0,
    [POP.overseas]: item.personType === '境外' ? 1 : 0,
    [POP.elderlyAlone]: tags.includes('独居老人') ? 1 : 0,
    [POP.disabled]: tags.includes('残疾人') ? 1 : 0,
  };
}

/** new − old, without the zeros (an unchanged item moves nothing) */
export function deltaOf(kind: 'house' | 'person', before: Counted | undefined, after: Counted | undefined): Deltas {
  const a = countsOf(before, kind);
  const b = countsOf(after, kind);
  const out: Deltas = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = (b[k] ?? 0) - (a[k] ?? 0);
    if (d) out[k] = d;
  }
  return out;
}

export function addInto(sum: Deltas, d: Deltas) {
  for (const [k, v] of Object.entries(d)) sum[k] = (sum[k] ?? 0) + v;
  return sum;
}

/** the dashboard's figures from a grid's totals */
export function populationFigures(c: Record<string, number>) {
  const n = (k: string) => c[k] ?? 0;
  return {
    houses: n(POP.houses),
    rented: n(POP.rented),
    households: n(POP.households),
    persons: n(POP.persons),
    floating: n(POP.floating),
    overseas: n(POP.overseas),
    elderlyAlone: n(POP.elderlyAlone),
    disabled: n(POP.disabled),
  };
}

/** the rule as the data layer applies it to stored items (a recount) */
export const countRule = (item: Record<string, unknown>): Deltas =>
  item.type === 'house' || item.type === 'person' ? countsOf(item, item.type) : {};
