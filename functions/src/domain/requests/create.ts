import type { CreateRequestBody } from '@gridlink/shared/requests';
import { categoryByCode } from '@gridlink/shared/request-categories';
import { REQUEST_STATUS_NAMES } from '@gridlink/shared/requests';
import { auditPut } from '../../data/audit';
import { getGridItems, staffedGrids } from '../../data/grids';
import { newId } from '../../data/ids';
import { outboxPut } from '../../data/outbox';
import {
  eventPut,
  getRequests,
  joinPut,
  openIndexPut,
  openRequestIdsInBuilding,
  requestCreatePut,
  requestReplace,
  transact,
  type RequestItem,
} from '../../data/requests';
import { statsUpdates } from '../../data/stats';
import { DomainError, badRequest, conflict, forbidden, notFound } from '../errors';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { statusDeltas } from './commit';
import { inboxFor } from './routing';
import { feedPut } from '../../data/open311';
import { verifyAttachments } from '../uploads';
import { toResource } from './view';

const hoursLater = (now: string, h: number) => new Date(Date.parse(now) + h * 3600_000).toISOString();

/** Resolves the unit a report is about and checks the reporter may report there. */
async function unitFor(actor: Actor, unitId: string | undefined) {
  const id = unitId ?? actor.unitId;
  if (!id) throw badRequest('请先绑定您居住的单元，或选择问题所在单元', [{ path: 'unitId', message: '必填' }]);
  const unit = (await getGridItems([id])).get(id);
  if (!unit || unit.level !== 'unit') throw badRequest('单元不存在', [{ path: 'unitId', message: '不是有效的单元' }]);
  if (actor.role !== 'resident' && actor.role !== 'agent' && !inScope(actor, unit.path))
    throw forbidden('只能为您负责网格内的单元报事');
  return unit;
}

/** Open requests of the same building and category: offered to join (我也遇到) instead of a new one. */
export async function similarRequests(actor: Actor, category: string, unitId?: string) {
  const unit = await unitFor(actor, unitId);
  const ids = await openRequestIdsInBuilding(unit.path[5], category);
  // own ones included (reporterId tells the client): "you already reported this" beats an empty list
  return { items: (await getRequests(ids)).map((r) => toResource(r)) };
}

export async function createRequest(actor: Actor, body: CreateRequestBody, now: string) {
  const category = categoryByCode(body.category);
  if (!category) throw badRequest('不支持的诉求类别', [{ path: 'category', message: '请从诉求类别中选择' }]);
  const unit = await unitFor(actor, body.unitId);
  const path = unit.path;
  // independent reads at once (checked in the same order as before): duplicates, staffed grids, photos
  const similar = body.ignoreSimilar ? Promise.resolve([]) : openRequestIdsInBuilding(path[5], category.code);
  const staffedOnPath = staffedGrids(path);
  similar.catch(() => undefined); // both are awaited below; no unhandled rejection meanwhile
  staffedOnPath.catch(() => undefined);
  if (body.attachments?.length) await verifyAttachments(actor, body.attachments);
  const open = await similar;
  if (open.length)
    throw new DomainError('CONFLICT', '同楼栋已有相同问题正在办理，可选择“我也遇到”加入，或确认仍要新建', [
      { path: 'similar', message: open.join(',') },
    ]);
  const staffed = await staffedOnPath;
  const level = category.defaultLevel;
  const id = newId(Date.parse(now));
  const req: RequestItem = {
    id,
    status: 'submitted',
    version: 1,
    createdAt: now,
    updatedAt: now,
    category: category.code,
    categoryName: category.name,
    description: body.description,
    unitId: unit.id,
    unitName: unit.pathNames.slice(3).join(' '),
    gridPath: path,
    level,
    lastLevel: level,
    inbox: inboxFor(level, path, staffed),
    dueAt: hoursLater(now, category.slaHours[level]),
    overdue: false,
    reporterId: actor.id,
    reporterName: actor.name, // the user item read at sign-in for this request
    ...(body.location ? { location: body.location } : {}),
    attachments: body.attachments ?? [],
    reopenCount: 0,
    joinCount: 0,
    joinerIds: [],
  };
  await transact([
    requestCreatePut(req),
    eventPut(id, {
      id: newId(Date.parse(now)),
      at: now,
      actorId: actor.id,
      actorName: req.reporterName,
      actorRole: actor.role,
      action: 'submit',
      from: null,
      to: 'submitted',
      level,
      note: undefined,
    }),
    ...statsUpdates(
      path,
      { ...statusDeltas(undefined, req), req_total: 1, [`cat_${category.code.replace(/-/g, '_')}`]: 1 },
      now,
    ),
    openIndexPut(req),
    feedPut(req, unit.pathNames.slice(0, 3).join(' ')),
    auditPut({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'request.submit',
      target: `request:${id}`,
      from: null,
      to: 'submitted',
      at: now,
    }),
    outboxPut({
      userIds: [actor.id],
      template: 'request_status',
      title: `${category.name}：${REQUEST_STATUS_NAMES.submitted}`,
      body: '您的诉求已提交，网格员会尽快受理',
      page: `/pkg-resident/pages/request/index?id=${id}`,
      at: now,
    }),
  ]);
  return toResource(req, []);
}

/** 我也遇到: a resident joins an open request; they follow it and are notified of its changes. */
export async function joinRequest(actor: Actor, requestId: string, now: string) {
  const [req] = await getRequests([requestId]);
  if (!req) throw notFound('诉求不存在');
  if (req.reporterId === actor.id || req.joinerIds.includes(actor.id)) return toResource(req);
  if (!['submitted', 'accepted', 'dispatched'].includes(req.status))
    throw conflict('该诉求已办结，不能再加入', 'INVALID_TRANSITION');
  if (!actor.unitId || !req.gridPath.includes((await getGridItems([actor.unitId])).get(actor.unitId)?.path[5] ?? '-'))
    throw forbidden('只能加入本楼栋的诉求');
  if (req.joinerIds.length >= 50) throw conflict('加入人数已满');
  const after: RequestItem = {
    ...req,
    joinCount: req.joinCount + 1,
    joinerIds: [...req.joinerIds, actor.id],
    version: req.version + 1,
    updatedAt: now,
  };
  try {
    await transact([
      requestReplace(after, { version: req.version, status: req.status }),
      joinPut(req, actor.id, now),
      ...statsUpdates(req.gridPath, { req_joins: 1 }, now),
    ]);
  } catch (e) {
    if ((e as Error).name === 'TransactionCanceledException')
      throw conflict('操作冲突，请刷新后重试', 'VERSION_CONFLICT');
    throw e;
  }
  return toResource(after);
}
