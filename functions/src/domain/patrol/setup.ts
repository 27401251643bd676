/**
 * A grid's patrol setup, set by its leaders: the fence (centre + radius or a boundary polygon), the
 * key points (关键点位, each with a QR token) and the plan (patrols a week, which points); and the
 * daily missed-patrol sweep. Each write: one transaction with its audit (and counters).
 */
import { randomBytes } from 'node:crypto';
import type { GridGeo, PatrolPlan } from '@gridlink/shared/patrol';
import { chinaDate } from '@gridlink/shared/time';
import type { Actor } from '../../auth/actor';
import { auditPut } from '../../data/audit';
import { getGridItems } from '../../data/grids';
import { newId } from '../../data/ids';
import { outboxPut } from '../../data/outbox';
import {
  allPlans,
  geoPut,
  gridSetup,
  keyPointPut,
  patrolDays,
  planAlerted,
  planDelete,
  planPut,
  type KeyPointItem,
  type PlanItem,
} from '../../data/patrol';
import { statsUpdates } from '../../data/stats';
import { isConditionFailure, transact } from '../../data/transact';
import { badRequest, forbidden, notFound } from '../errors';
import { gridInScope, isLeaderOver, leadersOf } from './common';

const audit = (actor: Actor, action: string, target: string, at: string, to?: unknown) =>
  auditPut({ actorId: actor.id, actorRole: actor.role, action, target, at, ...(to ? { to } : {}) });

