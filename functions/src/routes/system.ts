import { Health } from '@gridlink/shared/common';
import type { RouteDef } from './types';

export const systemRoutes: readonly RouteDef[] = [
  {
    id: 'system.health',
    method: 'GET',
    path: '/v1/health',
    area: 'system',
    auth: 'public',
    response: Health,
    summary: '健康检查',
    tag: 'system',
  },
  {
    id: 'system.openapi',
    cacheSeconds: 300,
    method: 'GET',
    path: '/openapi.json',
    area: 'system',
    auth: 'public',
    summary: 'OpenAPI 文档',
    tag: 'system',
  },
];
