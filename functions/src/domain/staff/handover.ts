/**
 * Hand-over (工作交接): when staff leave grids (retired, or moved away), their open work there goes
 * to the successor, each item with a timeline entry. What the model holds per person or per grid:
 * - requests wait in a grid's inbox: the successor now serves the grid; each open request in the
 *   inbox of a grid left gets the entry (and its version moves on);
 * - so do open disputes and petitions: their inbox is a grid too (`mediator` is recorded only
 *   when a mediation ends); petitions they lead as 包案领导 (`keyCase.leaderId`) in the
 *   communities of the grids left get the successor as leader, with the entry.
 * Read page by page, one small transaction per item (the item at the version read + the entry,
 * which exists once per hand-over): a big worker's work never meets the 100-item limit, and a
 * re-run (resume) skips what was moved.
 */
import type { Handover } from '@gridlink/shared/staff';
import type { Actor } from '../../auth/actor';
import { writeAudit } from '../../data/audit';
import type { CaseItem } from '../../data/cases';
import type { GridItem } from '../../data/grids';
import type { Page } from '../../data/query';
import type { RequestItem } from '../../data/requests';
import {
  handOverCase,
  handOverRequest,
  openCasesInInbox,
  openPetitionsLedBy,
  openRequestsInInbox,
  putHandover,
  type HandoverItem,
} from '../../data/staff';
import type { UserItem } from '../../data/users';

const PAGE = 25;

export const handoverView = (h: HandoverItem): Handover => ({
  id: h.id,
  fromId: h.fromId,
  toId: h.toId,
  gridIds: h.gridIds,
  requests: h.requests,
  disputes: h.disputes,
  petitions: h.petitions,
  done: h.done,
});

async function eachPage<T>(read: (cursor?: string) => Promise<Page<T>>, move: (item: T) => Promise<string>) {
  let moved = 0;
  let cursor: string | undefined;
  do {
    const p = await read(cursor);
    const results = await Promise.all(p.items.map(move));
    moved += results.filter((r) => r === 'moved').length;
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return moved;
}

export function newHandover(id: string, from: UserItem, to: UserItem, grids: GridItem[], actor: Actor, at: string) {
  const h: HandoverItem = {
    id,
    fromId: from.id,
    toId: to.id,
    gridIds: grids.map((g) => g.id),
    requests: 0,
    disputes: 0,
    petitions: 0,
    done: false,
    at,
    byId: actor.id,
    byName: actor.name,
    byRole: actor.role,
  };
  return h;
}

/** Moves the work of `h` (grids left by `from`) to `to`; idempotent; records the counts and audits once done. */
export async function runHandover(
  h: HandoverItem,
  names: { from: string; to: { id: string; name: string; role: string } },
  grids: GridItem[],
): Promise<Handover> {
  const note = `工作交接：${names.from} → ${names.to.name}`;
  const entry = {
    id: h.id,
    at: h.at,
    actorId: h.byId,
    actorName: h.byName ?? '人员管理',
    actorRole: h.byRole,
    action: 'handover',
  };
  let requests = 0;
  for (const g of grids)
    requests += await eachPage(
      (cursor) => openRequestsInInbox(g.id, { limit: PAGE, cursor }),
      (r: RequestItem) =>
        handOverRequest({ ...r, version: r.version + 1, updatedAt: h.at }, r, {
          ...entry,
          from: r.status,
          to: r.status,
          level: r.level,
          note,
        }),
    );
  const moveCase = (c: CaseItem) => {
    const next = { ...c, version: c.version + 1, updatedAt: h.at } as CaseItem;
    if (next.kind === 'petition' && next.keyCase?.leaderId === h.fromId)
      next.keyCase = { ...next.keyCase, leaderId: names.to.id, leaderName: names.to.name };
    return handOverCase(next, c, { ...entry, from: c.status, to: c.status, level: c.level, note });
  };
  let disputes = 0;
  let petitions = 0;
  for (const g of grids) {
    const inbox = (kind: 'dispute' | 'petition') => (cursor?: string) =>
      openCasesInInbox(kind, g.id, { limit: PAGE, cursor });
    disputes += await eachPage(inbox('dispute'), moveCase);
    petitions += await eachPage(inbox('petition'), moveCase);
  }
  // petitions they lead as 包案领导, wherever they wait in the communities of the grids left
  const led = (c: CaseItem) =>
    grids.some((g) => c.gridPath.includes(g.id)) ? moveCase(c) : Promise.resolve('skipped');
  for (const cId of new Set(grids.map((g) => g.path[2]).filter(Boolean)))
    petitions += await eachPage((cursor) => openPetitionsLedBy(cId, h.fromId, { limit: PAGE, cursor }), led);
  const done: HandoverItem = {
    ...h,
    requests: h.requests + requests,
    disputes: h.disputes + disputes,
    petitions: h.petitions + petitions,
    done: true,
  };
  await putHandover(done);
  await writeAudit({
    actorId: h.byId,
    actorRole: h.byRole,
    action: 'staff.handover',
    target: `user:${h.fromId}`,
    from: h.fromId,
    to: h.toId,
    method: h.id,
    evidence: `网格 ${h.gridIds.join('、')}：诉求 ${done.requests}，纠纷 ${done.disputes}，信访 ${done.petitions}`,
    at: h.at,
  });
  return handoverView(done);
}
