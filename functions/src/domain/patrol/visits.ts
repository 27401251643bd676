/**
 * 走访: a worker logs a household visit (who, when, what was found) against the base data's
 * households; 独居老人 and other tagged persons must be visited at least weekly. A "last visited"
 * index item per tagged person (VISITLAST#<building>) makes the overdue list two Queries (the
 * building's households, its last visits), never a Scan.
 */
import { VISIT_EVERY_DAYS, VISIT_TAGS } from '@gridlink/shared/patrol';
import { maskName } from '@gridlink/shared/mask';
import type { Actor } from '../../auth/actor';
import { auditPut } from '../../data/audit';
import { buildingHouseholds } from '../../data/basedata';
import { newId } from '../../data/ids';
import { lastVisits, visitLastPut, visitPut, visitsOf, type VisitItem } from '../../data/patrol';
import type { PageRequest } from '../../data/query';
import { statsUpdates } from '../../data/stats';
import { isConditionFailure, transact } from '../../data/transact';
import { badRequest, versionConflict } from '../errors';
import { building } from '../basedata/households';
import { workerStats } from './common';

const DAY = 86_400_000;
const tagged = (tags: readonly string[] | undefined) =>
  (tags ?? []).filter((t) => (VISIT_TAGS as readonly string[]).includes(t));

const toVisit = (v: VisitItem) => ({
  id: v.id,
  buildingId: v.buildingId,
  unitId: v.unitId,
  houseNo: v.houseNo,
  personIds: v.personIds,
  found: v.found,
  at: v.at,
  byId: v.byId,
  byName: v.byName,
});

export async function logVisit(
  actor: Actor,
  body: { buildingId: string; unitId: string; houseNo: string; personIds: string[]; found: string; at?: string },
  now: string,
) {
  const g = await building(actor, body.buildingId);
  const at = body.at && body.at < now ? new Date(Date.parse(body.at)).toISOString() : now;
  const { persons } = await buildingHouseholds(g.id);
  const home = persons.filter(
    (p) => p.unitId === body.unitId && p.houseNo === body.houseNo && p.status !== 'moved_out',
  );
  if (!home.length) throw badRequest('该户不存在', [{ path: 'houseNo', message: '不是本楼栋的住户' }]);
  const ids = new Set(home.map((p) => p.id));
  const bad = body.personIds.findIndex((id) => !ids.has(id));
  if (bad >= 0) throw badRequest('人员不属于该户', [{ path: `personIds.${bad}`, message: '不是该户的人员' }]);
  const v: VisitItem = {
    id: newId(Date.parse(now)),
    buildingId: g.id,
    unitId: body.unitId,
    houseNo: body.houseNo,
    personIds: body.personIds.length ? body.personIds : home.map((p) => p.id),
    found: body.found,
    at,
    byId: actor.id,
    byName: actor.name,
    gridPath: g.path,
  };
  const last = await lastVisits(g.id);
  const care = home.filter((p) => tagged(p.tags).length && (!last.has(p.id) || last.get(p.id)! < at));
  const counters = { visits: 1 };
  try {
    await transact([
      visitPut(v),
      ...care.map((p) => visitLastPut(g.id, p.id, at, v.id)),
      auditPut({
        actorId: actor.id,
        actorRole: actor.role,
        action: 'visit.log',
        target: `household:${g.id}:${v.unitId}:${v.houseNo}`,
        at: now,
      }),
      ...statsUpdates(g.path, counters, now),
      ...workerStats(actor.id, now, counters),
    ]);
  } catch (e) {
    if (isConditionFailure(e)) throw versionConflict();
    throw e;
  }
  return toVisit(v);
}

export async function listVisits(actor: Actor, buildingId: string, page: PageRequest) {
  const g = await building(actor, buildingId);
  const res = await visitsOf(g.id, page);
  return { items: res.items.map(toVisit), nextCursor: res.nextCursor };
}

/** Tagged persons of a building not visited within VISIT_EVERY_DAYS (never visited first). Names masked. */
export async function overdueVisits(actor: Actor, buildingId: string, now: string) {
  const g = await building(actor, buildingId);
  const [{ persons }, last] = await Promise.all([buildingHouseholds(g.id), lastVisits(g.id)]);
  const due = Date.parse(now) - VISIT_EVERY_DAYS * DAY;
  const items = persons
    .filter((p) => p.status !== 'moved_out' && tagged(p.tags).length)
    .map((p) => {
      const lv = last.get(p.id) ?? null;
      return {
        unitId: p.unitId,
        houseNo: p.houseNo,
        personId: p.id,
        name: maskName(p.name),
        tags: tagged(p.tags),
        lastVisitedAt: lv,
        overdueDays: lv ? Math.floor((due - Date.parse(lv)) / DAY) : null,
      };
    })
    .filter((x) => !x.lastVisitedAt || Date.parse(x.lastVisitedAt) < due)
    .sort((a, b) => (a.lastVisitedAt ?? '').localeCompare(b.lastVisitedAt ?? ''));
  return { buildingId: g.id, items };
}
