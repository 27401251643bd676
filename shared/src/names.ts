/**
 * The contract's enumerations and their Chinese display names, WITHOUT zod: the mini-program's
 * main package imports this file (zod would add ~88 KB there). Schema files build their zod
 * enums from these arrays, so there is one source for each list.
 */
export const ROLES = ['resident', 'grid_worker', 'grid_leader', 'agent', 'community_admin', 'street_admin', 'district_admin', 'office', 'department'] as const;
export type Role = (typeof ROLES)[number];
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
export const STAFF_ROLES: readonly Role[] = ['grid_worker', 'grid_leader', 'community_admin', 'street_admin', 'district_admin', 'office', 'department'];

/** 网格五员: the five duties grid staff carry. */
export const DUTIES = ['publicist', 'informant', 'mediator', 'safety', 'service'] as const;
export type Duty = (typeof DUTIES)[number];
export const DUTY_NAMES: Record<Duty, string> = { publicist: '宣传员', informant: '信息员', mediator: '调解员', safety: '安全员', service: '服务员' };

/** district › street › community › compound › area › building › unit */
export const GRID_LEVELS = ['district', 'street', 'community', 'compound', 'area', 'building', 'unit'] as const;
export type GridLevel = (typeof GRID_LEVELS)[number];
export const GRID_LEVEL_NAMES: Record<GridLevel, string> = { district: '区', street: '街道', community: '社区', compound: '小区', area: '片区', building: '楼栋', unit: '单元' };
/** The QR code on a unit door carries this link; opening it binds the resident to the unit. */
export const unitBindLink = (unitId: string) => `/pages/bind/index?unitId=${encodeURIComponent(unitId)}`;

/** Handling levels: 小事不出社区、大事不出街道、难事不出区 — escalation goes up one at a time. */
export const LEVELS = ['grid', 'community', 'street', 'district'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_NAMES: Record<Level, string> = { grid: '网格', community: '社区', street: '街道', district: '区' };

export const REQUEST_STATUSES = ['submitted', 'accepted', 'rejected', 'dispatched', 'resolved', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_NAMES: Record<RequestStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  rejected: '不予受理',
  dispatched: '已转办',
  resolved: '已办结待评价',
  closed: '已结案',
};
export const RATING_NAMES: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

export const APPLICATION_STATUSES = ['under_review', 'completed', 'rejected', 'returned'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_NAMES: Record<ApplicationStatus, string> = { under_review: '审核中', completed: '已办结', rejected: '未通过', returned: '待补正' };
