/** Proxy tasks: asked for with consent, claimed by exactly one agent, done, confirmed, rated. */
import type { CreateProxyTaskBody, ProxyStatus, ProxyTask } from '@gridlink/shared/proxy';
import { CONSENT_METHOD_NAMES, PROXY_STATUS_NAMES } from '@gridlink/shared/names';
import { auditPut } from '../../data/audit';
import { getGridItems } from '../../data/grids';
import { newId } from '../../data/ids';
import { outboxPut } from '../../data/outbox';
import {
  agentStatsAdd,
  getCare,
  getTask,
  getTaskWithTimeline,
  listAgentTasks,
  listHall,
  listRequested,
  liveTaskDelete,
  liveTaskPut,
  taskEventPut,
  taskForPut,
  taskPut,
  type ProxyTaskItem,
} from '../../data/proxy';
import { transact } from '../../data/requests';
import { getService } from '../../data/services';
import { statsUpdates, type Deltas } from '../../data/stats';
import { getUser, type UserItem } from '../../data/users';
import { DomainError, badRequest, forbidden, notFound, versionConflict } from '../errors';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { relationTo } from '../behalf';
import { inWindow, isSide, recipientView } from './access';
import { nextProxyStatus, PROXY_TRANSITIONS, type ProxyMove } from './transitions';

const HOUR = 3600_000;

export async function toTask(
  actor: Actor,
  t: ProxyTaskItem,
  events?: Record<string, unknown>[],
  recipientUser?: UserItem,
): Promise<ProxyTask> {
  // both reads at once: the reader's side (a family link, perhaps) and the recipient's contact data;
  // the assigned agent in the access window sees the recipient anyway, their side is not looked up
  const [side, user] = await Promise.all([
    inWindow(actor, t) || isSide(actor, t),
    recipientUser ?? getUser(t.recipientId),
  ]);
  const { gridPath, recipientId, recipientName, recipientAddress, claimedAt, ...rest } = t;
  return {
    ...rest,
    recipient: await recipientView(actor, t, side, user),
    ...(events ? { timeline: events as ProxyTask['timeline'] } : {}),
  };
}

/** Consent must fit who is asking: in-app by the recipient, witnessed by a grid worker, or by family. */
async function checkConsent(actor: Actor, body: CreateProxyTaskBody, gridPath: string[]) {
  const m = body.consent.method;
  const ok =
    (m === 'in_app' && actor.id === body.recipientId) ||
    (m === 'witnessed_signature' &&
      ['grid_worker', 'grid_leader', 'community_admin'].includes(actor.role) &&
      inScope(actor, gridPath)) ||
    (m === 'family' && (await relationTo({ ...actor, role: 'resident' }, body.recipientId)) === 'family');
  if (!ok)
    throw badRequest('授权方式与提出人不符', [
      { path: 'consent.method', message: '本人授权须本人提出；见证签字须网格员提出；家属授权须已确认的家属提出' },
    ]);
}

