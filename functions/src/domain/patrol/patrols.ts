/**
 * 巡查: start / upload track points / check in at key points / file events / stop, and the overnight
 * sweep. Every change is a move of the patrol workflow through the kernel: the patrol item
 * (conditional on its version), its audit, the grid's counters and the worker's month in ONE transaction.
 */
import type { PatrolEventBody, TrackPoint } from '@gridlink/shared/patrol';
import { chinaDate } from '@gridlink/shared/time';
import { PATROL_WORKFLOW } from '@gridlink/shared/workflows/patrol';
import { categoryByCode } from '@gridlink/shared/request-categories';
import type { Actor } from '../../auth/actor';
import { newId } from '../../data/ids';
import {
  activeDelete,
  activePatrolId,
  activePatrolsIn,
  activePut,
  allChunks,
  chunkPut,
  getChunks,
  getPatrol,
  gridSetup,
  openPatrolsStartedBefore,
  patrolDayAdd,
  patrolDays,
  patrolPut,
  patrolsOfWorker,
  type ChunkItem,
  type PatrolItem,
} from '../../data/patrol';
import type { PageRequest } from '../../data/query';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import { actOnRequest } from '../requests/moves';
import { createRequest } from '../requests/create';
import { verifyAttachments } from '../uploads';
import { commit, plan, run, SYSTEM, type Binding, type MoveInput } from '../workflow/kernel';
import { FIELD_ROLES, gridInScope, mayReadTrack, moveActor, ownGrid, toPatrol, workerStats } from './common';
import { bucketOf, decodePts, distanceM, encodePts, sortPts, spoofFlags, type Pt } from './geo';

const MAX_FLAGS = 50;

export const PATROL_BINDING: Binding<PatrolItem> = {
  workflow: PATROL_WORKFLOW,
  put: (after, expected) => patrolPut(after, expected),
  gridPath: (p) => p.gridPath,
};

type PatrolMove = Omit<MoveInput<PatrolItem>, 'as' | 'actor'> & { actor: Actor | typeof SYSTEM };
const relations = (actor: { id: string; role: string }, p?: PatrolItem) =>
  actor.id === SYSTEM.id ? ['system'] : p && p.workerId === actor.id ? ['owner'] : p ? [] : [actor.role];
const planMove = (m: PatrolMove) =>
  plan(PATROL_BINDING, {
    ...m,
    actor: 'gridIds' in m.actor ? moveActor(m.actor) : m.actor,
    as: relations(m.actor, m.before),
    refusal: '只能操作自己的巡查',
  });

async function load(id: string) {
  const p = await getPatrol(id);
  if (!p) throw notFound('巡查不存在');
  return p;
}

export async function startPatrol(actor: Actor, body: { gridId?: string }, now: string) {
  if (!FIELD_ROLES.includes(actor.role)) throw forbidden('只有网格员可以巡查');
  const grid = await ownGrid(actor, body.gridId);
  const running = await activePatrolId(actor.id);
  if (running) throw conflict('您有一次巡查尚未结束，请先结束', 'CONFLICT');
  const p: PatrolItem = {
    id: newId(Date.parse(now)),
    status: 'active',
    version: 0,
    updatedAt: now,
    workerId: actor.id,
    workerName: actor.name,
    gridId: grid.id,
    gridName: grid.pathNames.slice(2).join(' '),
    gridPath: grid.path,
    startedAt: now,
    endedAt: null,
    minutes: 0,
    points: 0,
    checkins: [],
    events: { reported: 0, selfHandled: 0, requestIds: [] },
    flags: [],
    flagCount: 0,
    chunks: [],
  };
  const { item } = await commit(PATROL_BINDING, {
    move: 'start',
    actor: moveActor(actor),
    as: [actor.role],
    after: p,
    now,
    extra: [activePut(actor.id, p.id)],
  }).catch((e) => {
    if ((e as { code?: string }).code === 'VERSION_CONFLICT') throw conflict('您有一次巡查尚未结束，请先结束');
    throw e;
  });
  return toPatrol(item);
}

const toPt = (p: TrackPoint): Pt => ({
  seq: p.seq,
  t: Math.floor(Date.parse(p.at) / 1000),
  lat: p.lat,
  lng: p.lng,
  ...(p.acc !== undefined ? { acc: p.acc } : {}),
});

/**
 * A batch of track points (possibly after a long offline spell: out of order, resent). Points are
 * merged into their 10-minute chunks by `seq` (a resent point changes nothing), kept sorted by time;
 * spoofing signs are flagged on the patrol, and the points kept.
 */
