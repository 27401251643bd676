/** The closed loop: accept / reject / dispatch / resolve / escalate, and the reporter's rating. */
import { categoryByCode, DEPARTMENTS } from '@gridlink/shared/request-categories';
import { LEVEL_NAMES, type ActionBody, type RequestAction } from '@gridlink/shared/requests';
import { callbackPut } from '../../data/callbacks';
import { staffedGrids } from '../../data/grids';
import { newId } from '../../data/ids';
import { getRequest, type RequestItem } from '../../data/requests';
import { DomainError, badRequest, conflict, forbidden, notFound } from '../errors';
import type { Actor } from '../../auth/actor';
import { commitMove } from './commit';
import { actorTier, inboxFor, levelRank, nextLevel } from './routing';
import { nextStatus, REQUEST_TRANSITIONS, type RequestMove } from './transitions';
import { toResource } from './view';

const hoursLater = (now: string, h: number) => new Date(Date.parse(now) + h * 3600_000).toISOString();

export async function loadForMove(id: string, version?: number): Promise<RequestItem> {
  const req = await getRequest(id);
  if (!req) throw notFound('诉求不存在');
  if (version !== undefined && version !== req.version)
    throw new DomainError('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试');
  return req;
}

/** Role, grid scope and handling level: staff act on requests at or below the level they serve. */
export function checkStaff(actor: Actor, req: RequestItem, move: RequestMove) {
  const t = REQUEST_TRANSITIONS[move];
  if (!t.by.includes(actor.role)) throw forbidden('当前身份无权进行此操作');
  if (actor.role === 'department') {
    if (req.status !== 'dispatched' || req.departmentId !== actor.departmentId)
      throw forbidden('该诉求未转办到您的部门');
    return;
  }
  const tier = actorTier(actor, req.gridPath);
  if (!tier) throw forbidden('不在您负责的网格范围内');
  if (levelRank(tier) < levelRank(req.level)) throw forbidden(`该诉求已上报至${LEVEL_NAMES[req.level]}级处理`);
}

function refuse(move: RequestMove, req: RequestItem): never {
  throw new DomainError('INVALID_TRANSITION', `当前状态（${req.status}）不能${REQUEST_TRANSITIONS[move].label}`);
}

export async function actOnRequest(actor: Actor, id: string, action: RequestAction, body: ActionBody, now: string) {
  const req = await loadForMove(id, body.version);
  checkStaff(actor, req, action);
  const to = nextStatus(action, req.status);
  if (!to) refuse(action, req);
  const t = REQUEST_TRANSITIONS[action];
  if (t.noteRequired && !body.note) throw badRequest('请填写原因', [{ path: 'note', message: '必填' }]);
  const after: RequestItem = { ...req, status: to, version: req.version + 1, updatedAt: now };
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
      if (!dept || !DEPARTMENTS[dept])
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
  await commitMove({ before: req, after, move: action, actor, note: body.note, now, counters });
  return toResource(after);
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
  if (req.reporterId !== actor.id) throw forbidden('只有提出诉求的居民可以评价');
  const to = nextStatus('rate', req.status);
  if (!to) refuse('rate', req);
  const after: RequestItem = {
    ...req,
    status: to,
    version: req.version + 1,
    updatedAt: now,
    rating: { stars, ...(comment ? { comment } : {}), at: now },
  };
  const extra: unknown[] = [];
  const counters: Record<string, number> = { rated: 1, stars_sum: stars, [`stars_${stars}`]: 1 };
  if (stars <= 2) {
    const callbackId = newId(Date.parse(now));
    after.callbackId = callbackId;
    extra.push(
      callbackPut({
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
      }),
    );
    counters.callbacks_open = 1;
    counters.callbacks_total = 1;
  }
  await commitMove({ before: req, after, move: 'rate', actor, note: comment, now, counters, extra });
  return toResource(after);
}
