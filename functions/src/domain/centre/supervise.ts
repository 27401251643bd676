/**
 * 督办 (urge) and 挂牌督办 (supervise): request moves that keep the state (`to: 'same'`), made through
 * the kernel with the request's own binding — one transaction: the request (conditional on the
 * version read), its timeline entry, the counter (`urged` / `supervised`), the audit record and the
 * notice, which goes to the staff of the inbox that must act (not to the reporter).
 */
import type { QueueItem, SuperviseBody } from '@gridlink/shared/centre';
import { getGridItems } from '../../data/grids';
import type { RequestItem } from '../../data/requests';
import type { Actor } from '../../auth/actor';
import { REQUEST_BINDING, requestRelations } from '../requests/commit';
import { loadForMove } from '../requests/moves';
import { plan, run, type Binding } from '../workflow/kernel';
import { conflict } from '../errors';

/** what the centre adds to a request item (kept on the item; absent on items never urged) */
export type Supervised = RequestItem & {
  urgeCount?: number;
  lastUrgedAt?: string;
  supervised?: { at: string; byId: string; byName: string; note?: string };
};

export function toQueueItem(r: Supervised): QueueItem {
  return {
    id: r.id,
    status: r.status,
    version: r.version,
    categoryName: r.categoryName,
    // the public summary where there is one: the queue shows no reporter, unit or free text
    summary: r.publicSummary ?? r.categoryName,
    gridPath: r.gridPath,
    inbox: r.inbox,
    level: r.level,
    overdue: r.overdue,
    dueAt: r.dueAt,
    createdAt: r.createdAt,
    urgeCount: r.urgeCount ?? 0,
    ...(r.lastUrgedAt ? { lastUrgedAt: r.lastUrgedAt } : {}),
    supervised: !!r.supervised,
  };
}

/** The staff who hold the inbox the request waits in (a grid's workers and leaders). */
async function handlersOf(req: RequestItem): Promise<string[]> {
  const grid = (await getGridItems([req.inbox])).get(req.inbox);
  return grid?.staffIds ?? [];
}

export async function superviseRequest(
  actor: Actor,
  id: string,
  move: 'urge' | 'supervise',
  body: SuperviseBody,
  now: string,
): Promise<QueueItem> {
  const req = (await loadForMove(id, body.version)) as Supervised;
  if (move === 'supervise' && req.supervised) throw conflict('该诉求已挂牌督办', 'INVALID_TRANSITION');
  const after: Supervised =
    move === 'urge'
      ? { ...req, urgeCount: (req.urgeCount ?? 0) + 1, lastUrgedAt: now }
      : {
          ...req,
          supervised: { at: now, byId: actor.id, byName: actor.name, ...(body.note ? { note: body.note } : {}) },
        };
  const handlers = await handlersOf(req);
  const binding: Binding<RequestItem> = {
    ...REQUEST_BINDING,
    notice: ({ label, note }) =>
      handlers.length
        ? {
            userIds: handlers,
            template: 'request_status',
            title: `${label}：${req.categoryName}`,
            body: note ? `${actor.name}${label}：${note}` : `${actor.name}${label}，请尽快办理`,
            page: `/pkg-staff/pages/handle/index?id=${req.id}`,
          }
        : undefined,
  };
  const p = plan(binding, {
    move,
    actor,
    ...requestRelations(actor, req),
    before: req,
    after,
    note: body.note,
    now,
    counters: move === 'urge' ? { urged: 1 } : { supervised: 1 },
  });
  await run(p);
  return toQueueItem(p.item as Supervised);
}
