import type { CreateProxyTaskBody } from '@gridlink/shared/proxy';
import { createAreaHandler } from '../http/handler';
import { proxyRoutes } from '../routes/proxy';
import type { Action } from '../http/context';
import { createTask, listTasks, moveTask, rateTask, readTask } from '../domain/proxy/tasks';
import type { ProxyMove } from '../domain/proxy/binding';
import {
  confirmFamilyLink,
  listRecipients,
  readRecipient,
  registerRecipient,
  requestFamilyLink,
} from '../domain/proxy/care';
import { agentProfile, applyAsAgent, approveAgent, listAgentApplications } from '../domain/proxy/agents';

const move =
  (m: ProxyMove): Action =>
  async (ctx) =>
    moveTask(ctx.actor!, ctx.params.id as string, m, ctx.body as never, ctx.now);

export const actions: Record<string, Action> = {
  'proxy.create': async (ctx) => createTask(ctx.actor!, ctx.body as CreateProxyTaskBody, ctx.now),
  'proxy.list': async (ctx) => listTasks(ctx.actor!, ctx.query as never),
  'proxy.get': async (ctx) => readTask(ctx.actor!, ctx.params.id as string),
  'proxy.claim': move('claim'),
  'proxy.start': move('start'),
  'proxy.complete': move('complete'),
  'proxy.confirm': move('confirm'),
  'proxy.cancel': move('cancel'),
  'proxy.rating': async (ctx) => {
    const b = ctx.body as { stars: number; comment?: string };
    return rateTask(ctx.actor!, ctx.params.id as string, b.stars, b.comment, ctx.now);
  },
  'proxy.registerRecipient': async (ctx) => registerRecipient(ctx.actor!, ctx.body as never, ctx.now),
  'proxy.recipients': async (ctx) => listRecipients(ctx.actor!, ctx.query as never),
  'proxy.recipient': async (ctx) => readRecipient(ctx.actor!, ctx.params.id as string),
  'proxy.familyRequest': async (ctx) => requestFamilyLink(ctx.actor!, ctx.params.id as string, ctx.now),
  'proxy.familyConfirm': async (ctx) =>
    confirmFamilyLink(ctx.actor!, ctx.params.id as string, ctx.params.userId as string, ctx.now),
  'proxy.agentApply': async (ctx) => applyAsAgent(ctx.actor!, ctx.body as never, ctx.now),
  'proxy.agentApplications': async (ctx) => listAgentApplications(ctx.actor!, ctx.query as never),
  'proxy.agentApprove': async (ctx) => approveAgent(ctx.actor!, ctx.params.id as string, ctx.now),
  'proxy.agent': async (ctx) => agentProfile(ctx.params.id as string),
};

export const handler = createAreaHandler(actions, proxyRoutes);
