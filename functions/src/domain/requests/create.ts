import type { CreateRequestBody } from '@gridlink/shared/requests';
import { UNIT_ROLES } from '@gridlink/shared/roles';
import { isOpenState } from '@gridlink/shared/workflow';
import { REQUEST_WORKFLOW } from '@gridlink/shared/workflows/requests';
import { categoryByCode } from '@gridlink/shared/request-categories';
import { getGridItems, staffedGrids } from '../../data/grids';
import { newId } from '../../data/ids';
import { getRequests, joinPut, openRequestIdsInBuilding, requestReplace, type RequestItem } from '../../data/requests';
import { statsUpdates } from '../../data/stats';
import { DomainError, badRequest, conflict, forbidden, notFound } from '../errors';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { REQUEST_BINDING } from './commit';
import { commit, run } from '../workflow/kernel';
import { inboxFor } from './routing';
import { feedPut } from '../../data/open311';
import { verifyAttachments } from '../uploads';
import { toJoinerView, toResource, toSuggestion } from './view';
import { homeBuilding, suggestionBuilding } from './relation';
import { publicSummary } from './summary';
import { checksForNewRequest, isPublishable, publicDescription } from '../moderation';

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

/**
 * Open requests of the same building and category, offered to join (我也遇到) instead of a new one:
 * only of the caller's own verified building (staff: a unit in their grids), and only as suggestions
 * (category, public summary, status, joins). Own ones are included (`mine`): "you already reported
 * this" beats an empty list.
 */
export async function similarRequests(actor: Actor, category: string, unitId?: string) {
  const building = await suggestionBuilding(actor, unitId);
  if (!building) return { items: [] };
  const ids = await openRequestIdsInBuilding(building, category);
  // own ones included; others' only once content security passed them
  const found = (await getRequests(ids)).filter((r) => r.reporterId === actor.id || isPublishable(r));
  return { items: found.map((r) => toSuggestion(r, actor.id)) };
}

/** Duplicates are looked for only where the caller may be shown them (see similarRequests). */
async function mayCompare(actor: Actor, unit: { id: string; path: string[] }) {
  if (!UNIT_ROLES.includes(actor.role)) return true; // staff: unitFor checked the unit is in scope
  if (!actor.unitVerified) return false;
  return actor.unitId === unit.id || (await homeBuilding(actor)) === unit.path[5];
}

/** A request filed by staff from elsewhere (a patrol): fields it carries and items that must agree with it. */
export interface RequestOrigin {
  /** the request's id, minted by the caller (so items that must agree can name it) */
  id?: string;
  tag: { source: 'patrol'; patrolId: string } & Record<string, unknown>;
  extra: unknown[];
}

export async function createRequest(actor: Actor, body: CreateRequestBody, now: string, origin?: RequestOrigin) {
  const category = categoryByCode(body.category);
  if (!category) throw badRequest('不支持的诉求类别', [{ path: 'category', message: '请从诉求类别中选择' }]);
  const unit = await unitFor(actor, body.unitId);
  const path = unit.path;
  // independent reads at once (checked in the same order as before): duplicates, staffed grids, photos
  const similar =
    body.ignoreSimilar || !(await mayCompare(actor, unit))
      ? Promise.resolve([])
      : openRequestIdsInBuilding(path[5], category.code);
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
  const id = origin?.id ?? newId(Date.parse(now));
  const req: RequestItem = {
    id,
    status: 'submitted',
    version: 1,
    createdAt: now,
    updatedAt: now,
    category: category.code,
    categoryName: category.name,
    publicSummary: publicSummary(category.name, body.description),
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
    ...(origin?.tag ?? {}),
  };
  // content security: checked after the write (domain/moderation.ts), hidden from others until it passes
  const checks = checksForNewRequest(req, now);
  req.moderation = checks.moderation;
  await commit(REQUEST_BINDING, {
    move: 'submit',
    actor: { id: actor.id, name: req.reporterName, role: actor.role },
    as: [actor.role],
    after: req,
    now,
    counters: { req_total: 1, [`cat_${category.code.replace(/-/g, '_')}`]: 1 },
    extra: [
      feedPut(req, unit.pathNames.slice(0, 3).join(' '), publicDescription(req)),
      ...checks.puts,
      ...(origin?.extra ?? []),
    ],
  });
  return toResource(req, actor.id, []);
}

/** 我也遇到: a resident joins an open request; they follow it and are notified of its changes. */
export async function joinRequest(actor: Actor, requestId: string, now: string) {
  const [req] = await getRequests([requestId]);
  if (!req) throw notFound('诉求不存在');
  if (req.reporterId === actor.id) return toResource(req, actor.id);
  if (!isPublishable(req)) throw notFound('诉求不存在'); // not checked yet, or hidden: not offered to others
  if (actor.unitId && !actor.unitVerified) throw forbidden('您的单元绑定尚待核验，核验后才能加入');
  if ((await homeBuilding(actor)) !== req.gridPath[5]) throw forbidden('只能加入本楼栋的诉求');
  if (req.joinerIds.includes(actor.id)) return toJoinerView(req);
  if (!isOpenState(REQUEST_WORKFLOW, req.status)) throw conflict('该诉求已办结，不能再加入', 'INVALID_TRANSITION');
  if (req.joinerIds.length >= 50) throw conflict('加入人数已满');
  const after: RequestItem = {
    ...req,
    joinCount: req.joinCount + 1,
    joinerIds: [...req.joinerIds, actor.id],
    version: req.version + 1,
    updatedAt: now,
  };
  // joining follows a request; it is not a move of its workflow (no timeline event: joiners stay private)
  await run({
    items: [
      requestReplace(after, { version: req.version, status: req.status }),
      joinPut(req, actor.id, now),
      ...statsUpdates(req.gridPath, { req_joins: 1 }, now),
    ],
  });
  return toJoinerView(after);
}
