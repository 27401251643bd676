/**
 * Display names from @gridlink/shared, mirrored here WITHOUT zod: shared/src/roles.ts and grid.ts
 * build zod schemas at import time, which puts ~88 KB of zod into the main package.
 * Types come from shared (type-only imports cost nothing) and `names.test.ts` fails if a value
 * drifts from shared. Delete this file once shared offers a zod-free module with these constants.
 */
import type { GridLevel } from '@gridlink/shared/grid';
import type { Duty, Role } from '@gridlink/shared/roles';

export const ROLE_NAMES = {
  resident: '居民',
  grid_worker: '网格员',
  grid_leader: '网格长',
  agent: '红色代办员',
  community_admin: '社区工作人员',
  street_admin: '街道工作人员',
  district_admin: '区级工作人员',
  office: '便民服务窗口',
  department: '职能部门',
} satisfies Record<Role, string>;

export const DUTY_NAMES = {
  publicist: '宣传员',
  informant: '信息员',
  mediator: '调解员',
  safety: '安全员',
  service: '服务员',
} satisfies Record<Duty, string>;

export const GRID_LEVEL_NAMES = {
  district: '区',
  street: '街道',
  community: '社区',
  compound: '小区',
  area: '片区',
  building: '楼栋',
  unit: '单元',
} satisfies Record<GridLevel, string>;

/** Roles that live in a unit (bind to one) rather than serve grids. */
export const UNIT_ROLES: readonly Role[] = ['resident', 'agent'];
