import * as z from 'zod';
import type { RouteDef } from './types';

/** WeChat's message push (plain-text mode): the signature WeChat puts on every call */
const PushQuery = z.object({
  signature: z.string().max(64).optional(),
  timestamp: z.string().max(20).optional(),
  nonce: z.string().max(40).optional(),
  echostr: z.string().max(200).optional(),
  openid: z.string().max(64).optional(),
});

/** callbacks from WeChat's servers (area 'wechat'): the asynchronous media-check verdicts */
export const wechatRoutes: readonly RouteDef[] = [
  {
    id: 'wechat.verify',
    method: 'GET',
    path: '/wechat/push',
    area: 'wechat',
    auth: 'public',
    query: PushQuery,
    summary: '微信消息推送：服务器地址校验（签名正确时原样返回 echostr）',
    tag: 'wechat',
  },
  {
    id: 'wechat.push',
    method: 'POST',
    path: '/wechat/push',
    area: 'wechat',
    auth: 'public',
    rateLimit: 600,
    query: PushQuery,
    body: z.record(z.string(), z.unknown()),
    summary: '微信消息推送：内容安全异步检测结果（wxa_media_check，需签名）',
    tag: 'wechat',
  },
];
