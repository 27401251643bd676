/**
 * The API views of disputes and petitions, by who reads:
 * - 'list': no identities (names masked, no contacts) and no free text (facts, content, notes) —
 *   lists are not audited, so they carry nothing personal;
 * - 'handler': staff in scope, everything of the case; a named resident's contact only when the
 *   reader's scope contains that resident's unit (auth/policy.ts), else masked; unmasked contacts are
 *   audited (`pii.read` on the resident) by `caseView`;
 * - 'person': a party / the petitioner / the proxy: names, their own contact, no internal labels and
 *   no internal steps in the timeline (列为重点 and its 包案领导 note are for staff).
 */
import { stepView } from '../workflow/steps';
import type { Dispute, Petition } from '@gridlink/shared/cases';
import { maskName, maskPhone } from '@gridlink/shared/mask';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { writeAudit } from '../../data/audit';
import type { CaseEventItem, CaseItem, DisputeItem, PersonItem, PetitionItem } from '../../data/cases';

/** `staff`: a worklist (internal labels shown); otherwise a person's own list */
export type Viewer =
  { as: 'list'; staff?: boolean } | { as: 'handler'; gridIds: readonly string[] } | { as: 'person'; userId: string };

/** Steps persons never see in their own case's timeline (staff-internal). */
const INTERNAL_STEPS: Record<CaseItem['kind'], readonly string[]> = { dispute: [], petition: ['flagKey'] };

/** May a handler see this person's contact? Typed-in persons: yes; residents: only in the reader's scope. */
const contactVisible = (p: PersonItem, gridIds: readonly string[]) =>
  !p.userId || (!!p.unitPath && inScope({ gridIds: [...gridIds] }, p.unitPath));

function person(p: PersonItem, v: Viewer) {
  const own = v.as === 'person' && p.userId === v.userId;
  if (own || (v.as === 'handler' && (contactVisible(p, v.gridIds) || !p.contact)))
    return {
      ...(p.userId ? { userId: p.userId } : {}),
      name: p.name,
      ...(p.contact ? { contact: p.contact } : {}),
      masked: false,
    };
  if (v.as === 'handler')
    return { ...(p.userId ? { userId: p.userId } : {}), name: p.name, contact: maskPhone(p.contact!), masked: true };
  if (v.as === 'person') return { name: p.name, ...(p.contact ? { contact: maskPhone(p.contact) } : {}), masked: true };
  return { name: maskName(p.name), masked: true };
}

const personsOf = (c: CaseItem): PersonItem[] => (c.kind === 'dispute' ? c.parties : [c.petitioner]);

/**
 * The case for this reader; for a handler, every contact of someone else it shows unmasked is
 * audited (`pii.read` on that resident, or on the case for a typed-in person), so looking up someone's phone through a case leaves a trace.
 */
export async function caseView(actor: Actor, c: CaseItem, v: Viewer, events?: CaseEventItem[]) {
  if (v.as === 'handler')
    await Promise.all(
      personsOf(c)
        .filter((p) => p.userId !== actor.id && p.contact && contactVisible(p, v.gridIds))
        .map((p) =>
          writeAudit({
            actorId: actor.id,
            actorRole: actor.role,
            action: 'pii.read',
            // a typed-in person (no account) is audited on the case that holds their contact
            target: p.userId ? `user:${p.userId}` : `${c.kind}:${c.id}`,
            to: { [c.kind]: c.id, ...(p.userId ? {} : { person: maskName(p.name) }) },
            at: new Date().toISOString(),
          }),
        ),
    );
  return c.kind === 'dispute' ? toDispute(c, v, events) : toPetition(c, v, events);
}

export const handlerOf = (actor: Actor): Viewer => ({ as: 'handler', gridIds: actor.gridIds });

const timeline = (kind: CaseItem['kind'], v: Viewer, events?: CaseEventItem[]) =>
  events
    ?.filter((e) => v.as !== 'person' || !INTERNAL_STEPS[kind].includes(e.action))
    .map((e) => stepView(e, ['level', 'channel']));

const base = (c: DisputeItem | PetitionItem) => ({
  id: c.id,
  version: c.version,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  unitId: c.unitId,
  unitName: c.unitName,
  gridPath: c.gridPath,
  level: c.level,
  registeredBy: c.registeredBy,
  attachments: c.attachments.map((key) => ({ key })),
});

export function toDispute(d: DisputeItem, v: Viewer, events?: CaseEventItem[]): Dispute {
  const out: Dispute = {
    ...base(d),
    status: d.status,
    kind: d.disputeKind,
    parties: d.parties.map((p) => ({ role: p.role, ...person(p, v) })),
  };
  if (d.fromRequestId) out.fromRequestId = d.fromRequestId;
  if (d.mediator) out.mediator = d.mediator;
  if (v.as === 'list') return out;
  out.facts = d.facts;
  out.sessions = d.sessions;
  if (d.agreement) out.agreement = d.agreement;
  if (d.referral) out.referral = d.referral;
  if (d.followUp) out.followUp = d.followUp;
  if (events) out.timeline = timeline('dispute', v, events);
  return out;
}

export function toPetition(p: PetitionItem, v: Viewer, events?: CaseEventItem[]): Petition {
  const out: Petition = {
    ...base(p),
    status: p.status,
    subject: p.subject,
    channel: p.channel,
    source: p.source,
    petitioner: person(p.petitioner, v),
    dueAt: p.dueAt,
    overdue: p.overdue,
    escalations: p.escalations,
  };
  if (p.proxy) out.proxy = p.proxy;
  if (p.rating) out.rating = p.rating;
  // 重点信访人/积案 is an internal label: staff only (their lists show it without the plan)
  if (p.keyCase && (v.as === 'handler' || (v.as === 'list' && v.staff)))
    out.keyCase =
      v.as === 'handler'
        ? p.keyCase
        : { kind: p.keyCase.kind, leaderName: p.keyCase.leaderName, by: p.keyCase.by, at: p.keyCase.at };
  if (v.as === 'list') return out;
  out.content = p.content;
  if (p.reply) out.reply = p.reply;
  if (events) out.timeline = timeline('petition', v, events);
  return out;
}
