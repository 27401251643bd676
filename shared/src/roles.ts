import * as z from 'zod';

export const Role = z.enum([
  'resident',
  'grid_worker',
  'grid_leader',
  'agent',
  'community_admin',
  'street_admin',
  'district_admin',
  'office',
  'department',
]);
export type Role = z.infer<typeof Role>;

export const ROLE_NAMES: Record<Role, string> = {
  resident: '居民',
  grid_worker: '网格员',
  grid_leader: '网格长',
  agent: '红色代办员',
  community_admin: '社区工作人员',
  street_admin: '街道工作人员',
  district_admin: '区级工作人员',
  office: '便民服务窗口',
  department: '职能部门',
};

/** Roles that live in a unit (bind to one) rather than serve grids. */
export const UNIT_ROLES: readonly Role[] = ['resident', 'agent'];
/** Roles that serve grids (their `gridIds`). */
export const STAFF_ROLES: readonly Role[] = [
  'grid_worker',
  'grid_leader',
  'community_admin',
  'street_admin',
  'district_admin',
  'office',
  'department',
];

/** 网格五员: the five duties grid staff carry. */
export const Duty = z.enum(['publicist', 'informant', 'mediator', 'safety', 'service']);
export type Duty = z.infer<typeof Duty>;
export const DUTY_NAMES: Record<Duty, string> = {
  publicist: '宣传员',
  informant: '信息员',
  mediator: '调解员',
  safety: '安全员',
  service: '服务员',
};
