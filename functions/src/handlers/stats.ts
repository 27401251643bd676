import { createAreaHandler } from '../http/handler';
import { statsRoutes } from '../routes/stats';
import type { Action } from '../http/context';
import { gridStats } from '../domain/stats';

export const actions: Record<string, Action> = {
  'stats.grid': async (ctx) => gridStats(ctx.actor!, ctx.params.id as string),
};

export const handler = createAreaHandler(actions, statsRoutes);
