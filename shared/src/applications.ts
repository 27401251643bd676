import * as z from 'zod';
import { Id, Timestamp } from './common';
import { UPLOAD_KEY } from './fields';
import { APPLICATION_STATUSES } from './names';

export { APPLICATION_STATUS_NAMES } from './names';
export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const CreateApplicationBody = z.strictObject({
  serviceCode: z.string().min(1).max(60),
  /** validated against the service's own field list (the same schema the mini-program uses) */
  form: z.record(z.string(), z.unknown()),
  attachments: z.array(z.string().regex(UPLOAD_KEY, '附件标识无效')).max(9).optional(),
  /** apply for someone else: a red proxy agent with a live proxy task, or a linked family member */
  onBehalfOf: Id.optional(),
});
export type CreateApplicationBody = z.infer<typeof CreateApplicationBody>;

export const ReviewBody = z.strictObject({
  note: z.string().trim().max(500).optional(),
  version: z.number().int().min(1).optional(),
});
export const SupplementBody = z.strictObject({
  form: z.record(z.string(), z.unknown()),
  note: z.string().trim().max(500).optional(),
  version: z.number().int().min(1).optional(),
});

export const ApplicationEvent = z.object({
  id: z.string(),
  at: Timestamp,
  actorId: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  action: z.string(),
  from: ApplicationStatus.nullable(),
  to: ApplicationStatus,
  note: z.string().optional(),
});

export const Application = z.object({
  id: z.string(),
  status: ApplicationStatus,
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  serviceCode: z.string(),
  serviceName: z.string(),
  onlineDirect: z.boolean(),
  /** working days the service promises (承诺时限) */
  promisedDays: z.number().int().optional(),
  /** whose affair it is */
  applicantId: z.string(),
  applicantName: z.string(),
  /** who filled it in, when acting on someone's behalf */
  actedBy: z.object({ id: z.string(), name: z.string(), role: z.string() }).optional(),
  communityId: z.string(),
  dueAt: Timestamp,
  overdue: z.boolean(),
  resultNumber: z.string().optional(),
  completedAt: Timestamp.optional(),
  note: z.string().optional(),
  rating: z.object({ stars: z.number(), comment: z.string().optional(), at: Timestamp }).optional(),
  /** the submitted form (details only; masked for readers who do not need it) */
  form: z.record(z.string(), z.unknown()).optional(),
  /** true when the reader acted for the applicant and the access window has closed (form masked) */
  masked: z.boolean().optional(),
  attachments: z.array(z.object({ key: z.string(), url: z.string().optional() })).optional(),
  timeline: z.array(ApplicationEvent).optional(),
});
export type Application = z.infer<typeof Application>;

export const ApplicationListQuery = z.object({
  view: z.enum(['mine', 'review']).default('mine'),
  status: ApplicationStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});
