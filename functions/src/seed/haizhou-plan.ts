/**
 * A generated Haizhou at the seed's size (DOMAIN.md "Figures"): 6 streets + 1 town, 66 communities
 * (村 in the town), 287 compounds, 412 片区, 2,312 buildings and 6,936 units — with the district
 * node 10,021 grids. The demo grid (demo-grid.ts) is part of it by name, so `npm run
 * seed:haizhou` over `npm start`'s data grows the demo district instead of adding a second one.
 * Pure and deterministic: the same plan every run (re-import changes nothing).
 */
import { DEMO_GRIDS, type SeedGrid } from './demo-grid';

export const HAIZHOU = {
  streets: 7,
  communities: 66,
  compounds: 287,
  areas: 412,
  buildings: 2312,
  units: 6936,
  persons: 233_744,
} as const;

const STREETS = ['和平街道', '西山街道', '站前街道', '五龙街道', '河北街道', '新兴街道', '韩家店镇'];
const FIRST = '新和兴福安康平顺永长春阳光明华泰盛丰祥瑞东西南北振';
const SECOND = '华兴安园苑城民乐和泰丰源康荣林河';
const COMPOUND_SUFFIX = ['小区', '家园', '花园', '新村', '嘉园'];
const AREAS = ['东片区', '西片区', '南片区', '北片区', '中心片区'];
const CN = ['一', '二', '三', '四', '五', '六'];

/** two-character place words, deterministic and varied */
const WORDS = [...FIRST]
  .flatMap((a, i) => [...SECOND].map((_, j) => a + SECOND[(i + j) % SECOND.length]))
  .filter((w) => w[0] !== w[1]);

interface Node {
  names: string[];
  id?: string; // demo nodes keep their id, to find their demo children
}

const demoChildren = (id: string | undefined) => (id ? DEMO_GRIDS.filter((g) => g.parentId === id) : []);

/** children counts: the demo's children first, every parent ≥ 1, the rest spread to the fewest */
function shares(parents: Node[], total: number): number[] {
  const n = parents.map((p) => Math.max(1, demoChildren(p.id).length));
  let left = total - n.reduce((s, x) => s + x, 0);
  if (left < 0) throw new Error(`plan: ${total} children cannot cover ${parents.length} parents`);
  const order = parents.map((_, i) => i);
  while (left > 0)
    for (const i of order.sort((a, b) => n[a] - n[b] || a - b).slice(0, Math.min(left, order.length))) {
      n[i]++;
      left--;
    }
  return n;
}

type Namer = (k: number, parent: Node, seq: number, attempt: number) => string;

function level(parents: Node[], total: number, name: Namer): Node[] {
  const out: Node[] = [];
  let seq = 0;
  shares(parents, total).forEach((count, i) => {
    const parent = parents[i];
    const demo: SeedGrid[] = demoChildren(parent.id);
    const taken = new Set(demo.map((d) => d.name));
    for (const d of demo) out.push({ names: [...parent.names, d.name], id: d.id });
    for (let k = demo.length; k < count; k++) {
      let attempt = 0;
      let candidate = name(k, parent, seq++, attempt);
      while (taken.has(candidate)) candidate = name(k, parent, seq++, ++attempt);
      taken.add(candidate);
      out.push({ names: [...parent.names, candidate] });
    }
  });
  return out;
}

/** the 6,936 unit paths (街道, 社区, 小区, 片区, 楼栋, 单元) of the generated district */
export function haizhouUnitPaths(): string[][] {
  const district: Node = { names: [], id: 'hz' };
  const streets = level([district], HAIZHOU.streets, (k) => STREETS[k]);
  const communities = level(streets, HAIZHOU.communities, (_k, p, seq) =>
    p.names[0].endsWith('镇')
      ? `${WORDS[(seq * 17 + 5) % WORDS.length]}村`
      : `${WORDS[(seq * 17 + 5) % WORDS.length]}社区`,
  );
  const compounds = level(
    communities,
    HAIZHOU.compounds,
    (k, _p, seq) => `${WORDS[(seq * 7 + 3) % WORDS.length]}${COMPOUND_SUFFIX[(seq + k) % COMPOUND_SUFFIX.length]}`,
  );
  const areas = level(compounds, HAIZHOU.areas, (_k, _p, seq) => AREAS[seq % AREAS.length]);
  const buildings = level(areas, HAIZHOU.buildings, (k, _p, _seq, attempt) => `${k + 1 + attempt}号楼`);
  const units = level(buildings, HAIZHOU.units, (k, _p, _s, attempt) =>
    k + attempt < CN.length ? `${CN[k + attempt]}单元` : `${k + attempt + 1}单元`,
  );
  return units.map((u) => u.names);
}
