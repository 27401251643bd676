import { ListQuery, page } from '@gridlink/shared/common';
import { Grid, GridParams } from '@gridlink/shared/grid';
import { BindUnitBody, Me } from '@gridlink/shared/me';
import { Message } from '@gridlink/shared/inbox';
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
