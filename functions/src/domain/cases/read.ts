/**
 * Reading disputes and petitions. Details: staff in scope (handlers and their superiors) see
 * identities and every such read is audited; parties / the petitioner / the proxy see their own
 * case; anyone else gets 404. Every read of a key case (重点信访人/积案) is audited, whoever reads.
 * Lists carry no identities and no free text.
 */
import type { CaseListQuery } from '@gridlink/shared/cases';
import { DISPUTE_STATUSES, PETITION_STATUSES } from '@gridlink/shared/names';
import { inScope } from '../../auth/policy';
import { writeAudit } from '../../data/audit';
import {
  getCase,
  getCaseWithTimeline,
  listCaseAudit,
  listCases,
  listCasesOf,
  type CaseItem,
  type CaseKind,
  type DisputeItem,
  type PetitionItem,
} from '../../data/cases';
import { getGridItems } from '../../data/grids';
import type { PageRequest } from '../../data/query';
import { servedGrids } from '../staff/served';
import { badRequest, forbidden, notFound } from '../errors';
import type { Actor } from '../../auth/actor';
import { attachmentLinks } from '../uploads';
import { isCaseStaff, readerOf } from './common';
import { caseView, handlerOf, toDispute, toPetition, type Viewer } from './view';

const NOT_FOUND = { dispute: '纠纷不存在', petition: '信访事项不存在' };
const render = (c: CaseItem, v: Viewer, events?: Parameters<typeof toDispute>[2]) =>
  c.kind === 'dispute' ? toDispute(c, v, events) : toPetition(c, v, events);

export async function readCase(actor: Actor, kind: CaseKind, id: string) {
  const found = await getCaseWithTimeline(kind, id);
  if (!found) throw notFound(NOT_FOUND[kind]);
  const c = found.item as CaseItem;
  const reader = readerOf(actor, c);
  if (!reader) throw notFound(NOT_FOUND[kind]); // 404, not 403: do not reveal that it exists
  const key = c.kind === 'petition' && !!c.keyCase;
  if (reader === 'handler' || key)
    await writeAudit({
      actorId: actor.id,
      actorRole: actor.role,
      action: key ? 'keycase.read' : 'pii.read',
      target: `${kind}:${id}`,
      at: new Date().toISOString(),
    });
  const v: Viewer = reader === 'handler' ? handlerOf(actor) : { as: 'person', userId: actor.id };
  const out = await caseView(actor, c, v, found.events);
  out.attachments = await attachmentLinks(c.attachments); // short-lived links, for allowed readers only
  return out;
}

/** The community a list is about, checked against the actor's scope. */
async function communityOf(actor: Actor, gridId: string) {
  const grid = (await getGridItems([gridId])).get(gridId);
  if (!grid) throw notFound('网格不存在');
  if (grid.path.length < 3) throw badRequest('请选择社区', [{ path: 'query.gridId', message: '应为社区或其下级网格' }]);
  if (!inScope(actor, grid.path.slice(0, 3))) throw forbidden('不在您负责的网格范围内');
  return grid.path[2];
}

export async function listCaseItems(actor: Actor, kind: CaseKind, q: CaseListQuery) {
  const page: PageRequest = { limit: q.limit, cursor: q.cursor };
  const key = kind === 'petition' && q.key ? q.key === 'true' : undefined;
  if (q.status && !(kind === 'dispute' ? DISPUTE_STATUSES : PETITION_STATUSES).includes(q.status as never))
    throw badRequest('状态不正确', [{ path: 'query.status', message: '不是有效的状态' }]);
  if (q.view === 'mine') {
    const p = await listCasesOf(kind, actor.id, page, q.status);
    return { items: p.items.map((c) => render(c, { as: 'list' })), nextCursor: p.nextCursor };
  }
  if (!isCaseStaff(actor)) throw forbidden('只有网格和社区工作人员有工作台');
  if (!actor.gridIds.length) throw forbidden('暂未分配网格');
  // every grid served by default (one inbox or community list each, merged), or the one asked for
  const owners =
    q.view === 'inbox'
      ? await servedGrids(actor, q.gridId)
      : q.gridId
        ? [await communityOf(actor, q.gridId)]
        : [...new Set(await Promise.all(actor.gridIds.map((g) => communityOf(actor, g))))];
  const p = await listCases(kind, q.view, owners, page, { status: q.status, key });
  return { items: p.items.map((c) => render(c, { as: 'list', staff: true })), nextCursor: p.nextCursor };
}

/** Who read or changed a case (the audit trail): for leaders in scope. */
export async function caseAudit(actor: Actor, kind: CaseKind, id: string, page: PageRequest) {
  const c = (await getCase(kind, id)) as DisputeItem | PetitionItem | undefined;
  if (!c || !isCaseStaff(actor) || !inScope(actor, c.gridPath)) throw notFound(NOT_FOUND[kind]);
  if (actor.role === 'grid_worker') throw forbidden('查阅记录仅对网格长及以上开放');
  return listCaseAudit(kind, id, page);
}
