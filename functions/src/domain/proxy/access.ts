/** Who stands on the recipient's side of a task (who may ask for, confirm or cancel it); what they see: ./view.ts. */
import { inScope } from '../../auth/policy';
import type { ProxyTaskItem } from '../../data/proxy';
import type { Actor } from '../../auth/actor';
import { relationTo } from '../behalf';

const GRID_STAFF = ['grid_worker', 'grid_leader', 'community_admin'];

export async function isSide(actor: Actor, t: Pick<ProxyTaskItem, 'requesterId' | 'recipientId' | 'gridPath'>) {
  if (actor.id === t.requesterId || actor.id === t.recipientId) return true;
  if (GRID_STAFF.includes(actor.role) && inScope(actor, t.gridPath)) return true;
  return (await relationTo({ ...actor, role: 'resident' }, t.recipientId)) === 'family';
}
