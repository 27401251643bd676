import * as z from 'zod';
import { Id, Timestamp } from './common';
import { Duty, Role } from './roles';

/** district › street › community › compound › area › building › unit */
export const GridLevel = z.enum(['district', 'street', 'community', 'compound', 'area', 'building', 'unit']);
export type GridLevel = z.infer<typeof GridLevel>;
export const GRID_LEVELS = GridLevel.options;

export const GRID_LEVEL_NAMES: Record<GridLevel, string> = {
  district: '区',
  street: '街道',
  community: '社区',
  compound: '小区',
  area: '片区',
  building: '楼栋',
  unit: '单元',
};

export const GridStaff = z.object({
  userId: Id,
  name: z.string(),
  role: Role,
  duties: z.array(Duty),
});

export const Grid = z.object({
  id: Id,
  level: GridLevel,
  name: z.string(),
  parentId: Id.nullable(),
  /** ids from the district down to this grid (inclusive) */
  path: z.array(Id),
  /** names along `path`, for display: 海州区 › 和平街道 › ... */
  pathNames: z.array(z.string()),
  childCount: z.number().int(),
  staff: z.array(GridStaff),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Grid = z.infer<typeof Grid>;

export const GridParams = z.object({ id: Id });

/** The QR code on a unit door carries this link; opening it binds the resident to the unit. */
export const unitBindLink = (unitId: string) => `/pages/bind/index?unitId=${encodeURIComponent(unitId)}`;
