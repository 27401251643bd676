/** Who stands on the recipient's side of a task, and what personal data a reader may see. */
import { maskIdNumber, maskName, maskPhone } from '@gridlink/shared/mask';
import { inScope } from '../../auth/policy';
import { writeAudit } from '../../data/audit';
import type { UserItem } from '../../data/users';
import type { ProxyTaskItem } from '../../data/proxy';
import type { Actor } from '../../auth/actor';
import { relationTo } from '../behalf';
import { ACCESS_WINDOW } from '@gridlink/shared/workflows/proxy';

const GRID_STAFF = ['grid_worker', 'grid_leader', 'community_admin'];

export async function isSide(actor: Actor, t: Pick<ProxyTaskItem, 'requesterId' | 'recipientId' | 'gridPath'>) {
  if (actor.id === t.requesterId || actor.id === t.recipientId) return true;
  if (GRID_STAFF.includes(actor.role) && inScope(actor, t.gridPath)) return true;
  return (await relationTo({ ...actor, role: 'resident' }, t.recipientId)) === 'family';
}

export const inWindow = (actor: Actor, t: ProxyTaskItem) => t.agentId === actor.id && ACCESS_WINDOW.includes(t.status);

/** The recipient as this reader may see them: unmasked for their side and the assigned agent in the window (audited). */
export async function recipientView(actor: Actor, t: ProxyTaskItem, side: boolean, user: UserItem | undefined) {
  const full = side || inWindow(actor, t);
  if (full && actor.id !== t.recipientId) {
    await writeAudit({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'pii.read',
      target: `user:${t.recipientId}`,
      to: { task: t.id, status: t.status },
      at: new Date().toISOString(),
    });
  }
  return {
    id: t.recipientId,
    name: full ? t.recipientName : maskName(t.recipientName),
    ...(user?.phone ? { phone: full ? user.phone : maskPhone(user.phone) } : {}),
    ...(user?.idNumber ? { idNumber: full ? user.idNumber : maskIdNumber(user.idNumber) } : {}),
    address: full ? t.recipientAddress : t.recipientAddress.split(' ')[0],
    masked: !full,
  };
}
