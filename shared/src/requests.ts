import * as z from 'zod';
import { Id, Timestamp, TimestampInput } from './common';
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
  /** 办结 photos (uploaded keys); a department must give a result (`note`) and at least one */
  photos: z.array(AttachmentKey).max(9, '最多 9 张照片').optional(),
});
export type ActionBody = z.infer<typeof ActionBody>;

/** 社区吹哨、部门报到: the department's and the community's moves on a dispatched request */
export const DeptAction = z.enum(['sign', 'return', 'extension', 'approveExtension', 'refuseExtension']);
export type DeptAction = z.infer<typeof DeptAction>;
export const DeptActionBody = z.strictObject({
  note: z.string().trim().max(500).optional(),
  version: z.number().int().min(1).optional(),
});
export const ExtensionBody = z.strictObject({
  /** the new due time asked for (ISO with zone) */
  dueAt: TimestampInput,
  note: z.string().trim().min(2, '请填写延期原因').max(500),
  version: z.number().int().min(1).optional(),
});
export const Extension = z.object({
  dueAt: Timestamp,
  reason: z.string(),
  at: Timestamp,
  status: z.enum(['pending', 'approved', 'refused']),
  decidedAt: Timestamp.optional(),
  note: z.string().optional(),
});

/** A request late at its department, in the street's list */
export const DeptLate = z.object({
  requestId: z.string(),
  reason: z.enum(['sign', 'deadline']),
  departmentId: z.string(),
  departmentName: z.string(),
  communityId: z.string(),
  categoryName: z.string(),
  since: Timestamp,
  dueAt: Timestamp.nullable(),
});
export const StreetListQuery = z.object({
  streetId: z.string().min(1).max(80).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});

export const FlagReason = z.enum(['staff_role', 'staff_device', 'burst', 'worker_all_five']);
export const FLAG_REASON_NAMES: Record<z.infer<typeof FlagReason>, string> = {
  staff_role: '工作人员账号评价',
  staff_device: '工作人员设备评价',
  burst: '同一分钟内集中评价',
  worker_all_five: '网格员评价从未低于五星',
};
export const FlaggedRating = z.object({
  requestId: z.string(),
  at: Timestamp,
  stars: z.number().int(),
  reasons: z.array(FlagReason),
  communityId: z.string(),
  gridId: z.string(),
  categoryName: z.string(),
  raterRole: z.string(),
  workerId: z.string().optional(),
});
/** A worker whose ratings never drop below 5★ this month (≥ 10 ratings) */
export const AllFiveWorker = z.object({
  userId: z.string(),
  name: z.string(),
  gridId: z.string(),
  month: z.string(),
  rated: z.number().int(),
});

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
  /** 社区吹哨、部门报到: the 报到 deadline and when the department signed for it */
  signDueAt: Timestamp.optional(),
  signedAt: Timestamp.optional(),
  signOverdue: z.boolean().optional(),
  /** the one extension a department may ask for */
  extension: Extension.optional(),
  /** 挂牌督办 by the street or district (the command centre): when and by whom */
  supervised: z.object({ at: Timestamp, byName: z.string() }).optional(),
  /** what was done (办结) and its photos */
  result: z.string().optional(),
  resultPhotos: z.array(z.object({ key: z.string(), url: z.string().optional() })).optional(),
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
/** low: after 1–2★; sampled: a 3★ sampled for a call-back; audit: a 5★ sampled for an audit call-back */
export const CallbackKind = z.enum(['low', 'sampled', 'audit']);
export const CALLBACK_KIND_NAMES: Record<z.infer<typeof CallbackKind>, string> = {
  low: '差评回访',
  sampled: '抽样回访',
  audit: '五星核查',
};
export const Callback = z.object({
  id: z.string(),
  kind: CallbackKind.optional(),
  /** not done within 24 h: escalated to the street */
  escalatedAt: Timestamp.optional(),
  level: z.enum(['community', 'street']).optional(),
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
  /** 'escalated': the street's call-backs escalated after 24 h */
  view: z.enum(['community', 'escalated']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});
