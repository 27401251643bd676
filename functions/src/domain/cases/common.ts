/**
 * What disputes and petitions share: who may act (role + grid scope + handling level, the same
 * ladder as requests), who may read, and how every change is written — ONE transaction with the
 * case item (conditional on version and status), its timeline event, the counters of its grid and
 * all ancestors, the audit record and the notification outbox item.
 */
import { LEVEL_NAMES, type Level } from '@gridlink/shared/names';
import { DISPUTE_WORKFLOW, PETITION_WORKFLOW } from '@gridlink/shared/workflows/cases';
import { STAFF } from '@gridlink/shared/workflows/roles';
import {
  caseEventPut,
  casePut,
  caseReplace,
  type CaseActor,
  type CaseEventItem,
  type CaseItem,
  type PersonItem,
} from '../../data/cases';
import type { UserItem } from '../../data/users';
import { getGridItems, staffedGrids, type GridItem } from '../../data/grids';
import type { Deltas } from '../../data/stats';
import { badRequest, forbidden } from '../errors';
import type { Actor } from '../../auth/actor';
import { actorTier, inboxFor, levelRank } from '../requests/routing';
import { check, commit, type Applied, type Binding } from '../workflow/kernel';

export const actorOf = (a: Actor): CaseActor => ({ id: a.id, name: a.name, role: a.role });
export const isCaseStaff = (a: Actor) => (STAFF as readonly string[]).includes(a.role);

/** The highest level a staff member serves on this path (undefined: not staff, or out of scope). */
export const staffTier = (a: Actor, path: readonly string[]): Level | undefined =>
  isCaseStaff(a) ? actorTier(a, path) : undefined;

export const workflowOf = (kind: CaseItem['kind']) => (kind === 'dispute' ? DISPUTE_WORKFLOW : PETITION_WORKFLOW);

/**
 * What the actor is to this case: the petitioner, their proxy, or staff in scope at or above the
 * level handling it (their role; `anyLevel`: at any level, e.g. recording an offline rating).
 */
export function caseRelations(actor: Actor, c: CaseItem, anyLevel = false) {
  const as: string[] = [];
  if (c.kind === 'petition' && c.petitioner.userId === actor.id) as.push('petitioner');
  if (c.kind === 'petition' && c.proxy?.id === actor.id) as.push('proxy');
  const tier = staffTier(actor, c.gridPath);
  if (!isCaseStaff(actor)) return { as };
  if (!tier) return { as, refusal: '不在您负责的网格范围内' };
  if (!anyLevel && levelRank(tier) < levelRank(c.level))
    return { as, refusal: `该事项已交${LEVEL_NAMES[c.level]}级办理`, tier };
  return { as: [...as, actor.role], tier };
}

/** The kernel's checks of a move (who, state, note) before its own validation: the actor's tier. */
export function checkCaseMove(
  actor: Actor,
  c: CaseItem,
  move: string,
  opts: { note?: string; anyLevel?: boolean } = {},
) {
  const rel = caseRelations(actor, c, opts.anyLevel);
  check(workflowOf(c.kind), { move, note: opts.note, before: c, actorRole: actor.role, ...rel });
  return { tier: rel.tier as Level, as: rel.as };
}

/** Handlers (staff in scope, at any level) see identities; persons (party, petitioner, proxy) see their own case. */
export function readerOf(actor: Actor, c: CaseItem): 'handler' | 'person' | undefined {
  if (staffTier(actor, c.gridPath)) return 'handler';
  if (c.personIds.includes(actor.id)) return 'person';
  return undefined;
}

/** The unit a case is about: must exist and be in the registering staff member's scope. */
export async function unitInScope(actor: Actor, unitId: string | undefined): Promise<GridItem> {
  if (!unitId) throw badRequest('请选择事发单元', [{ path: 'unitId', message: '必填' }]);
  const unit = (await getGridItems([unitId])).get(unitId);
  if (!unit || unit.level !== 'unit') throw badRequest('单元不存在', [{ path: 'unitId', message: '不是有效的单元' }]);
  if (!staffTier(actor, unit.path)) throw forbidden('只能登记您负责网格内的事项');
  return unit;
}

