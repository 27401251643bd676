import { createAreaHandler } from '../http/handler';
import { devLogin, wechatLogin } from '../domain/auth';

export const handler = createAreaHandler({
  'auth.wechat': async (ctx) => wechatLogin((ctx.body as { code: string }).code, ctx.now),
  'auth.devLogin': async (ctx) => devLogin((ctx.body as { userId: string }).userId),
});
