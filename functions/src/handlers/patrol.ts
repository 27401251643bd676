/** 巡查, 考勤, 请假, 点调, 走访: one Lambda function (area 'patrol'). */
import type { ListQuery } from '@gridlink/shared/common';
import { createAreaHandler } from '../http/handler';
import { patrolRoutes } from '../routes/patrol';
import type { Action, RequestContext } from '../http/context';
import {
  activeInScope,
  checkIn,
  getPatrolView,
  myPatrols,
  patrolEvent,
  readTrack,
  startPatrol,
  stopPatrol,
  uploadPoints,
} from '../domain/patrol/patrols';
import { addKeyPoint, readSetup, removePlan, setGeo, setPlan } from '../domain/patrol/setup';
import {
  applyLeave,
  cancelLeave,
  clock,
  decideLeave,
  listLeaves,
  monthlySheet,
  monthlySheetXlsx,
} from '../domain/patrol/attendance';
import { answerCall, callWorker, myCalls, readCall } from '../domain/patrol/pointcall';
import { listVisits, logVisit, overdueVisits } from '../domain/patrol/visits';

const id = (ctx: RequestContext) => ctx.params.id as string;
const b = <T>(ctx: RequestContext) => ctx.body as T;
const q = (ctx: RequestContext) =>
  ctx.query as ListQuery & { gridId?: string; buildingId?: string; month?: string; userId?: string };

export const actions: Record<string, Action> = {
  'patrol.start': async (ctx) => startPatrol(ctx.actor!, b(ctx), ctx.now),
  'patrol.mine': async (ctx) => myPatrols(ctx.actor!, q(ctx)),
  'patrol.active': async (ctx) => activeInScope(ctx.actor!, q(ctx).gridId, q(ctx)),
  'patrol.get': async (ctx) => getPatrolView(ctx.actor!, id(ctx)),
  'patrol.track': async (ctx) => readTrack(ctx.actor!, id(ctx)),
  'patrol.points': async (ctx) => uploadPoints(ctx.actor!, id(ctx), b<{ points: never[] }>(ctx).points, ctx.now),
  'patrol.stop': async (ctx) => stopPatrol(ctx.actor!, id(ctx), ctx.now),
  'patrol.checkin': async (ctx) => checkIn(ctx.actor!, id(ctx), b(ctx), ctx.now),
  'patrol.event': async (ctx) => patrolEvent(ctx.actor!, id(ctx), b(ctx), ctx.now),
  'patrol.setup': async (ctx) => readSetup(ctx.actor!, id(ctx)),
  'patrol.setGeo': async (ctx) => setGeo(ctx.actor!, id(ctx), b(ctx), ctx.now),
  'patrol.addPoint': async (ctx) => addKeyPoint(ctx.actor!, id(ctx), b(ctx), ctx.now),
  'patrol.setPlan': async (ctx) => setPlan(ctx.actor!, id(ctx), b(ctx), ctx.now),
  'patrol.removePlan': async (ctx) => removePlan(ctx.actor!, id(ctx), ctx.now),
  'patrol.clock': async (ctx) => clock(ctx.actor!, b(ctx), ctx.now),
  'patrol.sheet': async (ctx) => monthlySheet(ctx.actor!, q(ctx).userId, q(ctx).month!),
  'patrol.sheetXlsx': async (ctx) => monthlySheetXlsx(ctx.actor!, q(ctx).userId, q(ctx).month!, ctx.now),
  'patrol.applyLeave': async (ctx) => applyLeave(ctx.actor!, b(ctx), ctx.now),
  'patrol.leaves': async (ctx) => listLeaves(ctx.actor!, q(ctx).gridId, q(ctx)),
  'patrol.approveLeave': async (ctx) =>
    decideLeave(ctx.actor!, id(ctx), 'approve', b<{ note?: string }>(ctx).note, ctx.now),
  'patrol.refuseLeave': async (ctx) =>
    decideLeave(ctx.actor!, id(ctx), 'refuse', b<{ note?: string }>(ctx).note, ctx.now),
  'patrol.cancelLeave': async (ctx) => cancelLeave(ctx.actor!, id(ctx), ctx.now),
  'patrol.call': async (ctx) => callWorker(ctx.actor!, b(ctx), ctx.now),
  'patrol.calls': async (ctx) => myCalls(ctx.actor!, q(ctx)),
  'patrol.getCall': async (ctx) => readCall(ctx.actor!, id(ctx)),
  'patrol.answer': async (ctx) => answerCall(ctx.actor!, id(ctx), b(ctx), ctx.now),
  'patrol.visit': async (ctx) => logVisit(ctx.actor!, b(ctx), ctx.now),
  'patrol.visits': async (ctx) => listVisits(ctx.actor!, q(ctx).buildingId!, q(ctx)),
  'patrol.overdueVisits': async (ctx) => overdueVisits(ctx.actor!, q(ctx).buildingId!, ctx.now),
};

export const handler = createAreaHandler(actions, patrolRoutes);
