import type { CreateApplicationBody } from '@gridlink/shared/applications';
import { createAreaHandler } from '../http/handler';
import { servicesRoutes } from '../routes/services';
import type { Action } from '../http/context';
import { getService, listServices } from '../data/services';
import { notFound } from '../http/errors';
import { apply } from '../domain/applications/apply';
import { listApplications, rateApplication, readApplication, review, supplement } from '../domain/applications/review';

type Review = { note?: string; version?: number };
const reviewAction =
  (move: 'approve' | 'reject' | 'return'): Action =>
  async (ctx) => {
    const b = ctx.body as Review;
    return review(ctx.actor!, ctx.params.id as string, move, b.note, b.version, ctx.now);
  };

export const actions: Record<string, Action> = {
  'services.list': async () => ({ items: await listServices() }),
  'services.get': async (ctx) =>
    (await getService(ctx.params.code as string)) ?? Promise.reject(notFound('事项不存在')),
  'services.apply': async (ctx) => apply(ctx.actor!, ctx.body as CreateApplicationBody, ctx.now),
  'services.applications': async (ctx) => listApplications(ctx.actor!, ctx.query as never),
  'services.application': async (ctx) => readApplication(ctx.actor!, ctx.params.id as string),
  'services.approve': reviewAction('approve'),
  'services.reject': reviewAction('reject'),
  'services.return': reviewAction('return'),
  'services.supplement': async (ctx) => supplement(ctx.actor!, ctx.params.id as string, ctx.body as never, ctx.now),
  'services.rating': async (ctx) => {
    const b = ctx.body as { stars: number; comment?: string };
    return rateApplication(ctx.actor!, ctx.params.id as string, b.stars, b.comment, ctx.now);
  },
};

export const handler = createAreaHandler(actions, servicesRoutes);
