import type { Application } from '@gridlink/shared/applications';
import type { ApplicationEventItem, ApplicationItem } from '../../data/applications';

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
  if (opts.events)
    out.timeline = opts.events.map(({ id, at, actorId, actorName, actorRole, action, from, to, note }) => ({
      id,
      at,
      actorId,
      actorName,
      actorRole,
      action,
      from,
      to,
      ...(note ? { note } : {}),
    }));
  return out;
}
