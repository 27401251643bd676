/**
 * Workflows as data, shared by the API and the mini-program (zod-free: the main package may import
 * it). A workflow names its states, which of them count as open, their display names, and its moves:
 * from which states, to which state, by whom, with which label. The server's kernel
 * (functions/src/domain/workflow) applies any move; the app derives its buttons and tags from the
 * same tables.
 */
export interface Move<S extends string, By extends string> {
  from: readonly S[];
  /** 'same' keeps the state (escalate, a progress note, a rating after closing …) */
  to: S | 'same';
  /** roles, or relations: 'owner', 'system', … (each workflow documents its own) */
  by: readonly By[];
  noteRequired?: boolean;
  /** the timeline label and the button text */
  label: string;
  /**
   * A move many race for (a claim): no version is asked, the first write wins, and every other
   * contender hears this (INVALID_TRANSITION), whether it lost before the write or in it.
   */
  firstWins?: string;
}

export interface Workflow<S extends string = string, M extends string = string, By extends string = string> {
  /** the entity name: audit actions are `<name>.<move>` */
  name: string;
  states: readonly S[];
  /** states in which someone still has to act */
  open: readonly S[];
  stateNames: Record<S, string>;
  moves: Record<M, Move<S, By>>;
}

export const defineWorkflow = <S extends string, M extends string, By extends string>(w: Workflow<S, M, By>) => w;

export type StateOf<W> = W extends Workflow<infer S, string, string> ? S : never;
export type MoveOf<W> = W extends Workflow<string, infer M, string> ? M : never;

/** The state a move leads to from `from`, or undefined when the move is not allowed there. */
export function nextState<S extends string, M extends string, By extends string>(
  w: Workflow<S, M, By>,
  move: M,
  from: S,
): S | undefined {
  const m = w.moves[move];
  if (!m || !m.from.includes(from)) return undefined;
  return m.to === 'same' ? from : m.to;
}

export const isOpenState = <S extends string>(w: Workflow<S, string, string>, s: S) => w.open.includes(s);

/** May someone holding these roles/relations make the move? */
export const mayMove = <M extends string, By extends string>(
  w: Workflow<string, M, By>,
  move: M,
  as: readonly string[],
) => w.moves[move].by.some((b) => as.includes(b));

/** The moves someone holding `as` can make from `state`, in table order: the app's buttons. */
export function movesFrom<S extends string, M extends string, By extends string>(
  w: Workflow<S, M, By>,
  state: S,
  as: readonly string[],
): M[] {
  return (Object.keys(w.moves) as M[]).filter((m) => w.moves[m].from.includes(state) && mayMove(w, m, as));
}
