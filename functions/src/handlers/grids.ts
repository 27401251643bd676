import { createAreaHandler } from '../http/handler';
import { gridsRoutes } from '../routes/grids';
import type { Action } from '../http/context';
import { bindUnit, readChildren, readGrid, readMe, type BindEvidence } from '../domain/grids';
import type { ListQuery } from '@gridlink/shared/common';
import { listMessages } from '../data/messages';
import { confirmBinding, pendingBindings, unitQr } from '../domain/bindings';
import { readHouseholds, readPerson } from '../domain/basedata/households';
import { searchPersons, type SearchQuery } from '../domain/basedata/search';
import {
  changePerson,
  moveIn,
  moveOut,
  type MoveOut,
  type PersonChange,
  type PersonFields,
} from '../domain/basedata/changes';
import { staffActions } from './staff';

export const actions: Record<string, Action> = {
  'grids.me': async (ctx) => readMe(ctx.actor!),
  'grids.bindUnit': async (ctx) => {
    const { unitId, ...evidence } = ctx.body as { unitId: string } & BindEvidence;
    return bindUnit(ctx.actor!, unitId, evidence, ctx.now);
  },
  'grids.unitQr': async (ctx) => unitQr(ctx.actor!, ctx.params.id as string),
  'grids.pendingBindings': async (ctx) => pendingBindings(ctx.actor!, ctx.query as never),
  'grids.confirmBinding': async (ctx) =>
    confirmBinding(ctx.actor!, ctx.params.userId as string, (ctx.body as { unitId: string }).unitId, ctx.now),
  'grids.get': async (ctx) => readGrid(ctx.params.id as string),
  'grids.households': async (ctx) => readHouseholds(ctx.actor!, ctx.params.id as string),
  'grids.person': async (ctx) =>
    readPerson(
      ctx.actor!,
      ctx.params.id as string,
      ctx.params.pid as string,
      (ctx.query as { full?: string }).full === '1',
      ctx.now,
    ),
  'grids.searchPersons': async (ctx) =>
    searchPersons(ctx.actor!, ctx.params.id as string, ctx.query as unknown as SearchQuery),
  'grids.moveIn': async (ctx) => moveIn(ctx.actor!, ctx.params.id as string, ctx.body as PersonFields, ctx.now),
  'grids.changePerson': async (ctx) =>
    changePerson(ctx.actor!, ctx.params.id as string, ctx.params.pid as string, ctx.body as PersonChange, ctx.now),
  'grids.moveOut': async (ctx) =>
    moveOut(ctx.actor!, ctx.params.id as string, ctx.params.pid as string, ctx.body as MoveOut, ctx.now),
  'grids.messages': async (ctx) => listMessages(ctx.actor!.id, ctx.query as ListQuery),
  'grids.children': async (ctx) => readChildren(ctx.params.id as string, ctx.query as ListQuery),
};

Object.assign(actions, staffActions);

export const handler = createAreaHandler(actions, gridsRoutes);
