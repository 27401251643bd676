/**
 * Who is who in the worker's day: the worker's own grid, the leaders in scope, and the projections
 * every answer goes through (tracks are personal data: SECURITY.md "Who sees what").
 */
import type { Patrol } from '@gridlink/shared/patrol';
import type { Role } from '@gridlink/shared/roles';
import { inScope } from '../../auth/policy';
import type { Actor } from '../../auth/actor';
import { getGrid, getGridItems, staffedGrids, type GridItem } from '../../data/grids';
import type { PatrolItem } from '../../data/patrol';
import { workerStatsUpdate, type WorkerDeltas } from '../../data/worker-stats';
import { badRequest, forbidden, notFound } from '../errors';
import type { MoveActor } from '../workflow/kernel';

/** who patrols, clocks in and is point-called */
export const FIELD_ROLES: readonly Role[] = ['grid_worker', 'grid_leader'];
/** leaders who read tracks, call workers, set plans (each within their scope); street/district = the centre */
export const LEADER_ROLES: readonly Role[] = ['grid_leader', 'community_admin', 'street_admin', 'district_admin'];

export const moveActor = (a: Actor): MoveActor => ({ id: a.id, name: a.name, role: a.role });

/** The grid the actor works in: the one named (in their scope), else their first grid. */
export async function ownGrid(actor: Actor, gridId?: string): Promise<GridItem> {
  const id = gridId ?? actor.gridIds[0];
  if (!id) throw forbidden('您尚未分配网格');
  const g = (await getGridItems([id])).get(id);
  if (!g) throw badRequest('网格不存在', [{ path: 'gridId', message: '不是有效的网格' }]);
  if (!inScope(actor, g.path)) throw forbidden('只能在您负责的网格内操作');
  return g;
}

/** A grid in the actor's scope (leaders set up grids below them). */
export async function gridInScope(actor: Actor, gridId: string): Promise<GridItem> {
  const g = (await getGridItems([gridId])).get(gridId);
  if (!g) throw notFound('网格不存在');
  if (!inScope(actor, g.path)) throw forbidden('不在您负责的网格范围内');
  return g;
}

export const isLeaderOver = (actor: Actor, path: readonly string[]) =>
  LEADER_ROLES.includes(actor.role) && inScope(actor, path);

/** Tracks: the worker, leaders whose scope covers the worker's grid, and the centre (street/district). */
export const mayReadTrack = (actor: Actor, p: Pick<PatrolItem, 'workerId' | 'gridPath'>) =>
  actor.id === p.workerId || isLeaderOver(actor, p.gridPath);

/** The grid leader(s) nearest the grid (else the community's admins): who hears of a missed patrol. */
export async function leadersOf(path: readonly string[]): Promise<string[]> {
  const staffed = await staffedGrids([...path]);
  for (const id of [...path].reverse()) {
    if (!staffed.has(id)) continue;
    const g = await getGrid(id);
    const leaders = (g?.staff ?? []).filter((s) => s.role === 'grid_leader' || s.role === 'community_admin');
    if (leaders.length) return leaders.map((s) => s.userId);
  }
  return [];
}

export const workerStats = (userId: string, at: string, d: WorkerDeltas) => workerStatsUpdate(userId, at, d);

export function toPatrol(p: PatrolItem): Patrol {
  return {
    id: p.id,
    status: p.status,
    workerId: p.workerId,
    workerName: p.workerName,
    gridId: p.gridId,
    gridName: p.gridName,
    startedAt: p.startedAt,
    endedAt: p.endedAt,
    minutes: p.minutes,
    points: p.points,
    checkins: p.checkins,
    events: { reported: p.events.reported, selfHandled: p.events.selfHandled },
    flags: p.flags,
    version: p.version,
  };
}
