/**
 * A Haizhou-size data set, made up but shaped like the seed's figures (../shared/DOMAIN.md):
 * 7 streets (6 + 1 town), 66 communities, and under them the five levels — 287 compounds,
 * 387 areas (the platform's grids), 2,312 buildings, 6,969 units: 10,021 grid nodes in all —,
 * 233,744 residents as user items bound to units, 50,000 requests spread over the units (one
 * community is busy: a tenth of them) with realistic statuses, and one STATS item per grid with the
 * summed counters, so dashboards read real numbers. A fraction scales every count (0.01 = 1 %).
 *
 * Items are made by the repository's own builders (gridItem, userItem, requestItem, openIndexPut),
 * so keys and index attributes are exactly what the product writes.
 */
import { REQUEST_CATEGORIES } from '@gridlink/shared/request-categories';
import type { Level, RequestStatus } from '@gridlink/shared/requests';
import type { GridLevel } from '@gridlink/shared/grid';
import { gridItem, type GridItem } from '../data/grids';
import { newId } from '../data/ids';
import { keys } from '../data/keys';
import { openIndexPut, requestItem, type RequestItem } from '../data/requests';
import { userItem } from '../data/users';

export const HAIZHOU = {
  streets: 7,
  communities: 66,
  compounds: 287,
  areas: 387,
  buildings: 2312,
  units: 6969,
  residents: 233_744,
  requests: 50_000,
};
// 66 + 287 + 387 + 2,312 + 6,969 = 10,021 five-level grid nodes

