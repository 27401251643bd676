import type { RequestStatus } from '@gridlink/shared/requests';
import { getRequestWithTimeline, listInbox, listMine } from '../../data/requests';
import type { PageRequest } from '../../data/query';
import { forbidden, notFound } from '../errors';
import type { Actor } from '../../auth/actor';
import { actorTier } from './routing';
import { toResource } from './view';
import { attachmentLinks } from '../uploads';

/** Owner, joiners, staff in scope and the department it is dispatched to may read a request. */
export async function readRequest(actor: Actor, id: string) {
  const found = await getRequestWithTimeline(id);
  if (!found) throw notFound('诉求不存在');
  const { request: r, events } = found;
  const allowed =
    r.reporterId === actor.id ||
    r.joinerIds.includes(actor.id) ||
    (actor.role === 'department'
      ? r.departmentId === actor.departmentId
      : !!actorTier(actor, r.gridPath) && actor.role !== 'resident' && actor.role !== 'agent');
  if (!allowed) throw notFound('诉求不存在'); // 404, not 403: do not reveal that it exists
  const resource = toResource(r, events);
  resource.attachments = await attachmentLinks(r.attachments); // short-lived links, for allowed readers only
  return resource;
}

export async function listRequests(
  actor: Actor,
  q: PageRequest & { view: 'mine' | 'inbox'; status?: RequestStatus; gridId?: string },
) {
  const page = { limit: q.limit, cursor: q.cursor };
  if (q.view === 'mine') {
    const p = await listMine(actor.id, page, q.status);
    return { items: p.items.map((r) => toResource(r)), nextCursor: p.nextCursor };
  }
  let owner: string | undefined;
  if (actor.role === 'department') owner = actor.departmentId;
  else if (actor.role !== 'resident' && actor.role !== 'agent') owner = q.gridId ?? actor.gridIds[0];
  if (!owner) throw forbidden('只有工作人员有待办');
  if (actor.role !== 'department' && !actor.gridIds.includes(owner)) throw forbidden('不在您负责的网格范围内');
  const p = await listInbox(owner, page, q.status);
  return { items: p.items.map((r) => toResource(r)), nextCursor: p.nextCursor };
}
