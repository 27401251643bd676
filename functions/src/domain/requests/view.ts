import type { RequestResource, RequestSuggestion } from '@gridlink/shared/requests';
import type { EventItem, RequestItem } from '../../data/requests';
import { maskNumbers } from '@gridlink/shared/pii';
import { publicSummary } from './summary';

/** What neighbours read: the staff-approved summary once it passed its check, else the sanitised text
 * (stored at create time; computed for items written before the field existed). */
export const summaryOf = (r: RequestItem) =>
  r.approvedSummary?.status === 'pass'
    ? r.approvedSummary.text
    : (r.publicSummary ?? publicSummary(r.categoryName, r.description));

/** What anyone allowed to see a request at all may know of it (the joiner's view is just this). */
const publicPart = (r: RequestItem): RequestResource => ({
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
});

/**
 * The full view of a request (timeline when given) for its reporter and the staff who handle it.
 * Joiner ids stay on the server. Phone and ID numbers typed into the text and the rating comment are
 * the reporter's to see; every other reader gets them masked (shared/src/pii.ts).
 */
export function toResource(r: RequestItem, readerId: string, events?: EventItem[]): RequestResource {
  const own = readerId === r.reporterId;
  const text = (t: string) => (own ? t : maskNumbers(t));
  const out: RequestResource = {
    ...publicPart(r),
    description: text(r.description),
    unitId: r.unitId,
    unitName: r.unitName,
    gridPath: r.gridPath,
    reporterId: r.reporterId,
    reporterName: r.reporterName,
    attachments: r.attachments.map((key) => ({ key })),
  };
  if (r.location) out.location = r.location;
  if (r.departmentId) out.departmentId = r.departmentId;
  if (r.signDueAt) out.signDueAt = r.signDueAt;
  if (r.signedAt) out.signedAt = r.signedAt;
  if (r.signOverdue) out.signOverdue = true;
  if (r.extension) {
    const { byId, decidedBy, ...extension } = r.extension;
    out.extension = extension;
  }
  const supervised = (r as { supervised?: { at: string; byName: string } }).supervised;
  if (supervised) out.supervised = { at: supervised.at, byName: supervised.byName };
  if (r.result) out.result = text(r.result);
  if (r.resultPhotos?.length) out.resultPhotos = r.resultPhotos.map((key) => ({ key }));
  if (r.rating) out.rating = r.rating.comment ? { ...r.rating, comment: text(r.rating.comment) } : r.rating;
  if (r.moderation) out.moderation = r.moderation;
  if (r.approvedSummary) out.approvedSummary = { text: r.approvedSummary.text, status: r.approvedSummary.status };
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
  const out = publicPart(r);
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
