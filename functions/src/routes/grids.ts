import { ListQuery, page } from '@gridlink/shared/common';
import { Grid, GridParams } from '@gridlink/shared/grid';
import * as z from 'zod';
import { Id } from '@gridlink/shared/common';
import { BindUnitBody, ConfirmBindingBody, Me, PendingBinding, PendingBindingQuery, UnitQr } from '@gridlink/shared/me';
import { Message } from '@gridlink/shared/inbox';
import { Households, HouseholdPerson, PersonParams, PersonQuery } from '@gridlink/shared/basedata';
import { staffAdminRoutes } from './staff';
import type { RouteDef } from './types';

const STAFF_IN_GRID = ['grid_worker', 'grid_leader', 'community_admin', 'street_admin', 'district_admin'] as const;
const CONFIRMERS = ['grid_worker', 'grid_leader', 'community_admin'] as const;

/** area 'grids': me, my unit, the grid tree and my messages */
export const gridsRoutes: readonly RouteDef[] = [
  {
    id: 'grids.me',
    method: 'GET',
    path: '/v1/me',
    area: 'grids',
    auth: 'user',
    response: Me,
    summary: '我的信息',
    tag: 'me',
  },
  {
    id: 'grids.bindUnit',
    method: 'PUT',
    path: '/v1/me/unit',
    area: 'grids',
    auth: ['resident', 'agent'],
    // a wrong verification code or 姓名 + 身份证号 is a guess: few a minute
    rateLimit: 10,
    body: BindUnitBody,
    response: Me,
    summary: '绑定居住单元（带单元二维码核验码，或与人口信息相符的姓名和身份证号即时核验，否则待网格员核验）',
    tag: 'me',
  },
  {
    id: 'grids.unitQr',
    method: 'GET',
    path: '/v1/grids/{id}/qr',
    area: 'grids',
    auth: STAFF_IN_GRID,
    params: GridParams,
    response: UnitQr,
    summary: '单元二维码（张贴在楼栋内，居民扫码绑定即核验）',
    tag: 'grids',
  },
  {
    id: 'grids.pendingBindings',
    method: 'GET',
    path: '/v1/units/bindings',
    area: 'grids',
    auth: CONFIRMERS,
    query: PendingBindingQuery,
    response: page(PendingBinding),
    summary: '待核验的单元绑定',
    tag: 'grids',
  },
  {
    id: 'grids.confirmBinding',
    method: 'POST',
    path: '/v1/units/bindings/{userId}/confirm',
    area: 'grids',
    auth: CONFIRMERS,
    params: z.object({ userId: Id }),
    body: ConfirmBindingBody,
    response: PendingBinding,
    summary: '网格员核验居民的单元绑定',
    tag: 'grids',
  },
  {
    id: 'grids.get',
    method: 'GET',
    path: '/v1/grids/{id}',
    area: 'grids',
    auth: 'user',
    params: GridParams,
    response: Grid,
    summary: '网格详情（含网格员）',
    tag: 'grids',
  },
  {
    id: 'grids.children',
    method: 'GET',
    path: '/v1/grids/{id}/children',
    area: 'grids',
    auth: 'user',
    params: GridParams,
    query: ListQuery,
    response: page(Grid),
    summary: '下级网格',
    tag: 'grids',
  },
  {
    id: 'grids.households',
    method: 'GET',
    path: '/v1/grids/{id}/households',
    area: 'grids',
    auth: ['grid_worker', 'grid_leader', 'community_admin', 'street_admin', 'district_admin'],
    params: GridParams,
    response: Households,
    summary: '楼栋住户（房屋与人口，已脱敏；仅负责该网格的工作人员）',
    tag: 'grids',
  },
  {
    id: 'grids.person',
    method: 'GET',
    path: '/v1/grids/{id}/persons/{pid}',
    area: 'grids',
    auth: ['grid_worker', 'grid_leader', 'community_admin', 'street_admin', 'district_admin'],
    params: PersonParams,
    query: PersonQuery,
    response: HouseholdPerson,
    summary: '住户详情（?full=1 查看完整信息，记入审计）',
    tag: 'grids',
  },
  {
    id: 'grids.messages',
    method: 'GET',
    path: '/v1/messages',
    area: 'grids',
    auth: 'user',
    query: ListQuery,
    response: page(Message),
    summary: '我的消息',
    tag: 'me',
  },
  ...staffAdminRoutes,
];
