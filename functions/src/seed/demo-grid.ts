/**
 * The demo Haizhou: 3 streets, 4 communities; under 新华社区 the full five levels
 * (2 小区 × 2 片区 × 2 楼栋 × 3 单元). Ids spell the path, so they read well in logs.
 */
import type { GridLevel } from '@gridlink/shared/grid';

export interface SeedGrid {
  id: string;
  level: GridLevel;
  name: string;
  parentId: string | null;
}

export const DEMO_DISTRICT = 'hz';
export const DEMO_STREET = 'hz-hp';
export const DEMO_COMMUNITY = 'hz-hp-xh';
export const DEMO_BUILDING = 'hz-hp-xh-c1-a1-b1';
export const DEMO_UNIT = 'hz-hp-xh-c1-a1-b1-u1';
export const ELDER_UNIT = 'hz-hp-xh-c1-a1-b1-u2';

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六'];

function fiveLevels(
  community: string,
  compounds: string[],
  areas: string[],
  buildings: number,
  units: number,
): SeedGrid[] {
  const out: SeedGrid[] = [];
  compounds.forEach((cName, ci) => {
    const c = `${community}-c${ci + 1}`;
    out.push({ id: c, level: 'compound', name: cName, parentId: community });
    areas.forEach((aName, ai) => {
      const a = `${c}-a${ai + 1}`;
      out.push({ id: a, level: 'area', name: aName, parentId: c });
      for (let b = 1; b <= buildings; b++) {
        const bId = `${a}-b${b}`;
        out.push({ id: bId, level: 'building', name: `${ai * buildings + b}号楼`, parentId: a });
        for (let u = 1; u <= units; u++) {
          out.push({ id: `${bId}-u${u}`, level: 'unit', name: `${CHINESE_NUMBERS[u - 1]}单元`, parentId: bId });
        }
      }
    });
  });
  return out;
}

export const DEMO_GRIDS: SeedGrid[] = [
  { id: 'hz', level: 'district', name: '海州区', parentId: null },
  { id: 'hz-hp', level: 'street', name: '和平街道', parentId: 'hz' },
  { id: 'hz-xs', level: 'street', name: '西山街道', parentId: 'hz' },
  { id: 'hz-zq', level: 'street', name: '站前街道', parentId: 'hz' },
  { id: 'hz-hp-xh', level: 'community', name: '新华社区', parentId: 'hz-hp' },
  { id: 'hz-hp-wl', level: 'community', name: '五龙社区', parentId: 'hz-hp' },
  { id: 'hz-xs-hx', level: 'community', name: '和兴社区', parentId: 'hz-xs' },
  { id: 'hz-zq-xy', level: 'community', name: '新运社区', parentId: 'hz-zq' },
  ...fiveLevels('hz-hp-xh', ['幸福小区', '和谐家园'], ['东片区', '西片区'], 2, 3),
  ...fiveLevels('hz-hp-wl', ['五龙小区'], ['中心片区'], 1, 2),
  ...fiveLevels('hz-xs-hx', ['和兴小区'], ['南片区'], 1, 2),
  ...fiveLevels('hz-zq-xy', ['新运小区'], ['北片区'], 1, 2),
];
