import type { ActionBody, CreateRequestBody, RequestAction } from '@gridlink/shared/requests';
import { REQUEST_CATEGORIES } from '@gridlink/shared/request-categories';
import { createAreaHandler } from '../http/handler';
import { requestsRoutes } from '../routes/requests';
import type { Action } from '../http/context';
import { createRequest, joinRequest, similarRequests } from '../domain/requests/create';
import { actOnRequest } from '../domain/requests/moves';
import { rateRequest } from '../domain/requests/rating';
import { listRequests, readRequest } from '../domain/requests/read';
import { completeCallback, listCommunityCallbacks } from '../domain/requests/callbacks';
import { setPublicSummary } from '../domain/requests/public-summary';
import { deptAct, listOverdueDepartments } from '../domain/requests/department';
import { listAllFiveWorkers, listFlagged, noteDepartmentMember, noteStaffDevice } from '../domain/requests/trust';
import type { DeptAction } from '@gridlink/shared/requests';

const deviceOf = (ctx: Parameters<Action>[0]) => {
  const d = ctx.event.headers?.['x-device-id'];
  return d && /^[A-Za-z0-9_-]{8,64}$/.test(d) ? d : undefined;
};

const dept =
  (action: DeptAction): Action =>
  async (ctx) =>
    deptAct(ctx.actor!, ctx.params.id as string, action, ctx.body as never, ctx.now);

const act =
  (action: RequestAction): Action =>
  async (ctx) =>
    actOnRequest(ctx.actor!, ctx.params.id as string, action, ctx.body as ActionBody, ctx.now);

export const actions: Record<string, Action> = {
  'requests.categories': async () => ({ items: REQUEST_CATEGORIES }),
  'requests.create': async (ctx) => createRequest(ctx.actor!, ctx.body as CreateRequestBody, ctx.now),
  'requests.list': async (ctx) => {
    // a staff member's device is remembered (one conditional Put per device): ratings from it are flagged
    await noteStaffDevice(ctx.actor!, deviceOf(ctx), ctx.now);
    await noteDepartmentMember(ctx.actor!, ctx.now);
    return listRequests(ctx.actor!, ctx.query as never);
  },
  'requests.similar': async (ctx) =>
    similarRequests(ctx.actor!, ctx.query.category as string, ctx.query.unitId as string | undefined),
  'requests.get': async (ctx) => readRequest(ctx.actor!, ctx.params.id as string),
  'requests.accept': act('accept'),
  'requests.reject': act('reject'),
  'requests.dispatch': act('dispatch'),
  'requests.resolve': act('resolve'),
  'requests.escalate': act('escalate'),
  'requests.sign': dept('sign'),
  'requests.return': dept('return'),
  'requests.extension': dept('extension'),
  'requests.approveExtension': dept('approveExtension'),
  'requests.refuseExtension': dept('refuseExtension'),
  'requests.overdueDepartments': async (ctx) => listOverdueDepartments(ctx.actor!, ctx.query as never),
  'requests.flaggedRatings': async (ctx) => listFlagged(ctx.actor!, ctx.query as never),
  'requests.allFiveWorkers': async (ctx) => listAllFiveWorkers(ctx.actor!, ctx.query as never),
  'requests.publicSummary': async (ctx) =>
    setPublicSummary(ctx.actor!, ctx.params.id as string, (ctx.body as { text: string }).text, ctx.now),
  'requests.rating': async (ctx) => {
    const b = ctx.body as { stars: number; comment?: string };
    return rateRequest(ctx.actor!, ctx.params.id as string, b.stars, b.comment, ctx.now, deviceOf(ctx));
  },
  'requests.join': async (ctx) => joinRequest(ctx.actor!, ctx.params.id as string, ctx.now),
  'requests.callbacks': async (ctx) => listCommunityCallbacks(ctx.actor!, ctx.query as never),
  'requests.callbackComplete': async (ctx) =>
    completeCallback(ctx.actor!, ctx.params.id as string, ctx.body as never, ctx.now),
};

export const handler = createAreaHandler(actions, requestsRoutes);
