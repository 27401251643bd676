import type { RequestStatus } from '@gridlink/shared/requests';
import { getRequestWithTimeline, listInbox, listMine, type RequestItem } from '../../data/requests';
import type { PageRequest } from '../../data/query';
import { forbidden, notFound } from '../errors';
import type { Actor } from '../../auth/actor';
import { actorTier } from './routing';
import { toJoinerView, toResource } from './view';
import { homeBuilding } from './relation';
import { attachmentLinks } from '../uploads';
import { servedGrids } from '../staff/served';

const isStaffReader = (actor: Actor, r: RequestItem) =>
  actor.role === 'department'
    ? r.departmentId === actor.departmentId
    : !!actorTier(actor, r.gridPath) && actor.role !== 'resident' && actor.role !== 'agent';

/** A joiner reads while they still live (verified) in the request's building. */
const isJoiner = (actor: Actor, r: RequestItem, building: string | undefined) =>
  r.joinerIds.includes(actor.id) && !!building && r.gridPath[5] === building;

/**
 * Owner, staff in scope and the department it is dispatched to read a request in full; joiners who
 * still live in its building read the joiner view (no reporter, unit, place, photos or text).
 */
export async function readRequest(actor: Actor, id: string) {
  const found = await getRequestWithTimeline(id);
  if (!found) throw notFound('诉求不存在');
  const { request: r, events } = found;
  const full = r.reporterId === actor.id || isStaffReader(actor, r);
  if (!full) {
    if (isJoiner(actor, r, r.joinerIds.includes(actor.id) ? await homeBuilding(actor) : undefined))
      return toJoinerView(r, events);
    throw notFound('诉求不存在'); // 404, not 403: do not reveal that it exists
  }
  const resource = toResource(r, actor.id, events);
  resource.attachments = await attachmentLinks(r.attachments); // short-lived links, for allowed readers only
  if (r.resultPhotos?.length) resource.resultPhotos = await attachmentLinks(r.resultPhotos);
  return resource;
}

export async function listRequests(
  actor: Actor,
  q: PageRequest & { view: 'mine' | 'inbox'; status?: RequestStatus; gridId?: string },
) {
  const page = { limit: q.limit, cursor: q.cursor };
  if (q.view === 'mine') {
    const p = await listMine(actor.id, page, q.status);
    const joined = p.items.some((r) => r.reporterId !== actor.id);
    const building = joined ? await homeBuilding(actor) : undefined;
    const items = p.items
      .filter((r) => r.reporterId === actor.id || isJoiner(actor, r, building))
      .map((r) => (r.reporterId === actor.id ? toResource(r, actor.id) : toJoinerView(r)));
    return { items, nextCursor: p.nextCursor };
  }
  let owners: string[] = [];
  if (actor.role === 'department') owners = actor.departmentId ? [actor.departmentId] : [];
  else if (actor.role !== 'resident' && actor.role !== 'agent') owners = await servedGrids(actor, q.gridId);
  if (!owners.length) throw forbidden('只有工作人员有待办');
  const p = await listInbox(owners, page, q.status);
  return { items: p.items.map((r) => toResource(r, actor.id)), nextCursor: p.nextCursor };
}