const STREET_NAMES = ['和平街道', '西山街道', '站前街道', '新兴街道', '平安街道', '五龙街道', '韩家店镇'];
const WORDS = [
  '幸福',
  '和谐',
  '光明',
  '建设',
  '友谊',
  '团结',
  '胜利',
  '红旗',
  '东方',
  '朝阳',
  '长青',
  '福兴',
  '新华',
  '繁荣',
  '春城',
  '锦绣',
  '康乐',
  '永安',
  '太平',
  '民主',
  '文化',
  '向阳',
  '育才',
  '兴隆',
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红梅建国建华志强淑珍凤兰';
const DESCRIPTIONS: Record<string, string> = {
  facility: '楼道灯坏了一直没人修，晚上上下楼看不见',
  sanitation: '楼下垃圾箱满了好几天没有清运，气味很大',
  'street-vending': '小区门口有人占道摆摊，车辆无法通行',
  noise: '楼上夜间装修噪音很大，影响休息',
  'neighbor-dispute': '楼上卫生间漏水到我家，沟通多次未果',
  property: '电梯停运三天物业一直没有维修',
  'safety-hazard': '楼道里有人飞线给电动车充电，存在火灾隐患',
  'illegal-building': '一楼住户私自扩建院子，占用公共绿地',
  heating: '家里室温不到十八度，暖气不热',
  'water-power': '单元停水两天了，也没有通知',
  'food-safety': '小区门口熟食店卫生条件很差',
  'public-order': '单元门口经常有陌生人徘徊，存在治安隐患',
};
const CATEGORY_WEIGHTS: Record<string, number> = {
  facility: 16,
  sanitation: 14,
  'street-vending': 6,
  noise: 9,
  'neighbor-dispute': 7,
  property: 12,
  'safety-hazard': 6,
  'illegal-building': 4,
  heating: 12,
  'water-power': 8,
  'food-safety': 2,
  'public-order': 4,
};
/** statuses of a year of requests: most closed (98.8 % five stars when rated, as the seed reports) */
const STATUS_WEIGHTS: [RequestStatus, number][] = [
  ['closed', 82],
  ['resolved', 5],
  ['rejected', 3],
  ['accepted', 5],
  ['submitted', 3],
  ['dispatched', 2],
];
const LEVEL_WEIGHTS: [Level, number][] = [
  ['grid', 75],
  ['community', 18],
  ['street', 5],
  ['district', 2],
];

/** Deterministic PRNG (mulberry32): the same data set on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, weighted: [T, number][]) => {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of weighted) if ((x -= w) < 0) return v;
  return weighted[weighted.length - 1][0];
};
/** n children over m parents as evenly as possible: counts per parent */
const spread = (n: number, m: number) =>
  Array.from({ length: m }, (_, i) => Math.floor(((i + 1) * n) / m) - Math.floor((i * n) / m));

export interface Dataset {
  fraction: number;
  grids: GridItem[];
  units: GridItem[];
  communities: GridItem[];
  busyCommunity: string;
  busyStreet: string;
  counts: {
    streets: number;
    communities: number;
    compounds: number;
    areas: number;
    buildings: number;
    units: number;
    residents: number;
    requests: number;
  };
}

/** The grid tree (held in memory: ~10k nodes); residents and requests are streamed from it. */
export function makeGrids(fraction: number, now: string): Dataset {
  const c = (x: number) => Math.max(1, Math.round(x * fraction));
  const counts = {
    streets: Math.min(HAIZHOU.streets, c(HAIZHOU.communities)),
    communities: c(HAIZHOU.communities),
    compounds: c(HAIZHOU.compounds),
    areas: c(HAIZHOU.areas),
    buildings: c(HAIZHOU.buildings),
    units: c(HAIZHOU.units),
    residents: c(HAIZHOU.residents),
    requests: c(HAIZHOU.requests),
  };
  const grids: GridItem[] = [];
  const node = (
    id: string,
    level: GridLevel,
    name: string,
    parent: GridItem | null,
    order: number,
    childCount: number,
  ): GridItem => {
    const g: GridItem = {
      id,
      level,
      name,
      parentId: parent?.id ?? 'hz',
      path: parent ? [...parent.path, id] : ['hz', id],
      pathNames: parent ? [...parent.pathNames, name] : ['海州区', name],
      order: String(order).padStart(4, '0'),
      childCount,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    grids.push(g);
    return g;
  };
  const levels: { level: GridLevel; n: number; name: (i: number, p: GridItem) => string; suffix: string }[] = [
    {
      level: 'community',
      n: counts.communities,
      name: (i) => `${WORDS[i % WORDS.length]}${i >= WORDS.length ? Math.floor(i / WORDS.length) + 1 : ''}社区`,
      suffix: 'c',
    },
    { level: 'compound', n: counts.compounds, name: (i) => `${WORDS[(i * 7) % WORDS.length]}小区`, suffix: 'x' },
    {
      level: 'area',
      n: counts.areas,
      name: (i) => ['东片区', '西片区', '南片区', '北片区', '中心片区'][i % 5],
      suffix: 'a',
    },
    { level: 'building', n: counts.buildings, name: (i) => `${i + 1}号楼`, suffix: 'b' },
    { level: 'unit', n: counts.units, name: (i) => `${'一二三四五六七八九'[i % 9]}单元`, suffix: 'u' },
  ];
  let parents: GridItem[] = [];
  const perStreet = spread(counts.communities, counts.streets);
  // streets first (children: their communities), then each level spread over the one above
  perStreet.forEach((k, i) =>
    parents.push(node(`hz-g${i + 1}`, 'street', STREET_NAMES[i % STREET_NAMES.length], null, 11 + i, k)),
  );
  for (const [li, L] of levels.entries()) {
    const next: GridItem[] = [];
    const per = spread(L.n, parents.length);
    const childPer = li + 1 < levels.length ? spread(levels[li + 1].n, L.n) : [];
    let idx = 0;
    parents.forEach((p, pi) => {
      for (let k = 0; k < per[pi]; k++, idx++)
        next.push(node(`${p.id}-${L.suffix}${k + 1}`, L.level, L.name(k, p), p, k + 1, childPer[idx] ?? 0));
    });
    parents = next;
  }
  const communities = grids.filter((g) => g.level === 'community');
  const units = grids.filter((g) => g.level === 'unit');
  return {
    fraction,
    grids,
    units,
    communities,
    busyCommunity: communities[0].id,
    busyStreet: communities[0].path[1],
    counts,
  };
}

export const residentId = (i: number) => `hzr-${i}`;

/** Staff of the busy community and its street, who read the lists and dashboards in the bench. */
export function benchStaff(ds: Dataset, now: string) {
  return [
    userItem({
      id: 'bench-cadmin',
      role: 'community_admin',
      name: '压测社区工作人员',
      phone: '13900000001',
      gridIds: [ds.busyCommunity],
      duties: ['service'],
      version: 1,
      createdAt: now,
      updatedAt: now,
    }),
    userItem({
      id: 'bench-street',
      role: 'street_admin',
      name: '压测街道工作人员',
      phone: '13900000002',
      gridIds: [ds.busyStreet],
      version: 1,
      createdAt: now,
      updatedAt: now,
    }),
  ];
}

/** Residents: user items bound to units, contiguous runs per unit (~34 per unit at full size). */
export function* residents(ds: Dataset, now: string) {
  const r = rng(1);
  const n = ds.counts.residents;
  for (let i = 0; i < n; i++) {
    const unit = ds.units[Math.floor((i * ds.units.length) / n)];
    const name =
      SURNAMES[Math.floor(r() * SURNAMES.length)] +
      GIVEN[Math.floor(r() * GIVEN.length)] +
      (r() < 0.5 ? GIVEN[Math.floor(r() * GIVEN.length)] : '');
    yield userItem({
      id: residentId(i),
      role: 'resident',
      name,
      phone: `13${String(100000000 + Math.floor(r() * 899999999)).slice(0, 9)}`,
      unitId: unit.id,
      gridIds: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
  }
}

/** Counters of one grid, summed while requests are generated (the same names the domain ADDs). */
type Counters = Record<string, number>;

/**
 * Requests with their open-request index items, and the per-grid counters they add up to. A tenth
 * go to the busy community's units; the rest spread over all units. Open and resolved ones are
 * recent (30 days), closed and rejected ones spread over the year.
 */
export function* requests(ds: Dataset, nowMs: number, stats: Map<string, Counters>, inboxes?: Map<string, number>) {
  const r = rng(2);
  const n = ds.counts.requests;
  const busyUnits = ds.units.filter((u) => u.path[2] === ds.busyCommunity);
  const cats: [string, number][] = REQUEST_CATEGORIES.map((c) => [c.code, CATEGORY_WEIGHTS[c.code] ?? 1]);
  const unitIndex = new Map(ds.units.map((u, i) => [u.id, i]));
  for (let i = 0; i < n; i++) {
    const unit =
      r() < 0.1 ? busyUnits[Math.floor(r() * busyUnits.length)] : ds.units[Math.floor(r() * ds.units.length)];
    const code = pick(r, cats);
    const category = REQUEST_CATEGORIES.find((c) => c.code === code)!;
    const status = pick(r, STATUS_WEIGHTS);
    const open = status === 'submitted' || status === 'accepted' || status === 'dispatched';
    const ageDays = open || status === 'resolved' ? r() * 30 : r() * 365;
    const created = nowMs - Math.floor(ageDays * 86400_000);
    const level = status === 'submitted' ? 'grid' : pick(r, LEVEL_WEIGHTS);
    const path = unit.path; // district … unit
    const byLevel: Record<Level, string> = { grid: path[5], community: path[2], street: path[1], district: path[0] };
    const resolvedAt =
      status === 'resolved' || status === 'closed' ? created + Math.floor((2 + r() * 70) * 3600_000) : undefined;
    const dueAt = open ? created + (category.slaHours[level] ?? 72) * 3600_000 : undefined;
    const stars = status === 'closed' && r() < 0.85 ? (r() < 0.988 ? 5 : 1 + Math.floor(r() * 4)) : undefined;
    // the reporter lives in the unit: residents are laid out in contiguous runs per unit
    const ui = unitIndex.get(unit.id)!;
    const first = Math.ceil((ui * ds.counts.residents) / ds.units.length);
    const last = Math.max(first, Math.ceil(((ui + 1) * ds.counts.residents) / ds.units.length) - 1);
    const reporter = first + Math.floor(r() * (last - first + 1));
    const id = newId(created);
    const createdAt = new Date(created).toISOString();
    const req: RequestItem = {
      id,
      status,
      version: status === 'submitted' ? 1 : status === 'closed' ? 4 : 2,
      createdAt,
      updatedAt: new Date(resolvedAt ?? created).toISOString(),
      category: category.code,
      categoryName: category.name,
      description: DESCRIPTIONS[category.code] ?? category.description,
      unitId: unit.id,
      unitName: unit.pathNames.slice(3).join(' '),
      gridPath: path,
      level,
      lastLevel: level,
      inbox: status === 'dispatched' ? category.departmentId : byLevel[level],
      dueAt: dueAt ? new Date(dueAt).toISOString() : null,
      overdue: !!dueAt && dueAt < nowMs,
      reporterId: residentId(Math.min(reporter, ds.counts.residents - 1)),
      reporterName: '居民',
      attachments: [],
      ...(status === 'dispatched' ? { departmentId: category.departmentId } : {}),
      ...(stars ? { rating: { stars, at: new Date(resolvedAt! + 86400_000).toISOString() } } : {}),
      ...(resolvedAt ? { resolvedAt: new Date(resolvedAt).toISOString() } : {}),
      reopenCount: 0,
      joinCount: 0,
      joinerIds: [],
    };
    inboxes?.set(req.inbox, (inboxes.get(req.inbox) ?? 0) + 1);
    yield requestItem(req);
    if (open) yield openIndexPut(req).Put.Item;

    const d: Counters = { req_total: 1, [`req_${status}`]: 1, [`cat_${category.code.replace(/-/g, '_')}`]: 1 };
    if (open) d.req_open = 1;
    if (status !== 'submitted' && status !== 'rejected') d.req_accepted_total = 1;
    if (status === 'dispatched') d.req_dispatched_total = 1;
    if (level !== 'grid') d.req_escalated = 1;
    if (req.overdue) d.req_overdue = 1;
    if (resolvedAt) {
      d.req_resolved_total = 1;
      d.resolve_hours_sum = Math.round((resolvedAt - created) / 3600_000);
    }
    if (stars) {
      d.rated = 1;
      d.stars_sum = stars;
      d[`stars_${stars}`] = 1;
    }
    for (const g of path) {
      const c = stats.get(g) ?? {};
      for (const [k, v] of Object.entries(d)) c[k] = (c[k] ?? 0) + v;
      stats.set(g, c);
    }
  }
}

/** One STATS total per grid that has requests below it, as the stream's counter aggregator leaves it. */
export function* statsItems(stats: Map<string, Counters>, now: string) {
  for (const [gridId, counters] of stats)
    yield { ...keys.stats(gridId), type: 'stats', gridId, updatedAt: now, ...counters };
}

/** DynamoDB's billed item size: attribute names + values (UTF-8), numbers ~ their digits / 2 + 1. */
export function itemBytes(v: unknown): number {
  if (v === null || v === undefined || typeof v === 'boolean') return 1;
  if (typeof v === 'string') return Buffer.byteLength(v);
  if (typeof v === 'number') return Math.ceil(String(Math.abs(v)).replace('.', '').replace(/^0+/, '').length / 2) + 1;
  if (Array.isArray(v)) return 3 + v.reduce((s: number, x) => s + 1 + itemBytes(x), 0);
  return (
    3 +
    Object.entries(v as Record<string, unknown>).reduce((s, [k, x]) => s + Buffer.byteLength(k) + 1 + itemBytes(x), 0)
  );
}

/** Bytes an item takes in the table and in each GSI it is projected into (ALL), 100 B overhead each. */
export function storedBytes(item: Record<string, unknown>) {
  const size = Object.entries(item).reduce((s, [k, x]) => s + Buffer.byteLength(k) + itemBytes(x), 0);
  const gsis = ['GSI1PK', 'GSI2PK', 'GSI3PK'].filter((k) => item[k] !== undefined).length;
  return (size + 100) * (1 + gsis);
}

export { gridItem };
