import * as z from 'zod';
import { page } from '@gridlink/shared/common';
import {
  Application,
  ApplicationListQuery,
  CreateApplicationBody,
  ReviewBody,
  SupplementBody,
} from '@gridlink/shared/applications';
import { RatingBody } from '@gridlink/shared/handling';
import { ServiceDef } from '@gridlink/shared/service-def';
import { IdParams } from './params';
import type { RouteDef } from './types';

const REVIEW_SUMMARY = { approve: '审核通过', reject: '不予通过（需原因）', return: '退回补正（写明缺什么）' };

/** 便民服务 (area 'services'): the catalogue and applications (办件) */
export const servicesRoutes: readonly RouteDef[] = [
  {
    id: 'services.list',
    cacheSeconds: 300,
    method: 'GET',
    path: '/v1/services',
    area: 'services',
    auth: 'public',
    response: z.object({ items: z.array(ServiceDef) }),
    summary: '41 项便民服务事项（含表单字段）',
    tag: 'services',
  },
  {
    id: 'services.get',
    cacheSeconds: 300,
    method: 'GET',
    path: '/v1/services/{code}',
    area: 'services',
    auth: 'public',
    params: z.object({ code: z.string().regex(/^[a-z0-9-]{1,60}$/) }),
    response: ServiceDef,
    summary: '事项详情',
    tag: 'services',
  },
  {
    id: 'services.apply',
    method: 'POST',
    path: '/v1/applications',
    area: 'services',
    auth: ['resident', 'agent'],
    idempotent: true,
    rateLimit: 30,
    body: CreateApplicationBody,
    response: Application,
    status: 201,
    summary: '申请办理（网上直办事项即时办结）',
    tag: 'applications',
  },
  {
    id: 'services.applications',
    method: 'GET',
    path: '/v1/applications',
    area: 'services',
    auth: 'user',
    query: ApplicationListQuery,
    response: page(Application),
    summary: '我的办件 / 审核队列',
    tag: 'applications',
  },
  {
    id: 'services.application',
    method: 'GET',
    path: '/v1/applications/{id}',
    area: 'services',
    auth: 'user',
    params: IdParams,
    response: Application,
    summary: '办件详情',
    tag: 'applications',
  },
  ...(['approve', 'reject', 'return'] as const).map((a): RouteDef => ({
    id: `services.${a}`,
    method: 'POST',
    path: `/v1/applications/{id}/${a}`,
    area: 'services',
    auth: ['office'],
    params: IdParams,
    body: ReviewBody,
    response: Application,
    summary: REVIEW_SUMMARY[a],
    tag: 'applications',
  })),
  {
    id: 'services.supplement',
    method: 'POST',
    path: '/v1/applications/{id}/supplement',
    area: 'services',
    auth: ['resident', 'agent'],
    params: IdParams,
    body: SupplementBody,
    response: Application,
    summary: '补正后重新提交',
    tag: 'applications',
  },
  {
    id: 'services.rating',
    method: 'POST',
    path: '/v1/applications/{id}/rating',
    area: 'services',
    auth: ['resident', 'agent'],
    params: IdParams,
    body: RatingBody,
    response: Application,
    summary: '办件评价',
    tag: 'applications',
  },
];
