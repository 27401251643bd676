/**
 * The contract's enumerations and their Chinese display names, WITHOUT zod: the mini-program's
 * main package imports this file (zod would add ~88 KB there). Schema files build their zod
 * enums from these arrays, so there is one source for each list.
 */
export const ROLES = [
  'resident',
  'grid_worker',
  'grid_leader',
  'agent',
  'community_admin',
  'street_admin',
  'district_admin',
  'office',
  'department',
] as const;
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
export const STAFF_ROLES: readonly Role[] = [
  'grid_worker',
  'grid_leader',
  'community_admin',
  'street_admin',
  'district_admin',
  'office',
  'department',
];

/** The roles staff administration may give (never district_admin, never residents), lowest first. */
export const MANAGED_ROLES = ['grid_worker', 'grid_leader', 'office', 'community_admin', 'street_admin'] as const;
/** Who may administer staff: these admins, each only roles strictly below their own. */
export const STAFF_ADMIN_RANK: Partial<Record<Role, number>> = {
  grid_worker: 0,
  grid_leader: 0,
  office: 0,
  community_admin: 1,
  street_admin: 2,
  district_admin: 3,
};

/** 网格五员: the five duties grid staff carry. */
export const DUTIES = ['publicist', 'informant', 'mediator', 'safety', 'service'] as const;
export type Duty = (typeof DUTIES)[number];
export const DUTY_NAMES: Record<Duty, string> = {
  publicist: '宣传员',
  informant: '信息员',
  mediator: '调解员',
  safety: '安全员',
  service: '服务员',
};

/** district › street › community › compound › area › building › unit */
export const GRID_LEVELS = ['district', 'street', 'community', 'compound', 'area', 'building', 'unit'] as const;
export type GridLevel = (typeof GRID_LEVELS)[number];
export const GRID_LEVEL_NAMES: Record<GridLevel, string> = {
  district: '区',
  street: '街道',
  community: '社区',
  compound: '小区',
  area: '片区',
  building: '楼栋',
  unit: '单元',
};
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
export const RATING_NAMES: Record<number, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

export const APPLICATION_STATUSES = ['under_review', 'completed', 'rejected', 'returned'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_NAMES: Record<ApplicationStatus, string> = {
  under_review: '审核中',
  completed: '已办结',
  rejected: '未通过',
  returned: '待补正',
};

export const PROXY_STATUSES = ['open', 'claimed', 'in_progress', 'done', 'confirmed', 'cancelled'] as const;
export type ProxyStatus = (typeof PROXY_STATUSES)[number];
export const PROXY_STATUS_NAMES: Record<ProxyStatus, string> = {
  open: '待认领',
  claimed: '已认领',
  in_progress: '办理中',
  done: '已办完待确认',
  confirmed: '已确认',
  cancelled: '已取消',
};
export const CONSENT_METHODS = ['in_app', 'witnessed_signature', 'family'] as const;
export const CONSENT_METHOD_NAMES: Record<(typeof CONSENT_METHODS)[number], string> = {
  in_app: '本人在小程序内授权',
  witnessed_signature: '本人签字（网格员见证）',
  family: '家属授权',
};

/** 矛盾纠纷: types, flow, who the parties are, where a failed mediation is referred on. */
export const DISPUTE_KINDS = ['neighbor', 'property', 'family', 'labor', 'other'] as const;
export type DisputeKind = (typeof DISPUTE_KINDS)[number];
export const DISPUTE_KIND_NAMES: Record<DisputeKind, string> = {
  neighbor: '邻里纠纷',
  property: '物业纠纷',
  family: '婚姻家庭纠纷',
  labor: '劳资纠纷',
  other: '其他纠纷',
};
export const DISPUTE_STATUSES = ['registered', 'mediating', 'agreed', 'failed', 'closed'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export const DISPUTE_STATUS_NAMES: Record<DisputeStatus, string> = {
  registered: '已登记',
  mediating: '调解中',
  agreed: '调解成功',
  failed: '调解未成',
  closed: '已回访结案',
};
export const PARTY_ROLES = ['applicant', 'respondent'] as const;
export const PARTY_ROLE_NAMES: Record<(typeof PARTY_ROLES)[number], string> = {
  applicant: '申请人',
  respondent: '被申请人',
};
export const REFERRALS = ['mediation_point', 'street', 'court'] as const;
export type Referral = (typeof REFERRALS)[number];
export const REFERRAL_NAMES: Record<Referral, string> = {
  mediation_point: '评理说事点（兼职律师、民警）',
  street: '街道调解',
  court: '诉讼引导',
};

/** 信访: flow, where it came from, how it arrived, online/offline handling, key cases. */
export const PETITION_STATUSES = ['registered', 'handling', 'replied', 'closed'] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];
export const PETITION_STATUS_NAMES: Record<PetitionStatus, string> = {
  registered: '已登记',
  handling: '办理中',
  replied: '已答复待评价',
  closed: '已办结',
};
export const PETITION_SOURCES = ['first_visit', 'street_forwarded'] as const;
export const PETITION_SOURCE_NAMES: Record<(typeof PETITION_SOURCES)[number], string> = {
  first_visit: '网格初访',
  street_forwarded: '街道转办',
};
export const PETITION_CHANNELS = ['visit', 'letter', 'phone', 'online'] as const;
export const PETITION_CHANNEL_NAMES: Record<(typeof PETITION_CHANNELS)[number], string> = {
  visit: '来访',
  letter: '来信',
  phone: '来电',
  online: '网上信访',
};
export const HANDLING_CHANNELS = ['offline', 'online'] as const;
export const HANDLING_CHANNEL_NAMES: Record<(typeof HANDLING_CHANNELS)[number], string> = {
  offline: '线下',
  online: '线上',
};
export const KEY_CASE_KINDS = ['key_person', 'backlog'] as const;
export const KEY_CASE_KIND_NAMES: Record<(typeof KEY_CASE_KINDS)[number], string> = {
  key_person: '重点信访人',
  backlog: '信访积案',
};
/** days allowed at each level before a petition is overdue and goes up one level */
export const PETITION_DUE_DAYS: Record<Level, number> = { grid: 7, community: 15, street: 30, district: 60 };