export async function createTask(actor: Actor, body: CreateProxyTaskBody, now: string) {
  const [recipient, care] = await Promise.all([getUser(body.recipientId), getCare(body.recipientId)]);
  if (!recipient?.unitId) throw badRequest('被帮扶对象不存在或未登记单元', [{ path: 'recipientId', message: '无效' }]);
  const unit = (await getGridItems([recipient.unitId])).get(recipient.unitId)!;
  if (
    actor.id !== body.recipientId &&
    !(await isSide(actor, { requesterId: '', recipientId: body.recipientId, gridPath: unit.path }))
  )
    throw forbidden('只有本人、已确认的家属或本网格网格员可以为其申请代办');
  await checkConsent(actor, body, unit.path);
  let serviceName: string | undefined;
  if (body.kind === 'service') {
    const service = body.serviceCode ? await getService(body.serviceCode) : undefined;
    if (!service) throw badRequest('请选择要代办的事项', [{ path: 'serviceCode', message: '事项不存在' }]);
    serviceName = service.name;
  }
  const deadline = body.deadline ?? new Date(Date.parse(now) + 48 * HOUR).toISOString();
  if (deadline <= now) throw badRequest('截止时间应晚于现在', [{ path: 'deadline', message: '已过去' }]);
  const id = newId(Date.parse(now));
  const t: ProxyTaskItem = {
    id,
    status: 'open',
    version: 1,
    createdAt: now,
    updatedAt: now,
    kind: body.kind,
    ...(body.serviceCode ? { serviceCode: body.serviceCode, serviceName } : {}),
    description: body.description,
    communityId: unit.path[2],
    gridPath: unit.path,
    deadline,
    requesterId: actor.id,
    requesterName: actor.name,
    recipientId: recipient.id,
    recipientName: care.profile?.name ?? recipient.name,
    recipientAddress: unit.pathNames.slice(2).join(' '),
    consent: { ...body.consent, by: actor.id, byName: actor.name, at: now },
  };
  const items: unknown[] = [
    taskPut(t),
    taskEventPut(id, {
      id: newId(Date.parse(now)),
      at: now,
      actorId: actor.id,
      actorName: actor.name,
      action: 'create',
      from: null,
      to: 'open',
      note: `授权方式：${CONSENT_METHOD_NAMES[body.consent.method]}`,
    }),
    ...statsUpdates(unit.path, { proxy_tasks: 1, proxy_open: 1 }, now),
    auditPut({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'proxy.create',
      target: `proxy:${id}`,
      from: null,
      to: { status: 'open', consent: body.consent.method },
      at: now,
    }),
  ];
  if (t.recipientId !== t.requesterId) items.push(taskForPut(t));
  await transact(items);
  return await toTask(actor, t, [], recipient);
}

async function commit(
  before: ProxyTaskItem,
  after: ProxyTaskItem,
  actor: Actor,
  move: string,
  note: string | undefined,
  now: string,
  counters: Deltas,
  extra: unknown[] = [],
) {
  try {
    await transact([
      taskPut(after, { version: before.version, status: before.status }),
      taskEventPut(after.id, {
        id: newId(Date.parse(now)),
        at: now,
        actorId: actor.id,
        actorName: actor.name,
        action: move,
        from: before.status,
        to: after.status,
        note,
      }),
      ...statsUpdates(after.gridPath, counters, now),
      auditPut({
        actorId: actor.id,
        actorRole: actor.role,
        action: `proxy.${move}`,
        target: `proxy:${after.id}`,
        from: before.status,
        to: after.status,
        at: now,
      }),
      outboxPut({
        userIds: [...new Set([after.requesterId, after.recipientId, ...(after.agentId ? [after.agentId] : [])])].filter(
          (u) => u !== actor.id,
        ),
        template: 'proxy_task',
        title: `代办：${PROXY_STATUS_NAMES[after.status]}`,
        body: note ?? PROXY_TRANSITIONS[move as ProxyMove]?.label ?? move,
        page: `/pkg-proxy/pages/task/index?id=${after.id}`,
        at: now,
      }),
      ...extra,
    ]);
  } catch (e) {
    if ((e as Error).name === 'TransactionCanceledException')
      throw new DomainError('CONFLICT', '任务已被他人处理，请刷新');
    throw e;
  }
  return toTask(actor, after);
}

const statusDelta = (from: ProxyStatus, to: ProxyStatus): Deltas => ({ [`proxy_${from}`]: -1, [`proxy_${to}`]: 1 });

