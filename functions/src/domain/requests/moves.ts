/** The closed loop: accept / reject / dispatch / resolve / escalate (the rating: rating.ts). */
import { categoryByCode, DEPARTMENTS } from '@gridlink/shared/request-categories';
import type { ActionBody, RequestAction } from '@gridlink/shared/requests';
import { staffedGrids } from '../../data/grids';
import type { RequestItem } from '../../data/requests';
import { badRequest, conflict } from '../errors';
import type { Actor } from '../../auth/actor';
import { hoursLater, loadForMove } from './load';
import { checkRequestMove, moveRequest } from './commit';
import { inboxFor, nextLevel } from './routing';
import { toResource } from './view';
import { config } from '../../config';
import { workerStatsUpdate } from '../../data/worker-stats';
import { verifyAttachments } from '../uploads';

export { hoursLater, loadForMove };

export async function actOnRequest(actor: Actor, id: string, action: RequestAction, body: ActionBody, now: string) {
  const req = await loadForMove(id, body.version);
  checkRequestMove(actor, req, action, body.note);
  const after: RequestItem = { ...req };
  const counters: Record<string, number> = {};
  const extra: unknown[] = [];
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
      // 部门报到: the department signs for it within its own deadline; one extension may be asked for
      Object.assign(after, {
        signDueAt: hoursLater(now, config.deptSignHours),
        signedAt: undefined,
        signedBy: undefined,
        signOverdue: undefined,
        extension: undefined,
      });
      counters.req_dispatched_total = 1;
      break;
    }
    case 'resolve':
      if (actor.role === 'department') {
        // 部门报到 first: a department answers for what it has signed for
        if (!req.signedAt) throw conflict('请先报到再办结', 'INVALID_TRANSITION');
        // a department's 办结 says what was done and shows it
        const details = [
          ...(body.note ? [] : [{ path: 'note', message: '请填写办理结果' }]),
          ...(body.photos?.length ? [] : [{ path: 'photos', message: '请至少上传一张办理照片' }]),
        ];
        if (details.length) throw badRequest('部门办结需填写办理结果并上传照片', details);
      }
      if (body.photos?.length) await verifyAttachments(actor, body.photos);
      if (body.note) after.result = body.note;
      if (body.photos?.length) after.resultPhotos = body.photos;
      after.resolvedBy = actor.id;
      after.deptLate = undefined;
      extra.push(
        ...workerStatsUpdate(actor.id, now, {
          w_resolved: 1,
          w_resolved_on_time: !req.overdue && (!req.dueAt || now <= req.dueAt) ? 1 : 0,
        }),
      );
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
    await moveRequest({ before: req, after, move: action, actor, note: body.note, now, counters, extra }),
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
