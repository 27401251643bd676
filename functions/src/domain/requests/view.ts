import type { RequestResource } from '@gridlink/shared/requests';
import type { EventItem, RequestItem } from '../../data/requests';

/** The API view of a request (timeline when given). Joiner ids stay on the server. */
export function toResource(r: RequestItem, events?: EventItem[]): RequestResource {
  const out: RequestResource = {
    id: r.id,
    status: r.status,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    category: r.category,
    categoryName: r.categoryName,
    description: r.description,
    unitId: r.unitId,
    unitName: r.unitName,
    gridPath: r.gridPath,
    level: r.level,
    dueAt: r.dueAt,
    overdue: r.overdue,
    reporterId: r.reporterId,
    reporterName: r.reporterName,
    attachments: r.attachments.map((key) => ({ key })),
    reopenCount: r.reopenCount,
    joinCount: r.joinCount,
  };
  if (r.location) out.location = r.location;
  if (r.departmentId) out.departmentId = r.departmentId;
  if (r.rating) out.rating = r.rating;
  if (r.moderation) out.moderation = r.moderation;
  if (r.publicSummary) out.publicSummary = { text: r.publicSummary.text, status: r.publicSummary.status };
  if (events)
    out.timeline = events.map(({ id, at, actorId, actorName, actorRole, action, from, to, level, note }) => ({
      id,
      at,
      actorId,
      actorName,
      actorRole: actorRole as never,
      action,
      from,
      to,
      level,
      ...(note ? { note } : {}),
    }));
  return out;
}
