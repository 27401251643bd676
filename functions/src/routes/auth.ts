import { DevLoginBody, LoginResult, WechatLoginBody } from '@gridlink/shared/me';
import type { RouteDef } from './types';

export const authRoutes: readonly RouteDef[] = [
  {
    id: 'auth.wechat',
    method: 'POST',
    path: '/v1/auth/wechat',
    area: 'auth',
    auth: 'public',
    body: WechatLoginBody,
    response: LoginResult,
    rateLimit: 20,
    summary: '微信登录 (code2Session)',
    tag: 'auth',
  },
  {
    id: 'auth.devLogin',
    method: 'POST',
    path: '/v1/auth/dev-login',
    area: 'auth',
    auth: 'public',
    stages: ['local', 'test'],
    body: DevLoginBody,
    response: LoginResult,
    rateLimit: 600,
    summary: '本地演示登录（仅本地环境）',
    tag: 'auth',
  },
];
