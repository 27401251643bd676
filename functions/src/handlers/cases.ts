/** 矛盾纠纷 and 信访: one Lambda function for both (area 'cases'). */
import type { CaseListQuery } from '@gridlink/shared/cases';
import { createAreaHandler } from '../http/handler';
import { casesRoutes } from '../routes/cases';
import type { Action, RequestContext } from '../http/context';
import { actOnDispute, createDispute } from '../domain/cases/disputes';
import { actOnPetition, createPetition, flagKeyCase, ratePetition } from '../domain/cases/petitions';
import { caseAudit, listCaseItems, readCase } from '../domain/cases/read';
import type { DisputeMove } from '../domain/cases/disputes';

const id = (ctx: RequestContext) => ctx.params.id as string;
const dispute =
  (move: DisputeMove): Action =>
  async (ctx) =>
    actOnDispute(ctx.actor!, id(ctx), move, ctx.body as never, ctx.now);
const petition =
  (move: 'accept' | 'progress' | 'escalate' | 'reply'): Action =>
  async (ctx) =>
    actOnPetition(ctx.actor!, id(ctx), move, ctx.body as never, ctx.now);

export const actions: Record<string, Action> = {
  'cases.createDispute': async (ctx) => createDispute(ctx.actor!, ctx.body as never, ctx.now),
  'cases.listDisputes': async (ctx) => listCaseItems(ctx.actor!, 'dispute', ctx.query as CaseListQuery),
  'cases.getDispute': async (ctx) => readCase(ctx.actor!, 'dispute', id(ctx)),
  'cases.disputeSession': dispute('session'),
  'cases.disputeEscalate': dispute('escalate'),
  'cases.disputeAgree': dispute('agree'),
  'cases.disputeFail': dispute('fail'),
  'cases.disputeClose': dispute('close'),
  'cases.createPetition': async (ctx) => createPetition(ctx.actor!, ctx.body as never, ctx.now),
  'cases.listPetitions': async (ctx) => listCaseItems(ctx.actor!, 'petition', ctx.query as CaseListQuery),
  'cases.getPetition': async (ctx) => readCase(ctx.actor!, 'petition', id(ctx)),
  'cases.petitionAccept': petition('accept'),
  'cases.petitionProgress': petition('progress'),
  'cases.petitionEscalate': petition('escalate'),
  'cases.petitionReply': petition('reply'),
  'cases.petitionKey': async (ctx) => flagKeyCase(ctx.actor!, id(ctx), ctx.body as never, ctx.now),
  'cases.petitionRating': async (ctx) => ratePetition(ctx.actor!, id(ctx), ctx.body as never, ctx.now),
  'cases.petitionReads': async (ctx) => caseAudit(ctx.actor!, 'petition', id(ctx), ctx.query as never),
};

export const handler = createAreaHandler(actions, casesRoutes);
