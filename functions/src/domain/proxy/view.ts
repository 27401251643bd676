/**
 * The one place that decides what a reader sees of a care recipient (in proxy task views and care
 * profiles), by the reader's relation to them:
 * - 'owner': the recipient — everything;
 * - 'agent-in-window': the assigned agent while the task is claimed … done-unconfirmed — everything;
 * - 'staff-in-scope': grid staff serving the recipient's grid — the phone, not the ID number;
 * - 'family': a confirmed family member (or whoever asked for the task) — name and address only;
 * - 'public': anyone else who may see the task (an agent in the hall) — masked name, community only.
 * Every view that unmasks someone else's phone or ID number is audited (`pii.read`).
 */
import { maskIdNumber, maskName, maskPhone } from '@gridlink/shared/mask';
import { ACCESS_WINDOW } from '@gridlink/shared/workflows/proxy';
import { inScope } from '../../auth/policy';
import type { Actor } from '../../auth/actor';
import { writeAudit } from '../../data/audit';
import type { CareProfileItem, ProxyTaskItem } from '../../data/proxy';
import type { UserItem } from '../../data/users';
import { relationTo } from '../behalf';

export type RecipientReader = 'owner' | 'agent-in-window' | 'staff-in-scope' | 'family' | 'public';

const GRID_STAFF = ['grid_worker', 'grid_leader', 'community_admin'];

export const inWindow = (actor: Actor, t: ProxyTaskItem) => t.agentId === actor.id && ACCESS_WINDOW.includes(t.status);

const isFamily = async (actor: Actor, recipientId: string) =>
  (await relationTo({ ...actor, role: 'resident' }, recipientId)) === 'family';

/** The reader's relation to the recipient of a task. */
export async function taskReader(actor: Actor, t: ProxyTaskItem): Promise<RecipientReader> {
  if (actor.id === t.recipientId) return 'owner';
  if (inWindow(actor, t)) return 'agent-in-window';
  if (GRID_STAFF.includes(actor.role) && inScope(actor, t.gridPath)) return 'staff-in-scope';
  if (actor.id === t.requesterId || (await isFamily(actor, t.recipientId))) return 'family';
  return 'public';
}

/** The reader's relation to a care recipient (undefined: none, the profile is not theirs to read). */
export function careReader(
  actor: Actor,
  profile: CareProfileItem,
  family: { userId: string; status: string }[],
): RecipientReader | undefined {
  if (actor.id === profile.id) return 'owner';
  if (GRID_STAFF.includes(actor.role) && inScope(actor, profile.gridPath)) return 'staff-in-scope';
  if (family.some((f) => f.userId === actor.id && f.status === 'confirmed')) return 'family';
  return undefined;
}

const SEES = {
  owner: { name: true, address: true, phone: true, idNumber: true },
  'agent-in-window': { name: true, address: true, phone: true, idNumber: true },
  'staff-in-scope': { name: true, address: true, phone: true, idNumber: false },
  family: { name: true, address: true, phone: false, idNumber: false },
  public: { name: false, address: false, phone: false, idNumber: false },
} as const;

/** The recipient's contact data for this reader, and an audit record when anything is unmasked. */
async function contactOf(
  actor: Actor,
  reader: RecipientReader,
  user: Pick<UserItem, 'id' | 'phone' | 'idNumber'> | undefined,
  context: Record<string, unknown>,
  audit = true,
) {
  const sees = SEES[reader];
  const unmasks = (sees.phone && !!user?.phone) || (sees.idNumber && !!user?.idNumber);
  if (audit && unmasks && reader !== 'owner')
    await writeAudit({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'pii.read',
      target: `user:${user!.id}`,
      to: { ...context, reader },
      at: new Date().toISOString(),
    });
  return {
    ...(user?.phone ? { phone: sees.phone ? user.phone : maskPhone(user.phone) } : {}),
    ...(user?.idNumber ? { idNumber: sees.idNumber ? user.idNumber : maskIdNumber(user.idNumber) } : {}),
  };
}

/** The recipient as a task reader may see them. */
export async function recipientView(actor: Actor, t: ProxyTaskItem, reader: RecipientReader, user?: UserItem) {
  const sees = SEES[reader];
  const contact = await contactOf(actor, reader, user && { ...user, id: t.recipientId }, {
    task: t.id,
    status: t.status,
  });
  return {
    id: t.recipientId,
    name: sees.name ? t.recipientName : maskName(t.recipientName),
    ...contact,
    address: sees.address ? t.recipientAddress : t.recipientAddress.split(' ')[0],
    masked: !(sees.phone && sees.idNumber),
  };
}

/** A care profile as its reader may see it; `audit: false` for the registering worker's own echo. */
export async function careView(
  actor: Actor,
  reader: RecipientReader,
  profile: CareProfileItem,
  user: UserItem | undefined,
  family: { userId: string; name: string; status: 'pending' | 'confirmed' }[],
  audit = true,
) {
  const contact = await contactOf(actor, reader, user && { ...user, id: profile.id }, { care: profile.id }, audit);
  return {
    id: profile.id,
    name: profile.name,
    unitId: profile.unitId,
    unitName: profile.unitName,
    phone: contact.phone ?? '',
    ...(contact.idNumber ? { idNumber: contact.idNumber } : {}),
    needs: profile.needs,
    ...(profile.note ? { note: profile.note } : {}),
    registeredBy: profile.registeredBy,
    // pending requests are for the staff who confirm them; family members see the confirmed links
    family: reader === 'family' ? family.filter((f) => f.status === 'confirmed') : family,
    createdAt: profile.createdAt,
    version: profile.version,
  };
}
