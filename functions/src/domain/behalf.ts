/**
 * Acting for someone else: allowed to a red proxy agent while a proxy task for that person is live
 * (claimed, in progress, or done and not yet confirmed) or to a family member whose link a grid
 * worker confirmed. Both facts are single items written by the proxy-task workflow.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../data/client';
import { keys } from '../data/keys';
import type { Actor } from '../auth/actor';

export type Relation = 'agent' | 'family';

export async function relationTo(actor: Actor, recipientId: string): Promise<Relation | undefined> {
  if (actor.role === 'agent') {
    const { Item } = await db().send(
      new GetCommand({ TableName: table(), Key: keys.liveTask(recipientId, actor.id), ConsistentRead: true }),
    );
    if (Item) return 'agent';
  }
  const { Item } = await db().send(
    new GetCommand({ TableName: table(), Key: keys.familyLink(recipientId, actor.id), ConsistentRead: true }),
  );
  return Item?.status === 'confirmed' ? 'family' : undefined;
}
