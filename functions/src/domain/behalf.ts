/**
 * Acting for someone else: allowed to a red proxy agent while a proxy task for that person is live
 * (claimed, in progress, or done and not yet confirmed) or to a family member whose link a grid
 * worker confirmed. Both facts are single items written by the proxy-task and family workflows.
 */
import { getFamilyLink, hasLiveTask } from '../data/agents';
import type { Actor } from '../auth/actor';

export type Relation = 'agent' | 'family';

export async function relationTo(actor: Actor, recipientId: string): Promise<Relation | undefined> {
  if (actor.role === 'agent' && (await hasLiveTask(recipientId, actor.id))) return 'agent';
  return (await getFamilyLink(recipientId, actor.id))?.status === 'confirmed' ? 'family' : undefined;
}
