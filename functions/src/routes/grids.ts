import { ListQuery, page } from '@gridlink/shared/common';
import { Grid, GridParams } from '@gridlink/shared/grid';
import { BindUnitBody, Me } from '@gridlink/shared/me';
import { Message } from '@gridlink/shared/inbox';
import { Households, HouseholdPerson, PersonParams, PersonQuery } from '@gridlink/shared/basedata';
import type { RouteDef } from './types';

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
    body: BindUnitBody,
    response: Me,
    summary: '绑定居住单元',
    tag: 'me',
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
];
