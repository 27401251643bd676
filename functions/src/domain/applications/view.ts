/**
 * The API view of an application, by who reads it (the one place that decides what a reader sees):
 * - 'owner': the applicant — everything;
 * - 'office': the service office of the applicant's community — everything, audited (`pii.read`);
 * - 'agent-in-window': whoever filed it on the applicant's behalf while their behalf relation holds
 *   (the assigned agent while the proxy task is claimed … done-unconfirmed, or a confirmed family
 *   member) — everything, audited;
 * - 'acted': whoever filed it on the applicant's behalf after the window closed — it stays in their
 *   list, but the applicant's name and the form's personal fields are masked and attachments dropped.
 */
import { stepView } from '../workflow/steps';
import type { Application } from '@gridlink/shared/applications';
import type { FormField } from '@gridlink/shared/fields';
import { maskIdNumber, maskName, maskPhone } from '@gridlink/shared/mask';
import type { ApplicationEventItem, ApplicationItem } from '../../data/applications';
import { writeAudit } from '../../data/audit';
import { getService } from '../../data/services';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { relationTo } from '../behalf';

export type ApplicationReader = 'owner' | 'office' | 'agent-in-window' | 'acted';

const FULL: readonly ApplicationReader[] = ['owner', 'office', 'agent-in-window'];

/** What the actor is to this application (undefined: nothing, the application does not exist for them). */
export async function readerOf(
  actor: Actor,
  a: ApplicationItem,
  actorIds: readonly string[] = [],
): Promise<ApplicationReader | undefined> {
  if (a.applicantId === actor.id) return 'owner';
  if (a.actedBy?.id === actor.id || actorIds.includes(actor.id))
    return (await relationTo(actor, a.applicantId)) ? 'agent-in-window' : 'acted';
  if (actor.role === 'office' && inScope(actor, a.gridPath)) return 'office';
  return undefined;
}

const NAME_FIELD = /^(name|.*Name)$/;

/** The form as someone outside the window sees it: personal field types masked, images dropped. */
export function maskForm(fields: readonly FormField[], form: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(form)) {
    const f = fields.find((x) => x.name === k);
    if (!f || typeof v !== 'string') out[k] = f?.type === 'image' ? [] : v;
    else if (f.type === 'idNumber') out[k] = maskIdNumber(v);
    else if (f.type === 'phone') out[k] = maskPhone(v);
    else if (f.type === 'text' && NAME_FIELD.test(f.name)) out[k] = maskName(v);
    else if (f.type === 'text' && /address/i.test(f.name)) out[k] = '****';
    else out[k] = v;
  }
  return out;
}

/**
 * The application for this reader: `withForm` for details; every full view of someone else's
 * application is audited. Lists pass no `withForm` (no form, no attachments) and no audit is written.
 */
export async function viewApplication(
  actor: Actor,
  a: ApplicationItem,
  reader: ApplicationReader,
  opts: { events?: ApplicationEventItem[]; withForm?: boolean } = {},
): Promise<Application> {
  const full = FULL.includes(reader);
  const out = toApplication(a, { ...opts, withForm: opts.withForm && full });
  if (opts.withForm && full && reader !== 'owner')
    await writeAudit({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'pii.read',
      target: `application:${a.id}`,
      to: { reader, status: a.status },
      at: new Date().toISOString(),
    });
  if (full) return out;
  out.applicantName = maskName(a.applicantName);
  out.masked = true;
  if (opts.withForm) {
    const service = await getService(a.serviceCode);
    out.form = maskForm(service?.fields ?? [], a.form);
    out.attachments = [];
  }
  return out;
}

export function toApplication(
  a: ApplicationItem,
  opts: { events?: ApplicationEventItem[]; withForm?: boolean; now?: string } = {},
): Application {
  const now = opts.now ?? new Date().toISOString();
  const out: Application = {
    id: a.id,
    status: a.status,
    version: a.version,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    serviceCode: a.serviceCode,
    serviceName: a.serviceName,
    onlineDirect: a.onlineDirect,
    applicantId: a.applicantId,
    applicantName: a.applicantName,
    communityId: a.communityId,
    dueAt: a.dueAt,
    overdue: (a.status === 'under_review' || a.status === 'returned') && a.dueAt < now,
  };
  if (a.promisedDays !== undefined) out.promisedDays = a.promisedDays;
  if (a.actedBy) out.actedBy = a.actedBy;
  if (a.resultNumber) out.resultNumber = a.resultNumber;
  if (a.completedAt) out.completedAt = a.completedAt;
  if (a.note) out.note = a.note;
  if (a.rating) out.rating = a.rating;
  if (opts.withForm) {
    out.form = a.form;
    out.attachments = a.attachments.map((key) => ({ key }));
  }
  if (opts.events) out.timeline = opts.events.map((e) => stepView(e));
  return out;
}
