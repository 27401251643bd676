/** 回访: after a 1–2 star rating the community calls the resident back; the outcome closes or reopens. */
import {
  callbackPut,
  getCallback,
  listCallbacks,
  listEscalatedCallbacks,
  overdueCallbacks,
  type CallbackItem,
} from '../../data/callbacks';
import { outboxPut } from '../../data/outbox';
import { DUE_SHARDS } from '../../data/requests';
import { workerStatsUpdate } from '../../data/worker-stats';
import { statsUpdates } from '../../data/stats';
import { CALLBACK_KIND_NAMES } from '@gridlink/shared/requests';
import { sweep } from '../workflow/sweep';
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
import { commit, expectVersion, plan, SYSTEM, type Binding, type MoveActor } from '../workflow/kernel';
import { moveRequest } from './commit';
import { inboxFor } from './routing';

const CALLBACK_ROLES: readonly string[] = LEADERS;

/** Call-backs are recorded on their request's timeline; their counters move with the request's. */
const CALLBACK_BINDING: Binding<CallbackItem> = {
  workflow: CALLBACK_WORKFLOW,
  put: (after, expected) => callbackPut(after, expected),
  // 待回访 for the community's staff; once escalated, for the street's
  derived: ({ before, after, move, now }) => {
    if (before && move !== 'escalate') return [];
    const kind = CALLBACK_KIND_NAMES[after.kind ?? 'low'];
    return [
      outboxPut({
        userIds: [],
        toGridStaff: [move === 'escalate' ? after.gridPath[1] : after.communityId],
        template: 'staff_task',
        title: move === 'escalate' ? `超时未回访：${after.requestSummary.categoryName}` : `待回访（${kind}）`,
        body: after.requestSummary.categoryName,
        page: '/pkg-staff/pages/callbacks/index',
        at: now,
      }),
    ];
  },
};

/** The call-back a 1–2★ rating opens, planned for the rating's transaction. */
export function planCallbackOpen(actor: MoveActor, callback: CallbackItem, now: string) {
  return plan(CALLBACK_BINDING, { move: 'open', actor, as: ['owner'], after: callback, now });
}

const view = ({ gridPath, handlerId, ...c }: CallbackItem) => c;

export async function listCommunityCallbacks(
  actor: Actor,
  q: PageRequest & { status?: 'open' | 'done'; communityId?: string; view?: 'community' | 'escalated' },
) {
  if (!CALLBACK_ROLES.includes(actor.role)) throw forbidden('只有社区工作人员可以回访');
  if (q.view === 'escalated') {
    // the street's: call-backs not done within 24 h
    const g = actor.gridIds[0] ? (await getGridItems([actor.gridIds[0]])).get(actor.gridIds[0]) : undefined;
    if (g?.level !== 'street') throw forbidden('只有街道工作人员查看超时回访');
    const p = await listEscalatedCallbacks(g.id, { limit: q.limit, cursor: q.cursor }, q.status);
    return { items: p.items.map(view), nextCursor: p.nextCursor };
  }
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
  if (cb.kind === 'audit' && cb.handlerId === actor.id) throw forbidden('被评价的工作人员不能做核查回访');
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

/**
 * Call-backs enforced: a 1–2★ call-back not done within 24 h escalates to the street (a notice to its
 * staff, listed for it) and is counted against the community (`callbacks_escalated` on its grid) and
 * the worker who resolved the request (`w_callbacks_missed`).
 */
export async function callbackSweep(now = new Date().toISOString()) {
  return sweep(
    DUE_SHARDS,
    (shard) => overdueCallbacks(shard, now),
    async (cb) => {
      const req = await getRequest(cb.requestId);
      await commit(CALLBACK_BINDING, {
        move: 'escalate',
        actor: SYSTEM,
        as: ['system'],
        before: cb,
        after: { ...cb, escalatedAt: now, level: 'street' },
        now,
        extra: [
          ...statsUpdates(cb.gridPath.slice(0, 3), { callbacks_escalated: 1 }, now),
          ...(req?.resolvedBy ? workerStatsUpdate(req.resolvedBy, now, { w_callbacks_missed: 1 }) : []),
        ],
      });
    },
  );
}