/** A resident named in a case: name, contact and their unit's path (who may see the contact: ./view.ts). */
export async function namedResident(u: UserItem, contact: string | undefined): Promise<PersonItem> {
  const unit = u.unitId ? (await getGridItems([u.unitId])).get(u.unitId) : undefined;
  return { userId: u.id, name: u.name, ...(contact ? { contact } : {}), ...(unit ? { unitPath: unit.path } : {}) };
}

/** Which grid must act at `level`: the nearest staffed grid on the path at grid level. */
export async function inboxAt(level: Level, path: string[]) {
  return inboxFor(level, path, await staffedGrids(path));
}

export const unitNameOf = (unit: GridItem) => unit.pathNames.slice(3).join(' ');

/** What every new case starts with: registered at the unit, in the inbox of `level`, by the registrar. */
export async function newCase(
  actor: Actor,
  c: { id: string; unit: GridItem; level: Level; now: string; attachments?: string[]; personIds: string[] },
) {
  return {
    id: c.id,
    status: 'registered' as const,
    version: 1,
    createdAt: c.now,
    updatedAt: c.now,
    unitId: c.unit.id,
    unitName: unitNameOf(c.unit),
    gridPath: c.unit.path,
    level: c.level,
    inbox: await inboxAt(c.level, c.unit.path),
    registeredBy: actorOf(actor),
    attachments: c.attachments ?? [],
    personIds: c.personIds,
  };
}

type Notified = { notice?: { title?: string; body?: string } };

const bindings = new Map<CaseItem['kind'], Binding<CaseItem>>();
function bindingOf(kind: CaseItem['kind']): Binding<CaseItem> {
  let b = bindings.get(kind);
  if (!b)
    bindings.set(
      kind,
      (b = {
        workflow: workflowOf(kind),
        put: (after, expected) => (expected ? caseReplace(after, expected) : casePut(after)),
        eventPut: (after, e) => caseEventPut(after, e as unknown as CaseEventItem),
        gridPath: (c) => c.gridPath,
        counterPrefix: kind === 'dispute' ? 'disp' : 'pet',
        eventFields: (c) => ({ level: c.level }),
        notice: ({ after, actor, notice }: Applied<CaseItem> & Notified) => ({
          userIds: after.personIds.filter((u) => u !== actor.id),
          template: 'case_status',
          title: notice?.title ?? '',
          body: notice?.body ?? '',
          page: `/pkg-cases/pages/${after.kind}/index?id=${after.id}`,
        }),
      }),
    );
  return b;
}

export interface CaseCommit {
  before?: CaseItem;
  after: CaseItem;
  action: string;
  actor: CaseActor;
  /** the actor's roles and relations towards the case (see caseRelations); scheduled work: ['system'] */
  as: readonly string[];
  note?: string;
  channel?: 'online' | 'offline';
  now: string;
  /** counters beyond the state's own (the kernel moves `<prefix>_<state>` and `<prefix>_open`) */
  counters: Deltas;
  /** more items that must agree (person pointers, the request link, …) */
  extra?: unknown[];
  notice: { title: string; body: string };
}

/** Every change to a case is one move through the workflow kernel: the moved case and its event. */
export function commitCase<C extends CaseItem>(c: CaseCommit & { after: C }) {
  return commit(bindingOf(c.after.kind), {
    move: c.action,
    actor: c.actor,
    as: c.as,
    before: c.before,
    after: c.after,
    note: c.note,
    now: c.now,
    counters: c.counters,
    extra: c.extra,
    event: c.channel ? { channel: c.channel } : undefined,
    notice: c.notice,
  });
}
