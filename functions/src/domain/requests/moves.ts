/** The closed loop: accept / reject / dispatch / resolve / escalate, and the reporter's rating. */
import { categoryByCode, DEPARTMENTS } from '@gridlink/shared/request-categories';
import type { ActionBody, RequestAction } from '@gridlink/shared/requests';
import { staffedGrids } from '../../data/grids';
import { newId } from '../../data/ids';
import { getRequest, type RequestItem } from '../../data/requests';
import { badRequest, conflict, notFound } from '../errors';
import type { Actor } from '../../auth/actor';
import { expectVersion } from '../workflow/kernel';
import { planCallbackOpen } from './callbacks';
import { checkRequestMove, moveRequest } from './commit';
import { inboxFor, nextLevel } from './routing';
import { toResource } from './view';
import { checkPut } from '../moderation';

const hoursLater = (now: string, h: number) => new Date(Date.parse(now) + h * 3600_000).toISOString();

export async function loadForMove(id: string, version?: number): Promise<RequestItem> {
  const req = await getRequest(id);
  if (!req) throw notFound('诉求不存在');
  expectVersion(req, version);
  return req;
}

export async function actOnRequest(actor: Actor, id: string, action: RequestAction, body: ActionBody, now: string) {
  const req = await loadForMove(id, body.version);
  checkRequestMove(actor, req, action, body.note);
  const after: RequestItem = { ...req };
  const counters: Record<string, number> = {};
  switch (action) {
    case 'accept':
      counters.req_accepted_total = 1;
      break;
    case 'reject':
      after.dueAt = null;
      break;
    case 'dispatch': {
      const dept = body.departmentId ?? categoryByCode(req.category)?.departmentId;
      if (!dept || !Object.hasOwn(DEPARTMENTS, dept))
        throw badRequest('请选择职能部门', [{ path: 'departmentId', message: '不是有效的部门' }]);
      after.departmentId = dept;
      after.inbox = dept;
      counters.req_dispatched_total = 1;
      break;
    }
    case 'resolve':
      after.resolvedAt = now;
      after.lastLevel = req.level;
      after.dueAt = null;
      after.inbox =
        req.status === 'dispatched' ? inboxFor(req.level, req.gridPath, await staffedGrids(req.gridPath)) : req.inbox;
      counters.req_resolved_total = 1;
      counters.resolve_hours_sum = Math.round((Date.parse(now) - Date.parse(req.createdAt)) / 3600_000);
      if (!req.overdue && (!req.dueAt || now <= req.dueAt)) counters.req_resolved_on_time = 1;
      if (req.level === 'grid' || req.level === 'community') counters.req_resolved_in_community = 1; // 小事不出社区
      break;
    case 'escalate': {
      const level = nextLevel(req.level);
      if (!level) throw conflict('已在区级处理，不能再上报', 'INVALID_TRANSITION');
      Object.assign(after, escalated(req, level, now, await staffedGrids(req.gridPath)));
      counters.req_escalated = 1;
      break;
    }
  }
  return toResource(
    await moveRequest({ before: req, after, move: action, actor, note: body.note, now, counters }),
    actor.id,
  );
}

export function escalated(
  req: RequestItem,
  level: NonNullable<ReturnType<typeof nextLevel>>,
  now: string,
  staffed: Set<string>,
) {
  const sla = categoryByCode(req.category)?.slaHours[level] ?? 72;
  return {
    level,
    lastLevel: level,
    inbox: inboxFor(level, req.gridPath, staffed),
    dueAt: hoursLater(now, sla),
    overdue: false,
  };
}

/** The reporter rates a resolved request; 1–2 stars also open a call-back for the community. */
export async function rateRequest(actor: Actor, id: string, stars: number, comment: string | undefined, now: string) {
  const req = await loadForMove(id);
  checkRequestMove(actor, req, 'rate', undefined, '只有提出诉求的居民可以评价');
  const after: RequestItem = { ...req, rating: { stars, ...(comment ? { comment } : {}), at: now } };
  // a comment others may read is checked after the write (domain/moderation.ts)
  const check = comment && req.moderation ? [checkPut(req, 'rating', now, { content: comment }, actor.id)] : [];
  if (check.length) after.moderation = { ...req.moderation!, rating: 'pending' };
  let callback: ReturnType<typeof planCallbackOpen> | undefined;
  const counters: Record<string, number> = { rated: 1, stars_sum: stars, [`stars_${stars}`]: 1 };
  if (stars <= 2) {
    const callbackId = newId(Date.parse(now));
    after.callbackId = callbackId;
    callback = planCallbackOpen(
      actor,
      {
        id: callbackId,
        requestId: req.id,
        status: 'open',
        communityId: req.gridPath[2],
        gridPath: req.gridPath,
        stars,
        dueAt: hoursLater(now, 24),
        version: 1,
        createdAt: now,
        updatedAt: now,
        requestSummary: {
          category: req.category,
          categoryName: req.categoryName,
          description: req.description.slice(0, 100),
          unitName: req.unitName,
        },
      },
      now,
    );
    counters.callbacks_open = 1;
    counters.callbacks_total = 1;
  }
  const input = { before: req, after, move: 'rate' as const, actor, note: comment, now, counters };
  const moved = await moveRequest(input, ...(callback ? [callback] : []), { items: check });
  return toResource(moved, actor.id);
}