export async function uploadPoints(actor: Actor, id: string, points: TrackPoint[], now: string) {
  const p = await load(id);
  if (p.workerId !== actor.id) throw forbidden('只能上传自己的巡查轨迹');
  const incoming = points.map(toPt);
  const buckets = [...new Set(incoming.map((x) => bucketOf(x.t)))];
  const existing = await getChunks(id, buckets);
  const fresh = new Set<number>();
  const chunks: ChunkItem[] = [];
  const touched: Pt[] = [];
  for (const b of buckets) {
    const old = existing.get(b);
    const pts = decodePts(old?.pts);
    const seen = new Set(pts.map((x) => x.seq));
    for (const x of incoming)
      if (bucketOf(x.t) === b && !seen.has(x.seq)) {
        seen.add(x.seq);
        fresh.add(x.seq);
        pts.push(x);
      }
    sortPts(pts);
    touched.push(...pts);
    if (pts.length !== decodePts(old?.pts).length)
      chunks.push({ patrolId: id, bucket: b, v: (old?.v ?? 0) + 1, n: pts.length, pts: encodePts(pts) });
  }
  if (!fresh.size) return { patrol: toPatrol(p), accepted: 0, duplicates: points.length };
  const flags = spoofFlags(sortPts(touched), fresh);
  const newest = touched.filter((x) => fresh.has(x.seq)).reduce((a, b) => (b.t > a.t ? b : a));
  const last =
    !p.last || newest.t * 1000 > Date.parse(p.last.at)
      ? { seq: newest.seq, at: new Date(newest.t * 1000).toISOString(), lat: newest.lat, lng: newest.lng }
      : p.last;
  const after: PatrolItem = {
    ...p,
    points: p.points + fresh.size,
    last,
    flags: [...p.flags, ...flags].slice(0, MAX_FLAGS),
    flagCount: p.flagCount + flags.length,
    chunks: [...new Set([...p.chunks, ...chunks.map((c) => c.bucket)])].sort(),
  };
  const counters: Record<string, number> = flags.length ? { location_flags: flags.length } : {};
  const planned = planMove({
    move: 'upload',
    actor,
    before: p,
    after,
    now,
    counters,
    extra: [...chunks.map((c) => chunkPut(c, p.startedAt)), ...workerStats(p.workerId, now, counters)],
  });
  await run(planned);
  return { patrol: toPatrol(planned.item), accepted: fresh.size, duplicates: points.length - fresh.size };
}

/** Finishing (or the sweep closing) a patrol: its minutes, the grid's patrol day, the worker's month. */
async function finish(p: PatrolItem, by: Actor | typeof SYSTEM, move: 'stop' | 'autoClose', now: string) {
  const end = move === 'stop' ? now : (p.last?.at ?? p.startedAt);
  const minutes = Math.max(0, Math.round((Date.parse(end) - Date.parse(p.startedAt)) / 60_000));
  const date = chinaDate(p.startedAt);
  const first = !(await patrolDays(p.gridId, [date])).has(date);
  const after: PatrolItem = {
    ...p,
    endedAt: end,
    minutes,
    ...(move === 'autoClose'
      ? { flags: [...p.flags, { kind: 'overnight' as const, at: now, detail: '巡查隔夜未结束，系统自动关闭' }] }
      : {}),
  };
  const counters = { patrols: 1, patrol_minutes: minutes, ...(first ? { patrol_grid_days: 1 } : {}) };
  const planned = planMove({
    move,
    actor: by,
    before: p,
    after,
    now,
    counters,
    extra: [
      activeDelete(p.workerId),
      patrolDayAdd(p.gridId, date, first),
      ...workerStats(p.workerId, now, { patrols: 1, patrol_minutes: minutes }),
    ],
  });
  await run(planned);
  return planned.item;
}

export async function stopPatrol(actor: Actor, id: string, now: string) {
  const p = await load(id);
  if (p.workerId !== actor.id) throw forbidden('只能结束自己的巡查');
  if (p.status !== 'active') return toPatrol(p); // already ended (a retry, or the sweep closed it)
  return toPatrol(await finish(p, actor, 'stop', now));
}

/** Patrols left running overnight (started before today's China midnight, > 4 h ago): closed and flagged. */
export async function overnightSweep(now = new Date().toISOString()) {
  const midnight = new Date(Date.parse(`${chinaDate(now)}T00:00:00+08:00`)).toISOString();
  const cutoff = new Date(Math.min(Date.parse(midnight), Date.parse(now) - 4 * 3600_000)).toISOString();
  let closed = 0;
  for (const p of await openPatrolsStartedBefore(cutoff)) {
    try {
      await finish(p, SYSTEM, 'autoClose', now);
      closed++;
    } catch (e) {
      if ((e as { code?: string }).code !== 'VERSION_CONFLICT') throw e; // stopped meanwhile: nothing to do
    }
  }
  return closed;
}

/** 关键点位签到: within the point's radius, or with the token of its QR code. */
export async function checkIn(
  actor: Actor,
  id: string,
  body: { pointId: string; lat?: number; lng?: number; qrToken?: string },
  now: string,
) {
  const p = await load(id);
  if (p.workerId !== actor.id) throw forbidden('只能在自己的巡查中签到');
  const { keyPoints } = await gridSetup(p.gridId);
  const kp = keyPoints.find((k) => k.id === body.pointId);
  if (!kp) throw notFound('点位不存在');
  if (p.checkins.some((c) => c.pointId === kp.id)) return toPatrol(p); // already checked in here
  let by: 'qr' | 'location';
  if (body.qrToken) {
    if (body.qrToken !== kp.qrToken) throw badRequest('二维码与点位不符', [{ path: 'qrToken', message: '无效' }]);
    by = 'qr';
  } else {
    const d = Math.round(distanceM(kp, { lat: body.lat!, lng: body.lng! }));
    if (d > kp.radiusM)
      throw badRequest(`不在点位范围内（距离 ${d} 米，需在 ${kp.radiusM} 米内）`, [
        { path: 'lat', message: '超出范围' },
      ]);
    by = 'location';
  }
  const after = { ...p, checkins: [...p.checkins, { pointId: kp.id, name: kp.name, at: now, by }] };
  const counters = { patrol_checkins: 1 };
  const planned = planMove({
    move: 'checkin',
    actor,
    before: p,
    after,
    now,
    counters,
    extra: workerStats(p.workerId, now, counters),
  });
  await run(planned);
  return toPatrol(planned.item);
}

