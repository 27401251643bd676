import { createAreaHandler } from '../http/handler';
import { statsRoutes } from '../routes/stats';
import type { Action } from '../http/context';
import { gridStats } from '../domain/stats';
import { populationStats } from '../domain/basedata/population';
import type { ListQuery } from '@gridlink/shared/common';

export const actions: Record<string, Action> = {
  'stats.grid': async (ctx) => gridStats(ctx.actor!, ctx.params.id as string),
  'stats.population': async (ctx) => populationStats(ctx.actor!, ctx.params.id as string, ctx.query as ListQuery),
};

export const handler = createAreaHandler(actions, statsRoutes);
