/**
 * Scheduled work (cloud: EventBridge schedule; local: a timer running this same code):
 * - SLA sweep: open requests past their due time are marked overdue and escalated one level
 *   (at district level they stay, marked overdue);
 * - auto-close: resolved requests nobody rated within 7 days are closed.
 * Each item moves in its own transaction with its timeline event; a lost race is skipped.
 */
import { staffedGrids } from '../../data/grids';
import { dueItems, DUE_SHARDS, type RequestItem } from '../../data/requests';
import { keys } from '../../data/keys';
import { isLostRace } from '../errors';
import { commitMove, SYSTEM } from './commit';
import { escalated } from './moves';
import { nextLevel } from './routing';

async function each(pk: (s: number) => string, now: string, fn: (r: RequestItem) => Promise<void>) {
  let moved = 0;
  for (let shard = 0; shard < DUE_SHARDS; shard++) {
    for (const r of await dueItems(pk(shard), now)) {
      try {
        await fn(r);
        moved++;
      } catch (e) {
        if (!isLostRace(e)) throw e; // someone acted first: fine
      }
    }
  }
  return moved;
}

export async function slaSweep(now = new Date().toISOString()) {
  return each(keys.duePk, now, async (r) => {
    const level = r.status === 'dispatched' ? undefined : nextLevel(r.level);
    const after: RequestItem = { ...r, version: r.version + 1, updatedAt: now, overdue: true };
    if (level) {
      Object.assign(after, escalated(r, level, now, await staffedGrids(r.gridPath)), { overdue: true });
    } else after.dueAt = null; // overdue where it is; counted once
    await commitMove({
      before: r,
      after,
      move: level ? 'autoEscalate' : 'markOverdue',
      actor: SYSTEM,
      note: level ? '超过办理时限，自动上报' : '超过办理时限',
      now,
      counters: { req_overdue: 1, ...(level ? { req_escalated: 1 } : {}) },
    });
  });
}

export async function autoClose(now = new Date().toISOString()) {
  return each(keys.autoClosePk, now, async (r) => {
    await commitMove({
      before: r,
      after: { ...r, status: 'closed', version: r.version + 1, updatedAt: now },
      move: 'autoClose',
      actor: SYSTEM,
      note: '7 天未评价，自动结案',
      now,
      counters: { auto_closed: 1 },
    });
  });
}
