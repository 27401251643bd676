import { maskName } from '@gridlink/shared/mask';
/** Proxy tasks: asked for with consent, claimed by exactly one agent, done, confirmed, rated. */
import type { CreateProxyTaskBody, ProxyTask } from '@gridlink/shared/proxy';
import { CONSENT_METHOD_NAMES } from '@gridlink/shared/names';
import { servedCommunities } from '../staff/served';
import { getGridItems } from '../../data/grids';
import { newId } from '../../data/ids';
import {
  agentStatsAdd,
  getCare,
  getTask,
  getTaskWithTimeline,
  listAgentTasks,
  listHall,
  listRequested,
  type ProxyTaskItem,
} from '../../data/proxy';
import { getService } from '../../data/services';
import type { Deltas } from '../../data/stats';
import { getUser, type UserItem } from '../../data/users';
import { badRequest, conflict, DomainError, forbidden, notFound } from '../errors';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { relationTo } from '../behalf';
import { isSide } from './access';
import { recipientView, taskReader } from './view';
import { check, commit, expectVersion } from '../workflow/kernel';
import { PROXY_WORKFLOW } from '@gridlink/shared/workflows/proxy';
import { verifyAttachments } from '../uploads';
import { PROXY_BINDING, proxyRelations, type ProxyMove } from './binding';

const HOUR = 3600_000;

export async function toTask(
  actor: Actor,
  t: ProxyTaskItem,
  events?: Record<string, unknown>[],
  recipientUser?: UserItem,
): Promise<ProxyTask> {
  // both reads at once: the reader's relation (a family link, perhaps) and the recipient's contact data
  const [reader, user] = await Promise.all([taskReader(actor, t), recipientUser ?? getUser(t.recipientId)]);
  const { gridPath, recipientId, recipientName, recipientAddress, claimedAt, ...rest } = t;
  // who asked, and who consented, are persons too: the hall sees them masked like the recipient
  const person = (name: string) => (reader === 'public' ? maskName(name) : name);
  return {
    ...rest,
    requesterName: person(t.requesterName),
    consent: { ...t.consent, byName: person(t.consent.byName) },
    recipient: await recipientView(actor, t, reader, user),
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
  // stored as UTC ISO (it sorts the hall): a `+08:00` deadline compares right with `now`
  const deadline = new Date(body.deadline ? Date.parse(body.deadline) : Date.parse(now) + 48 * HOUR).toISOString();
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
  const { item } = await commit(PROXY_BINDING, {
    move: 'create',
    actor,
    as: ['side'],
    after: t,
    note: `授权方式：${CONSENT_METHOD_NAMES[body.consent.method]}`,
    now,
    counters: { proxy_tasks: 1 },
  });
  return await toTask(actor, item, [], recipient);
}

export async function moveTask(
  actor: Actor,
  id: string,
  move: ProxyMove,
  body: { note?: string; applicationId?: string; photos?: string[]; version?: number },
  now: string,
) {
  const t = await getTask(id);
  if (!t) throw notFound('任务不存在');
  expectVersion(t, body.version, PROXY_WORKFLOW.moves[move]); // a claim is raced for: the first one wins
  const rel = await proxyRelations(actor, t, move);
  const after: ProxyTaskItem = { ...t };
  const extra: unknown[] = [];
  const counters: Deltas = {};
  if (move === 'claim') Object.assign(after, { agentId: actor.id, agentName: actor.name, claimedAt: now });
  if (move === 'complete' && body.photos?.length) {
    check(PROXY_WORKFLOW, { move, ...rel, actorRole: actor.role, before: t }); // who, before what they attach
    await verifyPhotos(actor, body.photos);
  }
  if (move === 'complete')
    after.result = {
      note: body.note ?? '',
      ...(body.applicationId ? { applicationId: body.applicationId } : {}),
      photos: body.photos ?? [],
    };
  if (move === 'confirm') {
    after.confirmedBy = { id: actor.id, name: actor.name, role: actor.role, at: now };
    extra.push(agentStatsAdd(t.agentId!, { tasksDone: 1 }, now));
    counters.proxy_done_total = 1; // 代办人次
  }
  const moved = await commit(PROXY_BINDING, {
    move,
    actor,
    ...rel,
    before: t,
    after,
    note: body.note,
    now,
    counters,
    extra,
  });
  return toTask(actor, moved.item);
}

/** Photos of a completed task are attachments: verified the way request attachments are. */
async function verifyPhotos(actor: Actor, photos: string[]) {
  try {
    await verifyAttachments(actor, photos);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    const details = e.details?.map((d) => ({ ...d, path: d.path.replace(/^attachments\./, 'photos.') }));
    throw new DomainError(e.code, e.message, details);
  }
}

export async function rateTask(actor: Actor, id: string, stars: number, comment: string | undefined, now: string) {
  const t = await getTask(id);
  if (!t) throw notFound('任务不存在');
  const isFamily = (await relationTo({ ...actor, role: 'resident' }, t.recipientId)) === 'family';
  // the requester, the recipient or their family rate — not the grid staff who are also on their side
  const as = actor.id === t.requesterId || actor.id === t.recipientId || isFamily ? ['side'] : [];
  if (t.rating) throw conflict('已经评价过了');
  const after = { ...t, rating: { stars, ...(comment ? { comment } : {}), at: now } };
  const { item } = await commit(PROXY_BINDING, {
    move: 'rate',
    actor,
    as,
    refusal: '只有提出人或本人可以评价',
    before: t,
    after,
    note: comment,
    now,
    counters: { proxy_rated: 1, proxy_stars_sum: stars },
    extra: [agentStatsAdd(t.agentId!, { ratings: 1, ratingSum: stars }, now)],
  });
  return toTask(actor, item);
}

export async function readTask(actor: Actor, id: string) {
  const found = await getTaskWithTimeline(id);
  if (!found) throw notFound('任务不存在');
  const t = found.task;
  const visible =
    // agents: the open tasks of their community's hall (the public projection) and their own tasks
    (actor.role === 'agent' && actor.gridIds.includes(t.communityId) && t.status === 'open') ||
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
    p = q.view === 'hall' ? await listHall(await servedCommunities(actor), page) : await listAgentTasks(actor.id, page);
  } else p = await listRequested(actor.id, page);
  return { items: await Promise.all(p.items.map((t) => toTask(actor, t))), nextCursor: p.nextCursor };
}
