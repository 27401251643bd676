import * as z from 'zod';
import { ListQuery, page } from '@gridlink/shared/common';
import { CreateImportBody, CreatedImport, ImportJob, ImportTemplate } from '@gridlink/shared/imports';
import { IdParams } from './params';
import type { RouteDef } from './types';

const ADMINS = ['community_admin', 'street_admin', 'district_admin'] as const;

/** area 'imports': the admin upload of base data (issue 13); the job itself runs in the import function */
export const importsRoutes: readonly RouteDef[] = [
  {
    id: 'imports.create',
    method: 'POST',
    path: '/v1/imports',
    area: 'imports',
    auth: ADMINS,
    rateLimit: 30,
    body: CreateImportBody,
    response: CreatedImport,
    status: 201,
    summary: '新建基础数据导入任务，并申请文件上传表单（预签名 POST，≤ 50 MB）',
    tag: 'imports',
  },
  {
    id: 'imports.template',
    method: 'GET',
    path: '/v1/imports/template',
    area: 'imports',
    auth: ADMINS,
    response: ImportTemplate,
    summary: '导入模板下载链接（.xlsx，四个工作表的表头和示例行，5 分钟内有效）',
    tag: 'imports',
  },
  {
    id: 'imports.list',
    method: 'GET',
    path: '/v1/imports',
    area: 'imports',
    auth: ADMINS,
    query: ListQuery,
    response: page(ImportJob),
    summary: '我的导入任务（新的在前）',
    tag: 'imports',
  },
  {
    id: 'imports.start',
    method: 'POST',
    path: '/v1/imports/{id}/start',
    area: 'imports',
    auth: ADMINS,
    rateLimit: 30,
    params: IdParams,
    response: ImportJob,
    summary: '开始导入（幂等：已排队、进行中或已完成的任务原样返回；失败的任务重新开始）',
    tag: 'imports',
  },
  {
    id: 'imports.get',
    method: 'GET',
    path: '/v1/imports/{id}',
    area: 'imports',
    auth: ADMINS,
    params: IdParams,
    response: ImportJob,
    summary: '导入任务：状态、进度、计数和前 100 个问题',
    tag: 'imports',
  },
  {
    id: 'imports.report',
    method: 'GET',
    path: '/v1/imports/{id}/report',
    area: 'imports',
    auth: ADMINS,
    params: IdParams,
    response: z.string().describe('text/csv：工作表, 行, 列, 值, 问题（个人信息已脱敏）'),
    summary: '下载完整导入报告（CSV）',
    tag: 'imports',
  },
];
