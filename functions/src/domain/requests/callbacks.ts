/** 回访: after a 1–2 star rating the community calls the resident back; the outcome closes or reopens. */
import { callbackPut, getCallback, listCallbacks, type CallbackItem } from '../../data/callbacks';
import { getGridItems, staffedGrids } from '../../data/grids';
import { getRequest, type RequestItem } from '../../data/requests';
import type { PageRequest } from '../../data/query';
import { DomainError, forbidden, notFound } from '../errors';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { categoryByCode } from '@gridlink/shared/request-categories';
import { commitMove } from './commit';
import { inboxFor } from './routing';

const CALLBACK_ROLES = ['community_admin', 'grid_leader', 'street_admin', 'district_admin'];

const view = ({ gridPath, ...c }: CallbackItem) => c;

export async function listCommunityCallbacks(
  actor: Actor,
  q: PageRequest & { status?: 'open' | 'done'; communityId?: string },
) {
  if (!CALLBACK_ROLES.includes(actor.role)) throw forbidden('只有社区工作人员可以回访');
  const communityId = q.communityId ?? actor.gridIds[0];
  const community = communityId ? (await getGridItems([communityId])).get(communityId) : undefined;
  if (!community || community.level !== 'community') throw notFound('社区不存在');
  if (!inScope(actor, community.path)) throw forbidden('不在您负责的网格范围内');
  const p = await listCallbacks(communityId!, { limit: q.limit, cursor: q.cursor }, q.status);
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
  if (cb.status !== 'open') throw new DomainError('INVALID_TRANSITION', '该回访已完成');
  if (body.version !== undefined && body.version !== cb.version)
    throw new DomainError('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试');
  const req = await getRequest(cb.requestId);
  if (!req) throw notFound('诉求不存在');
  const done: CallbackItem = {
    ...cb,
    status: 'done',
    outcome: body.outcome,
    note: body.note,
    version: cb.version + 1,
    updatedAt: now,
  };
  const counters: Record<string, number> = { callbacks_open: -1, [`callbacks_${body.outcome}`]: 1 };
  let after: RequestItem = { ...req, version: req.version + 1, updatedAt: now };
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
  await commitMove({
    before: req,
    after,
    move: body.outcome === 'reopen' ? 'reopen' : 'callbackConfirm',
    actor,
    note: `回访：${body.note}`,
    now,
    counters,
    extra: [callbackPut(done, cb.version)],
  });
  return view(done);
}
