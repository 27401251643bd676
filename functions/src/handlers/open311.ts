import { createAreaHandler } from '../http/handler';
import { open311Routes } from '../routes/open311';
import type { Action } from '../http/context';
import { discovery, getRequests, oneRequest, postRequest, serviceDefinition, services } from '../domain/open311';

const baseUrl = (ctx: Parameters<Action>[0]) =>
  `https://${ctx.event.headers?.host ?? ctx.event.requestContext.domainName}`;

export const actions: Record<string, Action> = {
  'open311.discovery': async (ctx) => discovery(baseUrl(ctx)),
  'open311.services': async () => services(),
  'open311.service': async (ctx) => serviceDefinition(ctx.params.file as string),
  'open311.post': async (ctx) => postRequest(ctx.body as Record<string, string>, ctx.now),
  'open311.requests': async (ctx) => getRequests(ctx.query as never, ctx.now),
  'open311.request': async (ctx) => [await oneRequest(ctx.params.file as string)],
};

export const handler = createAreaHandler(actions, open311Routes);
