import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createAreaHandler } from '../http/handler';
import { wechatRoutes } from '../routes/wechat';
import type { Action } from '../http/context';
import { receivePush, verifyPush } from '../domain/moderation';

type Q = { signature?: string; timestamp?: string; nonce?: string; echostr?: string };

export const actions: Record<string, Action> = {
  'wechat.verify': async (ctx) => {
    await verifyPush(ctx.query as Q);
    return (ctx.query as Q).echostr ?? '';
  },
  'wechat.push': async (ctx) => {
    await verifyPush(ctx.query as Q);
    await receivePush(ctx.body as never);
    return 'success';
  },
};

const inner = createAreaHandler(actions, wechatRoutes);

/** WeChat reads the answer as plain text ('success', or the echostr), not as JSON. */
export async function handler(event: APIGatewayProxyEventV2, context: Context) {
  const res = (await inner(event, context)) as APIGatewayProxyStructuredResultV2;
  if (res.statusCode === 200 && typeof res.body === 'string') {
    res.body = String(JSON.parse(res.body));
    res.headers = { ...res.headers, 'content-type': 'text/plain; charset=utf-8' };
  }
  return res;
}
