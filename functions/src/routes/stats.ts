import { GridParams } from '@gridlink/shared/grid';
import { GridStats } from '@gridlink/shared/stats';
import { ListQuery } from '@gridlink/shared/common';
import { PopulationStats } from '@gridlink/shared/basedata';
import type { RouteDef } from './types';

export const statsRoutes: readonly RouteDef[] = [
  {
    id: 'stats.grid',
    method: 'GET',
    path: '/v1/stats/grids/{id}',
    area: 'stats',
    auth: ['grid_worker', 'grid_leader', 'community_admin', 'street_admin', 'district_admin', 'office'],
    params: GridParams,
    response: GridStats,
    summary: '网格统计（本级及下级）',
    tag: 'stats',
  },
  {
    id: 'stats.population',
    method: 'GET',
    path: '/v1/stats/grids/{id}/population',
    area: 'stats',
    auth: ['grid_worker', 'grid_leader', 'community_admin', 'street_admin', 'district_admin'],
    params: GridParams,
    query: ListQuery,
    response: PopulationStats,
    summary: '人口与房屋统计（户数、人数、流动人口、独居老人、残疾人、出租房屋；本级与各下级网格）',
    tag: 'stats',
  },
];
