import * as z from 'zod';
import { Id, Timestamp } from './common';
import { Duty, Role } from './roles';
import { GRID_LEVELS } from './names';

export { GRID_LEVEL_NAMES, GRID_LEVELS, unitBindLink } from './names';

/** district › street › community › compound › area › building › unit */
export const GridLevel = z.enum(GRID_LEVELS);
export type GridLevel = z.infer<typeof GridLevel>;

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
