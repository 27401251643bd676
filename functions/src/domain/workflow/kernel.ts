/**
 * THE workflow kernel: every move of every workflow (people's and scheduled ones) is applied here.
 * A workflow is data (`shared/src/workflows/*`: states, moves, who, labels); a binding says how its
 * entity is stored. `commit` checks the move against the table (state, who, note), then writes ONE
 * transaction: the item (conditional on the version and state that were read), its timeline event,
 * the counters, the audit record, the outbox notice and whatever else must agree.
 * One error vocabulary: INVALID_TRANSITION for a move the state does not allow, FORBIDDEN for a
 * move the reader may not make, VERSION_CONFLICT for a lost race.
 */
import { ROLES } from '@gridlink/shared/names';
import { isOpenState, mayMove, nextState, type Workflow } from '@gridlink/shared/workflow';
import { auditPut } from '../../data/audit';
import { newId } from '../../data/ids';
import { outboxPut, type Notice } from '../../data/outbox';
import { transact, isConditionFailure } from '../../data/transact';
import { statsUpdates, type Deltas } from '../../data/stats';
import { badRequest, forbidden, invalidMove, versionConflict } from '../errors';

export interface MoveActor {
  id: string;
  name: string;
  role: string;
}

/** Scheduled work acts as `system`. */
export const SYSTEM: MoveActor = { id: 'system', name: '系统', role: 'system' };

export interface Entity {
  id: string;
  status: string;
  version: number;
  updatedAt: string;
}

type TxItem = unknown;

/** How one workflow's entity is written; the rest is the kernel's. */
export interface Binding<I extends Entity> {
  workflow: Workflow;
  /** the entity item, conditional on `expected` (replace) or on not existing (create) */
  put: (after: I, expected?: { version: number; status: string }) => TxItem;
  /** the timeline event (none: the entity's moves are recorded on another's timeline) */
  eventPut?: (after: I, event: TimelineEvent) => TxItem;
  /** grid path the counters belong to (none: no counters) */
  gridPath?: (i: I) => readonly string[];
  /** counter prefix: `<prefix>_<state>` and `<prefix>_open` move with the state */
  counterPrefix?: string;
  /** false: no `<prefix>_open` count (a workflow with a state named 'open' counts it already) */
  openCounter?: boolean;
  /** fields every timeline event of this workflow carries (e.g. the handling level) */
  eventFields?: (after: I) => Record<string, unknown>;
  /** the notice of a move (undefined: nobody is told) */
  notice?: (m: Applied<I>) => Omit<Notice, 'at'> | undefined;
  /** items derived from the state change (indexes that follow open/closed, feeds …) */
  derived?: (m: Applied<I>) => TxItem[];
}

export interface TimelineEvent {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  action: string;
  from: string | null;
  to: string;
  note?: string;
  [field: string]: unknown;
}

export interface MoveInput<I extends Entity> {
  move: string;
  actor: MoveActor;
  /** the roles and relations the actor holds towards this item ('owner', 'system', a role …) */
  as: readonly string[];
  /** why `as` lacks a role the move allows (e.g. out of scope): the FORBIDDEN message */
  refusal?: string;
  /** undefined: the move creates the item */
  before?: I;
  /** the new item; status, version and updatedAt are set by the kernel */
  after: I;
  note?: string;
  now: string;
  /** counters beyond the state's own */
  counters?: Deltas;
  /** more items that must agree (a call-back, a pointer, agent stats …) */
  extra?: TxItem[];
  /** more timeline fields for this event (channel …) */
  event?: Record<string, unknown>;
  /** the notice text when the binding's default does not fit */
  notice?: { title?: string; body?: string };
}

export interface Applied<I extends Entity> extends MoveInput<I> {
  label: string;
  from: string | null;
  to: string;
}

const isRole = (b: string) => (ROLES as readonly string[]).includes(b);

