/**
 * Scheduled work (cloud: EventBridge schedule; local: a timer running this same code):
 * - SLA sweep: open requests past their due time are marked overdue and escalated one level
 *   (at district level they stay, marked overdue);
 * - auto-close: resolved requests nobody rated within 7 days are closed.
 * Each item moves in its own transaction with its timeline event; a lost race is skipped.
 */
import { config } from '../../config';
import { staffedGrids } from '../../data/grids';
import { outboxPut } from '../../data/outbox';
import {
  deptLatePut,
  dueRequests,
  dueSoonRequests,
  DUE_SHARDS,
  signOverdueRequests,
  type RequestItem,
} from '../../data/requests';
import { sweep } from '../workflow/sweep';
import { moveRequest, SYSTEM } from './commit';
import { escalated } from './moves';
import { nextLevel } from './routing';

export async function slaSweep(now = new Date().toISOString()) {
  return sweep(
    DUE_SHARDS,
    (shard) => dueRequests('sla', shard, now),
    async (r) => {
      const level = r.status === 'dispatched' ? undefined : nextLevel(r.level);
      const after: RequestItem = { ...r, overdue: true };
      const extra: unknown[] = [];
      const counters: Record<string, number> = { req_overdue: 1, ...(level ? { req_escalated: 1 } : {}) };
      if (level) {
        Object.assign(after, escalated(r, level, now, await staffedGrids(r.gridPath)), { overdue: true });
      } else {
        after.dueAt = null; // overdue where it is; counted once
        extra.push(staffNotice(r, `已超期：${r.categoryName}`, now));
      }
      if (r.status === 'dispatched') {
        // late at its department: counted and listed for the street
        counters.dept_overdue = 1;
        after.deptLate = [...new Set([...(r.deptLate ?? []), 'deadline' as const])];
        extra.push(deptLatePut(r, 'deadline', now));
      }
      await moveRequest({
        before: r,
        after,
        move: level ? 'autoEscalate' : 'markOverdue',
        actor: SYSTEM,
        note: level ? '超过办理时限，自动上报' : '超过办理时限',
        now,
        counters,
        extra,
      });
    },
  );
}

export async function autoClose(now = new Date().toISOString()) {
  return sweep(
    DUE_SHARDS,
    (shard) => dueRequests('autoClose', shard, now),
    async (r) => {
      await moveRequest({
        before: r,
        move: 'autoClose',
        actor: SYSTEM,
        note: '7 天未评价，自动结案',
        now,
        counters: { auto_closed: 1 },
      });
    },
  );
}

/** A notice for the staff who must act: the inbox's grid, or — at a department — the community that sent it. */
function staffNotice(r: RequestItem, title: string, now: string) {
  return outboxPut({
    userIds: [],
    toGridStaff: [r.status === 'dispatched' ? r.gridPath[2] : r.inbox],
    template: 'staff_task',
    title,
    body: r.publicSummary ?? r.categoryName,
    page: `/pkg-staff/pages/handle/index?id=${r.id}`,
    at: now,
  });
}

/** 部门报到: a dispatched request not signed for by its deadline is flagged, counted and listed; the community is told. */
export async function deptSignSweep(now = new Date().toISOString()) {
  return sweep(
    DUE_SHARDS,
    (shard) => signOverdueRequests(shard, now),
    async (r) => {
      await moveRequest({
        before: r,
        after: { ...r, signOverdue: true, deptLate: [...new Set([...(r.deptLate ?? []), 'sign' as const])] },
        move: 'signOverdue',
        actor: SYSTEM,
        note: '职能部门超过报到时限未报到',
        now,
        counters: { dept_sign_overdue: 1 },
        extra: [deptLatePut(r, 'sign', now), staffNotice(r, `部门超时未报到：${r.categoryName}`, now)],
      });
    },
  );
}

/** 即将超期: staff are told once per deadline when an open request falls due within the next hours. */
export async function dueSoonSweep(now = new Date().toISOString()) {
  const until = new Date(Date.parse(now) + config.dueSoonHours * 3600_000).toISOString();
  return sweep(
    DUE_SHARDS,
    (shard) => dueSoonRequests(shard, now, until),
    async (r) => {
      const hours = Math.max(1, Math.round((Date.parse(r.dueAt!) - Date.parse(now)) / 3600_000));
      await moveRequest({
        before: r,
        after: { ...r, remindedDueAt: r.dueAt! },
        move: 'remindDue',
        actor: SYSTEM,
        now,
        extra: [staffNotice(r, `${hours} 小时内到期：${r.categoryName}`, now)],
      });
    },
  );
}