const toPlan = (p: PlanItem): PatrolPlan => ({
  gridId: p.gridId,
  perWeek: p.perWeek,
  pointIds: p.pointIds,
  setBy: p.setBy,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

/** Staff in scope see the setup; the QR tokens only leaders (they print the codes). */
export async function readSetup(actor: Actor, gridId: string) {
  const g = await gridInScope(actor, gridId);
  const s = await gridSetup(g.id);
  const leader = isLeaderOver(actor, g.path);
  return {
    gridId: g.id,
    geo: s.geo,
    keyPoints: s.keyPoints.map((k) => ({
      id: k.id,
      gridId: k.gridId,
      name: k.name,
      lat: k.lat,
      lng: k.lng,
      radiusM: k.radiusM,
      ...(leader ? { qrToken: k.qrToken } : {}),
    })),
    plan: s.plan ? toPlan(s.plan) : null,
  };
}

async function leaderGrid(actor: Actor, gridId: string) {
  const g = await gridInScope(actor, gridId);
  if (!isLeaderOver(actor, g.path)) throw forbidden('只有网格长、社区及以上可以设置巡查');
  return g;
}

export async function setGeo(actor: Actor, gridId: string, geo: GridGeo, now: string) {
  const g = await leaderGrid(actor, gridId);
  if (!geo.center && !geo.boundary) throw badRequest('请提供网格中心点或边界', [{ path: 'center', message: '必填' }]);
  await transact([geoPut(g.id, geo, now), audit(actor, 'patrol.setGeo', `grid:${g.id}`, now)]);
  return readSetup(actor, g.id);
}

export async function addKeyPoint(
  actor: Actor,
  gridId: string,
  body: { name: string; lat: number; lng: number; radiusM: number },
  now: string,
) {
  const g = await leaderGrid(actor, gridId);
  const kp: KeyPointItem = {
    id: newId(Date.parse(now)),
    gridId: g.id,
    name: body.name,
    lat: body.lat,
    lng: body.lng,
    radiusM: body.radiusM,
    qrToken: randomBytes(9).toString('base64url'),
    createdAt: now,
  };
  await transact([keyPointPut(kp), audit(actor, 'patrol.addKeyPoint', `grid:${g.id}`, now, { pointId: kp.id })]);
  const { createdAt: _c, ...view } = kp;
  return view;
}

/** 巡查计划 (community leaders): patrols a week and which points; the gauge `patrol_plan_grids` follows. */
export async function setPlan(
  actor: Actor,
  gridId: string,
  body: { perWeek: number; pointIds: string[] },
  now: string,
) {
  if (!['grid_leader', 'community_admin', 'street_admin', 'district_admin'].includes(actor.role))
    throw forbidden('只有社区领导可以制定巡查计划');
  const g = await leaderGrid(actor, gridId);
  const s = await gridSetup(g.id);
  const known = new Set(s.keyPoints.map((k) => k.id));
  const bad = body.pointIds.findIndex((id) => !known.has(id));
  if (bad >= 0) throw badRequest('点位不存在', [{ path: `pointIds.${bad}`, message: '不是本网格的点位' }]);
  const p: PlanItem = {
    gridId: g.id,
    perWeek: body.perWeek,
    pointIds: body.pointIds,
    setBy: actor.name,
    setById: actor.id,
    createdAt: s.plan?.createdAt ?? now,
    updatedAt: now,
    ...(s.plan?.lastAlertAt ? { lastAlertAt: s.plan.lastAlertAt } : {}),
  };
  try {
    await transact([
      planPut(p, !!s.plan),
      audit(actor, 'patrol.setPlan', `grid:${g.id}`, now, { perWeek: p.perWeek }),
      ...(s.plan ? [] : statsUpdates(g.path, { patrol_plan_grids: 1 }, now)),
    ]);
  } catch (e) {
    if (isConditionFailure(e)) return readSetup(actor, g.id); // a concurrent retry already wrote it
    throw e;
  }
  return readSetup(actor, g.id);
}

export async function removePlan(actor: Actor, gridId: string, now: string) {
  const g = await leaderGrid(actor, gridId);
  const s = await gridSetup(g.id);
  if (!s.plan) throw notFound('该网格没有巡查计划');
  try {
    await transact([
      planDelete(g.id),
      audit(actor, 'patrol.removePlan', `grid:${g.id}`, now),
      ...statsUpdates(g.path, { patrol_plan_grids: -1 }, now),
    ]);
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
  return readSetup(actor, g.id);
}

const DAY = 86_400_000;
const daysBefore = (now: string, n: number) =>
  Array.from({ length: n }, (_, i) => chinaDate(new Date(Date.parse(now) - (i + 1) * DAY).toISOString()));

/**
 * Daily: a plan whose grid had fewer patrols than planned in the last 7 China days (before today)
 * raises an alert — `patrol_missed` on the grid and a notice to its leader — at most once a week.
 */
export async function missedPatrolSweep(now = new Date().toISOString()) {
  let alerts = 0;
  for (const plan of await allPlans()) {
    if (Date.parse(plan.createdAt) > Date.parse(now) - 7 * DAY) continue; // a new plan: no full week yet
    if (plan.lastAlertAt && Date.parse(plan.lastAlertAt) > Date.parse(now) - 7 * DAY) continue;
    const days = await patrolDays(plan.gridId, daysBefore(now, 7));
    const done = [...days.values()].reduce((a, b) => a + b, 0);
    if (done >= plan.perWeek) continue;
    const grid = (await getGridItems([plan.gridId])).get(plan.gridId);
    if (!grid) continue;
    const leaders = await leadersOf(grid.path);
    try {
      await transact([
        planAlerted(plan.gridId, now, plan.lastAlertAt),
        ...statsUpdates(grid.path, { patrol_missed: 1 }, now),
        auditPut({
          actorId: 'system',
          actorRole: 'system',
          action: 'patrol.missed',
          target: `grid:${grid.id}`,
          to: { planned: plan.perWeek, done },
          at: now,
        }),
        ...(leaders.length
          ? [
              outboxPut({
                userIds: leaders,
                template: 'request_status',
                title: `巡查未达计划：${grid.name}`,
                body: `近7天巡查 ${done} 次，计划每周 ${plan.perWeek} 次`,
                page: `/pkg-patrol/pages/leader/index?gridId=${grid.id}`,
                at: now,
              }),
            ]
          : []),
      ]);
      alerts++;
    } catch (e) {
      if (!isConditionFailure(e)) throw e; // another sweep run raised it
    }
  }
  return alerts;
}
