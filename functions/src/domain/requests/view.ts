import type { RequestResource, RequestSuggestion } from '@gridlink/shared/requests';
import type { EventItem, RequestItem } from '../../data/requests';
import { publicSummary } from './summary';

/** Stored at create time; computed for items written before the field existed. */
export const summaryOf = (r: RequestItem) => r.publicSummary ?? publicSummary(r.categoryName, r.description);

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
    publicSummary: summaryOf(r),
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

/**
 * A joiner's view (我也遇到 followers): what the building may know — category, public summary,
 * handling state and the steps of the timeline, without the reporter, the unit, the place, photos,
 * the text, step notes or who acted.
 */
export function toJoinerView(r: RequestItem, events?: EventItem[]): RequestResource {
  const out: RequestResource = {
    id: r.id,
    status: r.status,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    category: r.category,
    categoryName: r.categoryName,
    publicSummary: summaryOf(r),
    level: r.level,
    dueAt: r.dueAt,
    overdue: r.overdue,
    reopenCount: r.reopenCount,
    joinCount: r.joinCount,
  };
  if (events)
    out.timeline = events.map(({ id, at, actorRole, action, from, to, level }) => ({
      id,
      at,
      actorRole: actorRole as never,
      action,
      from,
      to,
      level,
    }));
  return out;
}

/** A duplicate suggestion: the projection offered to neighbours before they report or join. */
export const toSuggestion = (r: RequestItem, callerId: string): RequestSuggestion => ({
  id: r.id,
  category: r.category,
  categoryName: r.categoryName,
  publicSummary: summaryOf(r),
  status: r.status,
  joinCount: r.joinCount,
  createdAt: r.createdAt,
  mine: r.reporterId === callerId || r.joinerIds.includes(callerId),
});
