/**
 * A timeline step as a reader sees it: who acted, what, when, from which state to which, the note
 * when there is one, and the extra fields a workflow's steps carry (the handling level, the channel).
 * One projection for every workflow's timeline; what a reader may not see is filtered before.
 */
import type { TimelineEvent } from './kernel';

type StoredStep = Pick<
  TimelineEvent,
  'id' | 'at' | 'actorId' | 'actorName' | 'actorRole' | 'action' | 'from' | 'to'
> & {
  note?: string;
};

export function stepView<E extends StoredStep, K extends keyof E & string = never>(e: E, extras: readonly K[] = []) {
  const { id, at, actorId, actorName, actorRole, action, from, to, note } = e;
  const out = { id, at, actorId, actorName, actorRole, action, from, to } as StoredStep & Pick<E, K>;
  for (const k of extras) if (e[k] !== undefined) out[k] = e[k];
  if (note) out.note = note;
  return out;
}
