/**
 * The reporter rates a resolved request. 1–2 stars open a call-back for the community; a share of 3★
 * ratings is sampled for one, and a share of 5★ ratings for an audit call-back (not by the worker
 * rated). Ratings you can trust: a rating made while signed in as staff, from a device seen with a
 * staff token, in a burst of one grid's minute, or for a worker never rated below 5★ is flagged —
 * counted apart (`flagged_*`) and listed for the street. All in the rating's one transaction.
 */
import type { FlagReason } from '../../data/ratings';
import { chinaMonth } from '@gridlink/shared/time';
import type { Actor } from '../../auth/actor';
import { config } from '../../config';
import { newId } from '../../data/ids';
import { countRatingMinute, deviceHash, flaggedRatingPut, isStaffDevice } from '../../data/ratings';
import type { CallbackItem } from '../../data/callbacks';
import type { RequestItem } from '../../data/requests';
import { readWorkerStats, workerStatsUpdate } from '../../data/worker-stats';
import { checkPut } from '../moderation';
import { planCallbackOpen } from './callbacks';
import { checkRequestMove, moveRequest } from './commit';
import { hoursLater, loadForMove } from './load';
import { inSample } from './sampling';
import { toResource } from './view';

const RATER_ROLES: readonly string[] = ['resident', 'agent'];
/** ratings of a worker before "never below 5★" is a pattern */
export const ALL_FIVE_MIN = 10;

async function flagsOf(actor: Actor, req: RequestItem, stars: number, now: string, deviceId?: string) {
  const reasons: FlagReason[] = [];
  if (!RATER_ROLES.includes(actor.role)) reasons.push('staff_role');
  if (deviceId && (await isStaffDevice(deviceHash(deviceId), now))) reasons.push('staff_device');
  const grid = req.gridPath[5] ?? req.gridPath[req.gridPath.length - 1];
  if ((await countRatingMinute(grid, now)) > config.ratingBurstLimit) reasons.push('burst');
  if (stars === 5 && req.resolvedBy) {
    const w = (await readWorkerStats([req.resolvedBy], chinaMonth(now))).get(req.resolvedBy) ?? {};
    if ((w.w_rated ?? 0) >= ALL_FIVE_MIN && w.w_stars_5 === w.w_rated) reasons.push('worker_all_five');
  }
  return reasons;
}

function callbackFor(req: RequestItem, stars: number): CallbackItem['kind'] | undefined {
  if (stars <= 2) return 'low';
  if (stars === 3 && inSample('callback3', req.id, config.callbackSample3)) return 'sampled';
  if (stars === 5 && inSample('audit5', req.id, config.auditSample5)) return 'audit';
  return undefined;
}

export async function rateRequest(
  actor: Actor,
  id: string,
  stars: number,
  comment: string | undefined,
  now: string,
  deviceId?: string,
) {
  const req = await loadForMove(id);
  checkRequestMove(actor, req, 'rate', undefined, '只有提出诉求的居民可以评价');
  const after: RequestItem = { ...req, rating: { stars, ...(comment ? { comment } : {}), at: now } };
  // a comment others may read is checked after the write (domain/moderation.ts)
  const check = comment && req.moderation ? [checkPut(req, 'rating', now, { content: comment }, actor.id)] : [];
  if (check.length) after.moderation = { ...req.moderation!, rating: 'pending' };
  const counters: Record<string, number> = { rated: 1, stars_sum: stars, [`stars_${stars}`]: 1 };
  const extra: unknown[] = [...check];
  const reasons = await flagsOf(actor, req, stars, now, deviceId);
  if (reasons.length) {
    Object.assign(counters, { ratings_flagged: 1, flagged_rated: 1, flagged_stars_sum: stars });
    if (stars >= 4) counters[`flagged_stars_${stars}`] = 1;
    extra.push(
      flaggedRatingPut(req.gridPath[1], {
        requestId: req.id,
        at: now,
        stars,
        reasons,
        communityId: req.gridPath[2],
        gridId: req.gridPath[5] ?? req.gridPath[req.gridPath.length - 1],
        categoryName: req.categoryName,
        raterRole: actor.role,
        ...(req.resolvedBy ? { workerId: req.resolvedBy } : {}),
      }),
    );
  }
  if (req.resolvedBy)
    extra.push(
      ...workerStatsUpdate(req.resolvedBy, now, { w_rated: 1, w_stars_sum: stars, w_stars_5: stars === 5 ? 1 : 0 }),
    );
  const kind = callbackFor(req, stars);
  let callback: ReturnType<typeof planCallbackOpen> | undefined;
  if (kind) {
    const callbackId = newId(Date.parse(now));
    after.callbackId = callbackId;
    callback = planCallbackOpen(
      actor,
      {
        id: callbackId,
        requestId: req.id,
        status: 'open',
        kind,
        ...(kind === 'audit' && req.resolvedBy ? { handlerId: req.resolvedBy } : {}),
        communityId: req.gridPath[2],
        gridPath: req.gridPath,
        stars,
        dueAt: hoursLater(now, kind === 'low' ? 24 : 72),
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
    if (kind === 'low') counters.callbacks_total = 1;
    else counters.callbacks_sampled = 1;
  }
  const input = { before: req, after, move: 'rate' as const, actor, note: comment, now, counters, extra };
  const moved = await moveRequest(input, ...(callback ? [callback] : []));
  return toResource(moved, actor.id);
}
