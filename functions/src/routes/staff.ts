/** Staff administration (实名动态管理): part of area 'grids' (routes/grids.ts joins them in). */
import { page } from '@gridlink/shared/common';
import {
  CreateStaffBody,
  RetireStaffBody,
  StaffAssignment,
  StaffChange,
  StaffMember,
  StaffParams,
  StaffQuery,
  StaffStatusBody,
  UpdateStaffBody,
} from '@gridlink/shared/staff';
import type { RouteDef } from './types';

const ADMINS = ['community_admin', 'street_admin', 'district_admin'] as const;
const base = { area: 'grids', auth: ADMINS, tag: 'staff' } as const;

export const staffAdminRoutes: readonly RouteDef[] = [
  {
    ...base,
    id: 'grids.staffList',
    method: 'GET',
    path: '/v1/staff',
    query: StaffQuery,
    response: page(StaffAssignment),
    summary: '网格及下级网格的工作人员（手机号已脱敏；仅管理员，限本人负责范围）',
  },
  {
    ...base,
    id: 'grids.staffCreate',
    method: 'POST',
    path: '/v1/staff',
    body: CreateStaffBody,
    response: StaffMember,
    status: 201,
    summary: '新增工作人员（姓名、手机号、角色、负责网格、五员职责；记入审计）',
  },
  {
    ...base,
    id: 'grids.staffGet',
    method: 'GET',
    path: '/v1/staff/{userId}',
    params: StaffParams,
    response: StaffMember,
    summary: '工作人员详情（手机号已脱敏）',
  },
  {
    ...base,
    id: 'grids.staffUpdate',
    method: 'PUT',
    path: '/v1/staff/{userId}',
    params: StaffParams,
    body: UpdateStaffBody,
    response: StaffChange,
    summary: '调整负责网格、角色或五员职责（移出网格须指定接替人员，待办随之移交；记入审计）',
  },
  {
    ...base,
    id: 'grids.staffSuspend',
    method: 'POST',
    path: '/v1/staff/{userId}/suspend',
    params: StaffParams,
    body: StaffStatusBody,
    response: StaffMember,
    summary: '停用工作人员（其登录立即失效；记入审计）',
  },
  {
    ...base,
    id: 'grids.staffReactivate',
    method: 'POST',
    path: '/v1/staff/{userId}/reactivate',
    params: StaffParams,
    body: StaffStatusBody,
    response: StaffMember,
    summary: '恢复已停用的工作人员（记入审计）',
  },
  {
    ...base,
    id: 'grids.staffRetire',
    method: 'POST',
    path: '/v1/staff/{userId}/retire',
    params: StaffParams,
    body: RetireStaffBody,
    response: StaffChange,
    summary: '离岗交接：停用并移出全部网格，待办诉求、调解、包案信访移交接替人员（逐件记入时间线与审计）',
  },
];
