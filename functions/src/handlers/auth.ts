import { createAreaHandler } from '../http/handler';
import { authRoutes } from '../routes/auth';
import type { Action } from '../http/context';
import { devLogin, wechatLogin } from '../domain/auth';

export const actions: Record<string, Action> = {
  'auth.wechat': async (ctx) => wechatLogin((ctx.body as { code: string }).code, ctx.now),
  'auth.devLogin': async (ctx) => devLogin((ctx.body as { userId: string }).userId),
};

export const handler = createAreaHandler(actions, authRoutes);
