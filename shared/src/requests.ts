import * as z from 'zod';
import { Id, Timestamp } from './common';
import { Role } from './roles';
import { REQUEST_STATUSES } from './names';
import { Level } from './handling';
import { REQUEST_WORKFLOW } from './workflows/requests';

export { LEVEL_NAMES, LEVELS, RATING_NAMES, REQUEST_STATUS_NAMES } from './names';

export { Level } from './handling';

export const RequestStatus = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatus>;
/** Open311 and dashboards: a state's type apart from its label. */
/** states in which someone still has to act (the workflow table decides) */
export const OPEN_STATUSES: readonly RequestStatus[] = REQUEST_WORKFLOW.open;

export const RequestAction = z.enum(['accept', 'reject', 'dispatch', 'resolve', 'escalate']);
export type RequestAction = z.infer<typeof RequestAction>;

export const Category = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  defaultLevel: Level,
  /** hours allowed at each level before the request is overdue and escalates */
  slaHours: z.record(Level, z.number().int()),
  /** who answers when the community blows the whistle (社区吹哨、部门报到) */
  departmentId: z.string(),
  departmentName: z.string(),
});
export type Category = z.infer<typeof Category>;

export const Location = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  address: z.string().max(200).optional(),
});

export const AttachmentKey = z.string().regex(/^uploads\/[A-Za-z0-9/_.-]{1,200}$/, '附件标识无效');

export const CreateRequestBody = z.strictObject({
  category: z.string().min(1).max(40),
  description: z.string().trim().min(5, '请至少用 5 个字描述问题').max(1000),
  unitId: Id.optional(),
  location: Location.optional(),
  attachments: z.array(AttachmentKey).max(9, '最多 9 张照片').optional(),
  /** set when the reporter has seen the duplicate suggestion and still files a new one */
  ignoreSimilar: z.boolean().optional(),
});
export type CreateRequestBody = z.infer<typeof CreateRequestBody>;

export const ActionBody = z.strictObject({
  note: z.string().trim().max(500).optional(),
  departmentId: z.string().max(40).optional(),
  version: z.number().int().min(1).optional(),
});
export type ActionBody = z.infer<typeof ActionBody>;

export { RatingBody } from './handling';

export const TimelineEvent = z.object({
  id: z.string(),
  at: Timestamp,
  /** absent in a joiner's view (who acted is not theirs to know) */
  actorId: z.string().optional(),
  actorName: z.string().optional(),
  actorRole: z.union([Role, z.literal('system')]),
  action: z.string(),
  from: RequestStatus.nullable(),
  to: RequestStatus,
  level: Level,
  note: z.string().optional(),
});

export const ModerationVerdict = z.enum(['pending', 'pass', 'review', 'risky']);

export const PublicSummaryBody = z.strictObject({
  text: z.string().trim().min(4, '公开摘要至少 4 个字').max(120, '公开摘要最多 120 个字'),
});

export const RequestResource = z.object({
  id: z.string(),
  status: RequestStatus,
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  category: z.string(),
  categoryName: z.string(),
  /** short text with personal data removed (what joiners and suggestions show) */
  publicSummary: z.string().optional(),
  /** the fields below down to attachments: the owner's and staff's view only, absent for a joiner */
  description: z.string().optional(),
  unitId: z.string().optional(),
  unitName: z.string().optional(),
  gridPath: z.array(z.string()).optional(),
  level: Level,
  dueAt: Timestamp.nullable(),
  overdue: z.boolean(),
  reporterId: z.string().optional(),
  reporterName: z.string().optional(),
  location: Location.optional(),
  attachments: z.array(z.object({ key: z.string(), url: z.string().optional() })).optional(),
  departmentId: z.string().optional(),
  rating: z.object({ stars: z.number(), comment: z.string().optional(), at: Timestamp }).optional(),
  /** content security (functions/src/domain/moderation.ts): hidden from others until text and photos pass */
  moderation: z
    .object({
      text: ModerationVerdict,
      media: ModerationVerdict,
      rating: ModerationVerdict.optional(),
      reason: z.string().optional(),
    })
    .optional(),
  /** staff-written public summary (Open311 feed, 我也遇到), published once its own check passes */
  approvedSummary: z.object({ text: z.string(), status: ModerationVerdict }).optional(),
  reopenCount: z.number().int(),
  joinCount: z.number().int(),
  timeline: z.array(TimelineEvent).optional(),
});
export type RequestResource = z.infer<typeof RequestResource>;

export const RequestListQuery = z.object({
  view: z.enum(['mine', 'inbox']).default('mine'),
  status: RequestStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});

/** A duplicate suggestion (我也遇到): what a neighbour may know of an open request of the building. */
export const RequestSuggestion = z.object({
  id: z.string(),
  category: z.string(),
  categoryName: z.string(),
  publicSummary: z.string(),
  status: RequestStatus,
  joinCount: z.number().int(),
  createdAt: Timestamp,
  /** the caller reported it, or already joined it */
  mine: z.boolean(),
});
export type RequestSuggestion = z.infer<typeof RequestSuggestion>;

export const SimilarQuery = z.object({ category: z.string().min(1).max(40), unitId: Id.optional() });

export const CallbackStatus = z.enum(['open', 'done']);
export const Callback = z.object({
  id: z.string(),
  requestId: z.string(),
  status: CallbackStatus,
  communityId: z.string(),
  stars: z.number().int(),
  dueAt: Timestamp,
  outcome: z.enum(['confirmed', 'reopen']).optional(),
  note: z.string().optional(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  requestSummary: z.object({
    category: z.string(),
    categoryName: z.string(),
    description: z.string(),
    unitName: z.string(),
  }),
});
export const CallbackCompleteBody = z.strictObject({
  outcome: z.enum(['confirmed', 'reopen']),
  note: z.string().trim().min(2, '请填写回访情况').max(500),
  version: z.number().int().min(1).optional(),
});
export const CallbackListQuery = z.object({
  status: CallbackStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});
