/** 回访: after a 1–2 star rating the community calls the resident back; the outcome closes or reopens. */
import { callbackPut, getCallback, listCallbacks, type CallbackItem } from '../../data/callbacks';
import { getGridItems, staffedGrids } from '../../data/grids';
import { getRequest, type RequestItem } from '../../data/requests';
import type { PageRequest } from '../../data/query';
import { servedCommunities } from '../staff/served';
import { forbidden, notFound } from '../errors';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { categoryByCode } from '@gridlink/shared/request-categories';
import { CALLBACK_WORKFLOW } from '@gridlink/shared/workflows/requests';
import { LEADERS } from '@gridlink/shared/workflows/roles';
import { expectVersion, plan, type Binding, type MoveActor } from '../workflow/kernel';
import { moveRequest } from './commit';
import { inboxFor } from './routing';

const CALLBACK_ROLES: readonly string[] = LEADERS;

/** Call-backs are recorded on their request's timeline; their counters move with the request's. */
const CALLBACK_BINDING: Binding<CallbackItem> = {
  workflow: CALLBACK_WORKFLOW,
  put: (after, expected) => callbackPut(after, expected),
};

/** The call-back a 1–2★ rating opens, planned for the rating's transaction. */
export function planCallbackOpen(actor: MoveActor, callback: CallbackItem, now: string) {
  return plan(CALLBACK_BINDING, { move: 'open', actor, as: ['owner'], after: callback, now });
}

const view = ({ gridPath, ...c }: CallbackItem) => c;

export async function listCommunityCallbacks(
  actor: Actor,
  q: PageRequest & { status?: 'open' | 'done'; communityId?: string },
) {
  if (!CALLBACK_ROLES.includes(actor.role)) throw forbidden('只有社区工作人员可以回访');
  // the community asked for, else every community of the grids served (merged newest first)
  let communities = await servedCommunities(actor);
  if (q.communityId || !communities.length) {
    const communityId = q.communityId ?? actor.gridIds[0];
    const community = communityId ? (await getGridItems([communityId])).get(communityId) : undefined;
    if (!community || community.level !== 'community') throw notFound('社区不存在');
    if (!inScope(actor, community.path)) throw forbidden('不在您负责的网格范围内');
    communities = [community.id];
  }
  const p = await listCallbacks(communities, { limit: q.limit, cursor: q.cursor }, q.status);
  return { items: p.items.map(view), nextCursor: p.nextCursor };
}

export async function completeCallback(
  actor: Actor,
  id: string,
  body: { outcome: 'confirmed' | 'reopen'; note: string; version?: number },
  now: string,
) {
  if (!CALLBACK_ROLES.includes(actor.role)) throw forbidden('只有社区工作人员可以回访');
  const cb = await getCallback(id);
  if (!cb) throw notFound('回访不存在');
  if (!inScope(actor, cb.gridPath)) throw forbidden('不在您负责的网格范围内');
  expectVersion(cb, body.version);
  const req = await getRequest(cb.requestId);
  if (!req) throw notFound('诉求不存在');
  const done = plan(CALLBACK_BINDING, {
    move: body.outcome,
    actor,
    as: [actor.role],
    before: cb,
    after: { ...cb, outcome: body.outcome, note: body.note },
    note: body.note,
    now,
  });
  const counters: Record<string, number> = { callbacks_open: -1, [`callbacks_${body.outcome}`]: 1 };
  let after: RequestItem = { ...req };
  if (body.outcome === 'reopen') {
    const staffed = await staffedGrids(req.gridPath);
    const sla = categoryByCode(req.category)?.slaHours[req.lastLevel] ?? 72;
    after = {
      ...after,
      status: 'accepted',
      level: req.lastLevel,
      inbox: inboxFor(req.lastLevel, req.gridPath, staffed),
      dueAt: new Date(Date.parse(now) + sla * 3600_000).toISOString(),
      overdue: false,
      reopenCount: req.reopenCount + 1,
      rating: undefined,
      resolvedAt: undefined,
      callbackId: undefined,
    };
    counters.reopened = 1;
  }
  const move = body.outcome === 'reopen' ? 'reopen' : 'callbackConfirm';
  await moveRequest({ before: req, after, move, actor, note: `回访：${body.note}`, now, counters }, done);
  return view(done.item);
}
