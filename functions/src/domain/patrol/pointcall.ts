/**
 * 视频点调 (point-call): a leader in scope (community … district, the centre) calls a worker on duty;
 * the worker answers within N minutes through a channel. A real-time video call needs WeChat's VoIP
 * qualification (the 音视频通话 plugin is granted per mini-program by WeChat), so the call is an
 * interface — `PointCallChannel` — whose first implementation is a live photo taken with the camera
 * in the app plus the location. Unanswered calls are marked missed by a sweep and counted against
 * the worker.
 */
import { POINTCALL_MINUTES } from '@gridlink/shared/patrol';
import { POINTCALL_WORKFLOW } from '@gridlink/shared/workflows/patrol';
import type { Actor } from '../../auth/actor';
import { getGridItems } from '../../data/grids';
import { newId } from '../../data/ids';
import { conditionalPut } from '../../data/item';
import { getPointCall, pointCallItem, pointCallsDueBefore, pointCallsFor, type PointCallItem } from '../../data/patrol';
import type { PageRequest } from '../../data/query';
import { getUser } from '../../data/users';
import { presignGet } from '../../data/storage';
import { badRequest, forbidden, notFound } from '../errors';
import { verifyAttachments } from '../uploads';
import { commit, SYSTEM, type Binding } from '../workflow/kernel';
import { isLeaderOver, mayReadTrack, moveActor, workerStats } from './common';

export interface PointCallAnswer {
  photo: string;
  lat: number;
  lng: number;
  source: string;
}

/** How a call reaches the worker and what counts as an answer. */
export interface PointCallChannel {
  name: string;
  /** checks an answer (throws the domain's errors); returns what is stored */
  verify(actor: Actor, answer: PointCallAnswer): Promise<PointCallItem['answer']>;
}

/** First implementation: a live photo taken with the camera in the app (not the album) + location. */
export const photoChannel: PointCallChannel = {
  name: 'photo',
  async verify(actor, a) {
    if (a.source !== 'camera') throw badRequest('请使用相机现场拍摄', [{ path: 'source', message: '仅限相机' }]);
    await verifyAttachments(actor, [a.photo]);
    return { photo: a.photo, lat: a.lat, lng: a.lng, source: 'camera' };
  },
};

const CHANNELS: Record<string, PointCallChannel> = { photo: photoChannel };
export const callMinutes = () => Number(process.env.POINTCALL_MINUTES ?? POINTCALL_MINUTES);

const BINDING: Binding<PointCallItem> = {
  workflow: POINTCALL_WORKFLOW,
  put: (after, expected) => conditionalPut(pointCallItem(after), expected),
  gridPath: (c) => c.gridPath,
  notice: ({ after, move }) =>
    move === 'call'
      ? {
          userIds: [after.workerId],
          template: 'request_status',
          title: '视频点调：请立即应答',
          body: `${after.callerName} 点调，请在 ${new Date(Date.parse(after.dueAt) + 8 * 3600_000).toISOString().slice(11, 16)} 前拍照应答`,
          page: `/pkg-patrol/pages/pointcall/index?id=${after.id}`,
        }
      : {
          userIds: [after.callerId],
          template: 'request_status',
          title: `点调${POINTCALL_WORKFLOW.stateNames[after.status]}：${after.workerName}`,
          body: '',
          page: `/pkg-patrol/pages/leader/index`,
        },
};

export async function toPointCall(c: PointCallItem) {
  return {
    id: c.id,
    status: c.status,
    channel: c.channel,
    workerId: c.workerId,
    workerName: c.workerName,
    callerId: c.callerId,
    callerName: c.callerName,
    createdAt: c.createdAt,
    dueAt: c.dueAt,
    answeredAt: c.answeredAt,
    answer: c.answer ? { photoUrl: await presignGet(c.answer.photo, 600), lat: c.answer.lat, lng: c.answer.lng } : null,
    version: c.version,
  };
}

export async function callWorker(actor: Actor, body: { workerId: string; minutes?: number }, now: string) {
  const w = await getUser(body.workerId);
  if (!w || !['grid_worker', 'grid_leader'].includes(w.role)) throw notFound('网格员不存在');
  const grids = [...(await getGridItems(w.gridIds ?? [])).values()];
  const grid = grids.find((g) => isLeaderOver(actor, g.path));
  if (!grid || actor.id === w.id) throw forbidden('只能点调您负责网格内的网格员');
  const minutes = body.minutes ?? callMinutes();
  const c: PointCallItem = {
    id: newId(Date.parse(now)),
    status: 'calling',
    version: 0,
    updatedAt: now,
    createdAt: now,
    channel: 'photo',
    workerId: w.id,
    workerName: w.name,
    gridPath: grid.path,
    callerId: actor.id,
    callerName: actor.name,
    dueAt: new Date(Date.parse(now) + minutes * 60_000).toISOString(),
    answeredAt: null,
    answer: null,
  };
  const counters = { pointcalls: 1 };
  const { item } = await commit(BINDING, {
    move: 'call',
    actor: moveActor(actor),
    as: [actor.role],
    after: c,
    now,
    counters,
    extra: workerStats(w.id, now, counters),
  });
  return toPointCall(item);
}

export async function answerCall(actor: Actor, id: string, answer: PointCallAnswer, now: string) {
  const c = await getPointCall(id);
  if (!c) throw notFound('点调不存在');
  if (c.workerId !== actor.id) throw forbidden('只能应答点调您本人的呼叫');
  if (c.status === 'calling' && now > c.dueAt)
    throw badRequest('点调已超时', [{ path: 'photo', message: '已超过应答时限' }]);
  const stored = c.status === 'calling' ? await (CHANNELS[c.channel] ?? photoChannel).verify(actor, answer) : c.answer;
  const counters = { pointcalls_answered: 1 };
  const { item } = await commit(BINDING, {
    move: 'answer',
    actor: moveActor(actor),
    as: ['owner'],
    before: c,
    after: { ...c, answeredAt: now, answer: stored },
    now,
    counters,
    extra: workerStats(c.workerId, now, counters),
  });
  return toPointCall(item);
}

export async function readCall(actor: Actor, id: string) {
  const c = await getPointCall(id);
  if (!c) throw notFound('点调不存在');
  if (!mayReadTrack(actor, { workerId: c.workerId, gridPath: c.gridPath }) && c.callerId !== actor.id)
    throw forbidden('无权查看该点调');
  return toPointCall(c);
}

export async function myCalls(actor: Actor, page: PageRequest) {
  const res = await pointCallsFor(actor.id, page);
  return { items: await Promise.all(res.items.map(toPointCall)), nextCursor: res.nextCursor };
}

/** Calls not answered by their deadline: missed, counted against the worker. */
export async function pointCallSweep(now = new Date().toISOString()) {
  let missed = 0;
  for (const c of await pointCallsDueBefore(now)) {
    const counters = { pointcalls_missed: 1 };
    try {
      await commit(BINDING, {
        move: 'expire',
        actor: SYSTEM,
        as: ['system'],
        before: c,
        after: c,
        now,
        counters,
        extra: workerStats(c.workerId, now, counters),
      });
      missed++;
    } catch (e) {
      if ((e as { code?: string }).code !== 'VERSION_CONFLICT') throw e; // answered meanwhile
    }
  }
  return missed;
}