/** Checks a move without writing: the state it leads to. Throws the kernel's errors. */
export function check(
  workflow: Workflow,
  input: Pick<MoveInput<Entity>, 'move' | 'as' | 'refusal' | 'note'> & {
    before?: Entity;
    actorRole?: string;
  },
): string {
  const m = workflow.moves[input.move];
  if (!m) throw invalidMove(`不支持的操作：${input.move}`);
  if (!mayMove(workflow, input.move, input.as)) {
    const by = m.by as readonly string[];
    // the specific reason counts when the role may make the move, or the move is for a relation only
    const explains = (input.actorRole !== undefined && by.includes(input.actorRole)) || !by.some(isRole);
    throw forbidden(explains && input.refusal ? input.refusal : '当前身份无权进行此操作');
  }
  const from = input.before?.status;
  const to =
    from === undefined
      ? m.from.length === 0 && m.to !== 'same'
        ? m.to
        : undefined
      : nextState(workflow, input.move, from);
  if (!to) {
    if (m.firstWins) throw invalidMove(m.firstWins); // someone else won
    const state = from === undefined ? '未创建' : (workflow.stateNames[from] ?? from);
    throw invalidMove(`当前状态（${state}）不能${m.label}`);
  }
  if (m.noteRequired && !input.note?.trim())
    throw badRequest(`请填写${m.label}的说明`, [{ path: 'note', message: '必填' }]);
  return to;
}

/** The state counters of a move: one out of the old state, one into the new, and the open count. */
export function stateDeltas(workflow: Workflow, prefix: string, from: string | null, to: string, open = true): Deltas {
  if (from === to) return {};
  const d: Deltas = { [`${prefix}_${to}`]: 1 };
  if (from) d[`${prefix}_${from}`] = -1;
  const was = from ? isOpenState(workflow, from) : false;
  const is = isOpenState(workflow, to);
  if (open && was !== is) d[`${prefix}_open`] = is ? 1 : -1;
  return d;
}

const addDeltas = (a: Deltas, b: Deltas = {}) => {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
};

/** Checks a move and builds everything it writes, without writing: the items of one transaction. */
export function plan<I extends Entity>(b: Binding<I>, input: MoveInput<I>) {
  const { workflow } = b;
  const { before, now, actor } = input;
  const to = check(workflow, { ...input, actorRole: actor.role });
  const after = { ...input.after, status: to, version: (before?.version ?? 0) + 1, updatedAt: now } as I;
  const from = before?.status ?? null;
  const label = workflow.moves[input.move].label;
  const applied: Applied<I> = { ...input, after, label, from, to };
  const event: TimelineEvent = {
    id: newId(Date.parse(now)),
    at: now,
    actorId: actor.id,
    actorName: actor.name,
    actorRole: actor.role,
    action: input.move,
    from,
    to,
    ...(b.eventFields?.(after) ?? {}),
    ...(input.note ? { note: input.note } : {}),
    ...(input.event ?? {}),
  };
  const path = b.gridPath?.(after) ?? [];
  const counters = addDeltas(
    b.counterPrefix ? stateDeltas(workflow, b.counterPrefix, from, to, b.openCounter !== false) : {},
    input.counters,
  );
  const notice = b.notice?.(applied);
  const items: TxItem[] = [
    b.put(after, before ? { version: before.version, status: before.status } : undefined),
    ...(b.eventPut ? [b.eventPut(after, event)] : []),
    ...(path.length ? statsUpdates(path, counters, now) : []),
    auditPut({
      actorId: actor.id,
      actorRole: actor.role,
      action: `${workflow.name}.${input.move}`,
      target: `${workflow.name}:${after.id}`,
      from,
      to,
      at: now,
    }),
    ...(notice && notice.userIds.length ? [outboxPut({ ...notice, at: now })] : []),
    ...(b.derived?.(applied) ?? []),
    ...(input.extra ?? []),
  ];
  return { item: after, event, items };
}

/** Writes planned moves (of one or several entities that must agree) in ONE transaction. */
export async function run(...plans: { items: TxItem[] }[]) {
  try {
    await transact(plans.flatMap((p) => p.items));
  } catch (e) {
    if (isConditionFailure(e)) throw versionConflict();
    throw e;
  }
}

/** Applies one move: checks it, then writes everything it changes in one transaction. */
export async function commit<I extends Entity>(b: Binding<I>, input: MoveInput<I>) {
  const p = plan(b, input);
  const firstWins = b.workflow.moves[input.move].firstWins;
  try {
    await run(p);
  } catch (e) {
    // a race the move is made for: the one who lost it in the write hears what a later one hears
    if (firstWins && (e as { code?: string }).code === 'VERSION_CONFLICT') throw invalidMove(firstWins);
    throw e;
  }
  return { item: p.item, event: p.event };
}

/**
 * Reads a version the client saw: a stale one is a lost race before anything is written. A move
 * made to be raced for (`firstWins`) asks none: the state decides.
 */
export function expectVersion(item: Entity, version?: number, move?: { firstWins?: string }) {
  if (move?.firstWins) return;
  if (version !== undefined && version !== item.version) throw versionConflict();
}
