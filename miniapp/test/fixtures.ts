import type { Grid, GridLevel } from '@gridlink/shared/grid';
import type { Me } from '@gridlink/shared/me';

const NOW = '2025-01-01T00:00:00.000+08:00';

/** A small demo tree: 海州区 › 和平街道 › 西山社区 › 阳光小区 › 一片区 › 1号楼 › 1单元/2单元 */
const rows: [string, GridLevel, string, string | null][] = [
  ['hz', 'district', '海州区', null],
  ['hp', 'street', '和平街道', 'hz'],
  ['xs', 'community', '西山社区', 'hp'],
  ['yg', 'compound', '阳光小区', 'xs'],
  ['a1', 'area', '一片区', 'yg'],
  ['b1', 'building', '1号楼', 'a1'],
  ['u1', 'unit', '1单元', 'b1'],
  ['u2', 'unit', '2单元', 'b1'],
];

export const GRIDS: Record<string, Grid> = {};
for (const [id, level, name, parentId] of rows) {
  const parent = parentId ? GRIDS[parentId] : undefined;
  GRIDS[id] = {
    id,
    level,
    name,
    parentId,
    path: [...(parent?.path ?? []), id],
    pathNames: [...(parent?.pathNames ?? []), name],
    childCount: rows.filter((r) => r[3] === id).length,
    staff: [],
    version: 1,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

export const childrenOf = (id: string) => Object.values(GRIDS).filter((g) => g.parentId === id);

export const pathOf = (id: string) =>
  GRIDS[id].path.map((p) => ({ id: p, name: GRIDS[p].name, level: GRIDS[p].level }));

export const resident = (over: Partial<Me> = {}): Me => ({
  id: 'resident-demo',
  role: 'resident',
  name: '张秀兰',
  gridIds: [],
  ...over,
});

export const worker = (over: Partial<Me> = {}): Me => ({
  id: 'worker-demo',
  role: 'grid_worker',
  name: '李建国',
  gridIds: ['b1'],
  duties: ['informant', 'mediator'],
  ...over,
});
