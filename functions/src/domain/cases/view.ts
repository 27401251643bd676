/**
 * The API views of disputes and petitions, by who reads:
 * - 'list': no identities (names masked, no contacts) and no free text (facts, content, notes) —
 *   lists are not audited, so they carry nothing personal;
 * - 'handler': staff in scope, everything (each such read is audited);
 * - 'person': a party / the petitioner / the proxy: names, their own contact, no internal labels.
 */
import type { Dispute, Petition } from '@gridlink/shared/cases';
import { maskName, maskPhone } from '@gridlink/shared/mask';
import type { CaseEventItem, DisputeItem, PersonItem, PetitionItem } from '../../data/cases';

/** `staff`: a worklist (internal labels shown); otherwise a person's own list */
export type Viewer = { as: 'list'; staff?: boolean } | { as: 'handler' } | { as: 'person'; userId: string };

function person(p: PersonItem, v: Viewer) {
  const own = v.as === 'person' && p.userId === v.userId;
  if (v.as === 'handler' || own)
    return {
      ...(p.userId ? { userId: p.userId } : {}),
      name: p.name,
      ...(p.contact ? { contact: p.contact } : {}),
      masked: false,
    };
  if (v.as === 'person') return { name: p.name, ...(p.contact ? { contact: maskPhone(p.contact) } : {}), masked: true };
  return { name: maskName(p.name), masked: true };
}

const timeline = (events?: CaseEventItem[]) =>
  events?.map(({ id, at, actorId, actorName, actorRole, action, from, to, level, note, channel }) => ({
    id,
    at,
    actorId,
    actorName,
    actorRole,
    action,
    from,
    to,
    level,
    ...(note ? { note } : {}),
    ...(channel ? { channel } : {}),
  }));

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
  if (events) out.timeline = timeline(events);
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
  if (events) out.timeline = timeline(events);
  return out;
}
