/**
 * Ratings you can trust, for the street: flagged ratings with their reasons, and workers whose
 * ratings never drop below 5★ (≥ 10 ratings this month, all 5★, from the per-worker counters). The
 * devices seen with staff tokens are remembered here (hashed, TTL: SECURITY.md).
 */
import { chinaMonth } from '@gridlink/shared/time';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { config } from '../../config';
import { getGridItems } from '../../data/grids';
import type { PageRequest } from '../../data/query';
import { deviceHash, listFlaggedRatings, rememberStaffDevice } from '../../data/ratings';
import { rememberDeptMember } from '../../data/messages';
import { listStaffIn } from '../../data/staff';
import { readWorkerStats } from '../../data/worker-stats';
import { forbidden, notFound } from '../errors';
import { ALL_FIVE_MIN } from './rating';

const NOT_STAFF: readonly string[] = ['resident', 'agent'];
/** devices already remembered by this instance: a Put only the first time one is seen */
const seen = new Set<string>();

/** department members registered by this instance: one Put the first time each opens 待办 */
const members = new Set<string>();

/** A department member who opens 待办 hears from then on of what is dispatched to the department. */
export async function noteDepartmentMember(actor: Actor, now: string) {
  if (actor.role !== 'department' || !actor.departmentId) return;
  const key = `${actor.departmentId}/${actor.id}`;
  if (members.has(key)) return;
  await rememberDeptMember(actor.departmentId, actor.id, now);
  members.add(key);
}

export async function noteStaffDevice(actor: Actor, deviceId: string | undefined, now: string) {
  if (!deviceId || NOT_STAFF.includes(actor.role)) return;
  const hash = deviceHash(deviceId);
  if (seen.has(hash)) return;
  await rememberStaffDevice(hash, actor.role, now, config.staffDeviceDays);
  seen.add(hash);
}

async function streetOf(actor: Actor, streetId?: string) {
  const id = streetId ?? actor.gridIds[0];
  const street = id ? (await getGridItems([id])).get(id) : undefined;
  if (!street || street.level !== 'street') throw notFound('街道不存在');
  if (!inScope(actor, street.path)) throw forbidden('不在您负责的网格范围内');
  return street;
}

export async function listFlagged(actor: Actor, q: PageRequest & { streetId?: string }) {
  const street = await streetOf(actor, q.streetId);
  return listFlaggedRatings(street.id, { limit: q.limit, cursor: q.cursor });
}

/** One page of the street's staff, their month's counters in one BatchGet, those never rated below 5★. */
export async function listAllFiveWorkers(actor: Actor, q: PageRequest & { streetId?: string; month?: string }) {
  const street = await streetOf(actor, q.streetId);
  const month = q.month ?? chinaMonth(new Date().toISOString());
  const p = await listStaffIn(street.path, { limit: q.limit, cursor: q.cursor });
  const stats = await readWorkerStats(
    p.items.map((s) => s.userId),
    month,
  );
  const seenIds = new Set<string>();
  const items = p.items.flatMap((s) => {
    const w = stats.get(s.userId);
    if (seenIds.has(s.userId) || !w || (w.w_rated ?? 0) < ALL_FIVE_MIN || w.w_stars_5 !== w.w_rated) return [];
    seenIds.add(s.userId);
    return [{ userId: s.userId, name: s.name, gridId: s.gridId, month, rated: w.w_rated }];
  });
  return { items, nextCursor: p.nextCursor };
}