/**
 * An event found on patrol: 上报 files a request into the closed loop; 自处理 files it and resolves it
 * at once (submit → accept → resolve in the request kernel) with before/after photos. The patrol's
 * move, its counters and the worker's month are written in the request's creating transaction.
 */
export async function patrolEvent(actor: Actor, id: string, body: PatrolEventBody, now: string) {
  const p = await load(id);
  if (p.workerId !== actor.id) throw forbidden('只能在自己的巡查中上报');
  const self = body.mode === 'self';
  const cat = categoryByCode(body.category);
  if (!cat) throw badRequest('不支持的事件类别', [{ path: 'category', message: '请从类别中选择' }]);
  if (self && cat.defaultLevel !== 'grid')
    throw badRequest('该类事项需上报社区处理，不能自处理', [{ path: 'mode', message: '请选择上报' }]);
  if (self && !body.afterPhotos.length)
    throw badRequest('自处理请上传处理后的照片', [{ path: 'afterPhotos', message: '必填' }]);
  if (body.afterPhotos.length) await verifyAttachments(actor, body.afterPhotos);
  const requestId = newId(Date.parse(now));
  const counters: Record<string, number> = self ? { events_self_handled: 1 } : { events_reported: 1 };
  const after: PatrolItem = {
    ...p,
    events: {
      reported: p.events.reported + (self ? 0 : 1),
      selfHandled: p.events.selfHandled + (self ? 1 : 0),
      requestIds: [...p.events.requestIds, requestId].slice(-100),
    },
  };
  const planned = planMove({
    move: 'event',
    actor,
    before: p,
    after,
    now,
    counters,
    extra: workerStats(p.workerId, now, counters),
  });
  const req = await createRequest(
    actor,
    {
      category: body.category,
      description: body.description,
      unitId: body.unitId,
      ...(body.location ? { location: body.location } : {}),
      attachments: body.attachments,
      ignoreSimilar: true,
    } as never,
    now,
    {
      id: requestId,
      tag: {
        source: 'patrol',
        patrolId: p.id,
        ...(self ? { selfHandled: { afterPhotos: body.afterPhotos, resolution: body.resolution ?? '' } } : {}),
      },
      extra: planned.items,
    },
  );
  let status = req.status as string;
  if (self) {
    await actOnRequest(actor, requestId, 'accept', { note: '巡查现场自处理' }, now);
    const done = await actOnRequest(actor, requestId, 'resolve', { note: body.resolution || '现场已处理' }, now);
    status = done.status;
  }
  return { requestId, status, mode: body.mode, patrol: toPatrol(planned.item) };
}

export async function readTrack(actor: Actor, id: string) {
  const p = await load(id);
  if (!mayReadTrack(actor, p)) throw forbidden('无权查看该巡查轨迹');
  const [chunks, setup] = await Promise.all([allChunks(id), gridSetup(p.gridId)]);
  const points = sortPts(chunks.flatMap((c) => decodePts(c.pts))).map((x) => ({
    seq: x.seq,
    at: new Date(x.t * 1000).toISOString(),
    lat: x.lat,
    lng: x.lng,
  }));
  return {
    patrol: toPatrol(p),
    points,
    keyPoints: setup.keyPoints.map((k) => ({
      id: k.id,
      gridId: k.gridId,
      name: k.name,
      lat: k.lat,
      lng: k.lng,
      radiusM: k.radiusM,
    })),
  };
}

export async function getPatrolView(actor: Actor, id: string) {
  const p = await load(id);
  if (!mayReadTrack(actor, p)) throw forbidden('无权查看该巡查');
  return toPatrol(p);
}

/** My patrols (newest first) and the one under way. */
export async function myPatrols(actor: Actor, page: PageRequest) {
  const res = await patrolsOfWorker(actor.id, page);
  return { items: res.items.map(toPatrol), nextCursor: res.nextCursor };
}

/** Patrols under way in the leader's scope (one Query per grid they serve). */
export async function activeInScope(actor: Actor, gridId: string | undefined, page: PageRequest) {
  const grid = gridId ?? actor.gridIds[0];
  if (!grid) return { items: [], nextCursor: null };
  const g = await gridInScope(actor, grid);
  const res = await activePatrolsIn(g.path, page);
  return { items: res.items.filter((p) => mayReadTrack(actor, p)).map(toPatrol), nextCursor: res.nextCursor };
}
