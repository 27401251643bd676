/**
 * 社区吹哨、部门报到 both ways. A dispatched request waits for its department's 报到 (sign) by its
 * deadline; the department may 退回 it (with a reason: back to the community, `dispatched → accepted`)
 * or ask ONCE for more time (延期), which the community approves or refuses; then it resolves with a
 * result and photos (moves.ts). Every move goes through the kernel (commit.ts).
 */
import type { DeptAction } from '@gridlink/shared/requests';
import { DEPARTMENTS } from '@gridlink/shared/request-categories';
import type { Actor } from '../../auth/actor';
import { getGridItems } from '../../data/grids';
import { listDeptLate, type RequestItem } from '../../data/requests';
import type { PageRequest } from '../../data/query';
import { inScope } from '../../auth/policy';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import { checkRequestMove, moveRequest, type RequestMove } from './commit';
import { loadForMove } from './load';
import { toResource } from './view';

/** 'YYYY-MM-DD HH:mm' in China time, for the timeline note */
const chinaTime = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

const MOVE: Record<DeptAction, RequestMove> = {
  sign: 'sign',
  return: 'deptReturn',
  extension: 'requestExtension',
  approveExtension: 'approveExtension',
  refuseExtension: 'refuseExtension',
};

export interface DeptBody {
  note?: string;
  version?: number;
  dueAt?: string;
}

export async function deptAct(actor: Actor, id: string, action: DeptAction, body: DeptBody, now: string) {
  const req = await loadForMove(id, body.version);
  const move = MOVE[action];
  checkRequestMove(actor, req, move, body.note);
  const after: RequestItem = { ...req };
  const counters: Record<string, number> = {};
  switch (action) {
    case 'sign':
      if (req.signedAt) throw conflict('部门已报到', 'INVALID_TRANSITION');
      Object.assign(after, { signedAt: now, signedBy: actor.id });
      counters.dept_signed = 1;
      break;
    case 'return':
      // back to the community that blew the whistle, with the department's reason on the timeline
      Object.assign(after, {
        level: 'community',
        lastLevel: 'community',
        inbox: req.gridPath[2],
        signDueAt: undefined,
        signedAt: undefined,
        signedBy: undefined,
        signOverdue: undefined,
        deptLate: undefined,
        extension: undefined,
      });
      counters.dept_returned = 1;
      break;
    case 'extension': {
      if (!req.signedAt) throw conflict('请先报到再申请延期', 'INVALID_TRANSITION');
      if (req.extension) throw conflict('每件诉求只能申请一次延期', 'INVALID_TRANSITION');
      const dueAt = new Date(body.dueAt!).toISOString();
      if (dueAt <= now || (req.dueAt && dueAt <= req.dueAt))
        throw badRequest('延期后的时限应晚于当前时限', [{ path: 'dueAt', message: '应晚于当前时限' }]);
      after.extension = { dueAt, reason: body.note!, at: now, byId: actor.id, status: 'pending' };
      break;
    }
    case 'approveExtension':
    case 'refuseExtension': {
      if (req.extension?.status !== 'pending') throw conflict('没有待审批的延期申请', 'INVALID_TRANSITION');
      const approved = action === 'approveExtension';
      after.extension = {
        ...req.extension,
        status: approved ? 'approved' : 'refused',
        decidedAt: now,
        decidedBy: actor.id,
        ...(body.note ? { note: body.note } : {}),
      };
      if (approved) {
        Object.assign(after, { dueAt: req.extension.dueAt, overdue: false, remindedDueAt: undefined });
        counters.dept_extended = 1;
      }
      break;
    }
  }
  const note = action === 'extension' ? `申请延期至 ${chinaTime(after.extension!.dueAt)}：${body.note}` : body.note;
  return toResource(await moveRequest({ before: req, after, move, actor, note, now, counters }), actor.id);
}

/** The street's requests late at their departments (not signed for in time, or past their deadline). */
export async function listOverdueDepartments(actor: Actor, q: PageRequest & { streetId?: string }) {
  const streetId = q.streetId ?? actor.gridIds[0];
  const street = streetId ? (await getGridItems([streetId])).get(streetId) : undefined;
  if (!street || street.level !== 'street') throw notFound('街道不存在');
  if (!inScope(actor, street.path)) throw forbidden('不在您负责的网格范围内');
  const p = await listDeptLate(street.id, { limit: q.limit, cursor: q.cursor });
  const items = p.items.map((i) => ({
    requestId: i.requestId,
    reason: i.reason,
    departmentId: i.departmentId,
    departmentName: (DEPARTMENTS as Record<string, string>)[i.departmentId] ?? i.departmentId,
    communityId: i.communityId,
    categoryName: i.categoryName,
    since: i.since,
    dueAt: i.dueAt ?? null,
  }));
  return { items, nextCursor: p.nextCursor };
}
