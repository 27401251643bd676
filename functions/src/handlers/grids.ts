import { createAreaHandler } from '../http/handler';
import { bindUnit, readChildren, readGrid, readMe } from '../domain/grids';
import type { ListQuery } from '@gridlink/shared/common';

export const handler = createAreaHandler({
  'grids.me': async (ctx) => readMe(ctx.actor!),
  'grids.bindUnit': async (ctx) => bindUnit(ctx.actor!, (ctx.body as { unitId: string }).unitId, ctx.now),
  'grids.get': async (ctx) => readGrid(ctx.params.id as string),
  'grids.children': async (ctx) => readChildren(ctx.params.id as string, ctx.query as ListQuery),
});
