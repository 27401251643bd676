/**
 * State machines as data, for every workflow (requests, applications, proxy tasks): a table of
 * moves → allowed from-states, the resulting state and who may make the move.
 */
export interface Transition<S extends string, By extends string> {
  from: readonly S[];
  /** 'same' keeps the state (e.g. escalate) */
  to: S | 'same';
  by: readonly By[];
  noteRequired?: boolean;
  label: string;
}

export type TransitionTable<M extends string, S extends string, By extends string> = Record<M, Transition<S, By>>;

export function next<M extends string, S extends string, By extends string>(
  table: TransitionTable<M, S, By>,
  move: M,
  from: S,
): S | undefined {
  const t = table[move];
  if (!t.from.includes(from)) return undefined;
  return t.to === 'same' ? from : t.to;
}
