/** Staff administration actions (area 'grids': handlers/grids.ts serves them). */
import type { Action } from '../http/context';
import { createStaff, listStaff, readStaff, retireStaff, setSuspended, updateStaff } from '../domain/staff/admin';

const uid = (ctx: Parameters<Action>[0]) => ctx.params.userId as string;

export const staffActions: Record<string, Action> = {
  'grids.staffList': async (ctx) => listStaff(ctx.actor!, ctx.query as never),
  'grids.staffCreate': async (ctx) => createStaff(ctx.actor!, ctx.body as never, ctx.now),
  'grids.staffGet': async (ctx) => readStaff(ctx.actor!, uid(ctx)),
  'grids.staffUpdate': async (ctx) => updateStaff(ctx.actor!, uid(ctx), ctx.body as never, ctx.now),
  'grids.staffSuspend': async (ctx) => setSuspended(ctx.actor!, uid(ctx), ctx.body as never, true, ctx.now),
  'grids.staffReactivate': async (ctx) => setSuspended(ctx.actor!, uid(ctx), ctx.body as never, false, ctx.now),
  'grids.staffRetire': async (ctx) => retireStaff(ctx.actor!, uid(ctx), ctx.body as never, ctx.now),
};
