import { CreateUploadBody, UploadTicket } from '@gridlink/shared/uploads';
import type { RouteDef } from './types';

export const uploadsRoutes: readonly RouteDef[] = [
  {
    id: 'uploads.create',
    method: 'POST',
    path: '/v1/uploads',
    area: 'uploads',
    auth: 'user',
    rateLimit: 60,
    body: CreateUploadBody,
    response: UploadTicket,
    status: 201,
    summary: '申请图片上传表单（预签名 POST：限定键、类型与大小）',
    tag: 'uploads',
  },
];
