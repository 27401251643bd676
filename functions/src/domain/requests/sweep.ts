/**
 * Scheduled work (cloud: EventBridge schedule; local: a timer running this same code):
 * - SLA sweep: open requests past their due time are marked overdue and escalated one level
 *   (at district level they stay, marked overdue);
 * - auto-close: resolved requests nobody rated within 7 days are closed.
 * Each item moves in its own transaction with its timeline event; a lost race is skipped.
 */
import { staffedGrids } from '../../data/grids';
import { dueRequests, DUE_SHARDS, type RequestItem } from '../../data/requests';
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
      if (level) {
        Object.assign(after, escalated(r, level, now, await staffedGrids(r.gridPath)), { overdue: true });
      } else after.dueAt = null; // overdue where it is; counted once
      await moveRequest({
        before: r,
        after,
        move: level ? 'autoEscalate' : 'markOverdue',
        actor: SYSTEM,
        note: level ? '超过办理时限，自动上报' : '超过办理时限',
        now,
        counters: { req_overdue: 1, ...(level ? { req_escalated: 1 } : {}) },
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