export async function moveTask(
  actor: Actor,
  id: string,
  move: ProxyMove,
  body: { note?: string; applicationId?: string; photos?: string[]; version?: number },
  now: string,
) {
  const t = await getTask(id);
  if (!t) throw notFound('任务不存在');
  const rule = PROXY_TRANSITIONS[move];
  if (body.version !== undefined && body.version !== t.version && move !== 'claim') throw versionConflict();
  if (rule.by.includes('agent')) {
    if (actor.role !== 'agent') throw forbidden('只有红色代办员可以认领');
    if (!actor.gridIds.includes(t.communityId)) throw forbidden('该任务不在您服务的社区');
    if (t.status !== 'open') throw new DomainError('CONFLICT', '任务已被其他代办员认领');
  } else if (rule.by.includes('assignee')) {
    if (t.agentId !== actor.id) throw forbidden('只有认领该任务的代办员可以操作');
  } else if (!(await isSide(actor, t))) throw forbidden('只有提出人、本人、家属或网格员可以操作');
  const to = nextProxyStatus(move, t.status);
  if (!to) throw new DomainError('INVALID_TRANSITION', `当前状态（${PROXY_STATUS_NAMES[t.status]}）不能${rule.label}`);
  const after: ProxyTaskItem = { ...t, status: to, version: t.version + 1, updatedAt: now };
  const extra: unknown[] = [];
  const counters = statusDelta(t.status, to);
  if (move === 'claim') {
    Object.assign(after, { agentId: actor.id, agentName: actor.name, claimedAt: now });
    extra.push(liveTaskPut(after));
  }
  if (move === 'complete')
    after.result = {
      note: body.note ?? '',
      ...(body.applicationId ? { applicationId: body.applicationId } : {}),
      photos: body.photos ?? [],
    };
  if (move === 'confirm') {
    after.confirmedBy = { id: actor.id, name: actor.name, role: actor.role, at: now };
    extra.push(liveTaskDelete(t), agentStatsAdd(t.agentId!, { tasksDone: 1 }, now));
    counters.proxy_done_total = 1; // 代办人次
  }
  if (move === 'cancel' && t.agentId) extra.push(liveTaskDelete(t));
  return commit(t, after, actor, move, body.note, now, counters, extra);
}

export async function rateTask(actor: Actor, id: string, stars: number, comment: string | undefined, now: string) {
  const t = await getTask(id);
  if (!t) throw notFound('任务不存在');
  if (
    actor.id !== t.requesterId &&
    actor.id !== t.recipientId &&
    (await relationTo({ ...actor, role: 'resident' }, t.recipientId)) !== 'family'
  )
    throw forbidden('只有提出人或本人可以评价');
  if (t.status !== 'confirmed') throw new DomainError('INVALID_TRANSITION', '确认办结后才能评价');
  if (t.rating) throw new DomainError('CONFLICT', '已经评价过了');
  const after = {
    ...t,
    version: t.version + 1,
    updatedAt: now,
    rating: { stars, ...(comment ? { comment } : {}), at: now },
  };
  return commit(t, after, actor, 'rate', comment, now, { proxy_rated: 1, proxy_stars_sum: stars }, [
    agentStatsAdd(t.agentId!, { ratings: 1, ratingSum: stars }, now),
  ]);
}

export async function readTask(actor: Actor, id: string) {
  const found = await getTaskWithTimeline(id);
  if (!found) throw notFound('任务不存在');
  const t = found.task;
  const visible =
    (actor.role === 'agent' && actor.gridIds.includes(t.communityId)) ||
    t.agentId === actor.id ||
    (await isSide(actor, t)) ||
    (['street_admin', 'district_admin'].includes(actor.role) && inScope(actor, t.gridPath));
  if (!visible) throw notFound('任务不存在');
  return toTask(actor, t, found.events);
}

/** 任务大厅 (open tasks of the agent's community, nearest deadline first), 我的任务, and what I asked for. */
export async function listTasks(
  actor: Actor,
  q: { view: 'hall' | 'mine' | 'requested'; limit: number; cursor?: string },
) {
  const page = { limit: q.limit, cursor: q.cursor };
  let p;
  if (q.view === 'hall' || q.view === 'mine') {
    if (actor.role !== 'agent') throw forbidden('只有红色代办员可以查看任务大厅');
    p = q.view === 'hall' ? await listHall(actor.gridIds[0], page) : await listAgentTasks(actor.id, page);
  } else p = await listRequested(actor.id, page);
  return { items: await Promise.all(p.items.map((t) => toTask(actor, t))), nextCursor: p.nextCursor };
}
