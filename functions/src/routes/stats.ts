import { GridParams } from '@gridlink/shared/grid';
import { GridStats } from '@gridlink/shared/stats';
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
];
