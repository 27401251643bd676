/**
 * 矛盾纠纷 (disputes) and 信访 (petitions): request and response bodies (their dashboard figures
 * are in stats.ts). Enumerations and Chinese names live in names.ts (the mini-program imports those).
 */
import * as z from 'zod';
import { Id, Timestamp } from './common';
import { UPLOAD_KEY } from './fields';
import { Consent, Level } from './handling';
import {
  DISPUTE_KINDS,
  DISPUTE_STATUSES,
  HANDLING_CHANNELS,
  KEY_CASE_KINDS,
  PARTY_ROLES,
  PETITION_CHANNELS,
  PETITION_SOURCES,
  PETITION_STATUSES,
  REFERRALS,
} from './names';

export {
  DISPUTE_KIND_NAMES,
  DISPUTE_STATUS_NAMES,
  HANDLING_CHANNEL_NAMES,
  KEY_CASE_KIND_NAMES,
  PARTY_ROLE_NAMES,
  PETITION_CHANNEL_NAMES,
  PETITION_DUE_DAYS,
  PETITION_SOURCE_NAMES,
  PETITION_STATUS_NAMES,
  REFERRAL_NAMES,
} from './names';

export const DisputeKind = z.enum(DISPUTE_KINDS);
export const DisputeStatus = z.enum(DISPUTE_STATUSES);
export type DisputeStatus = z.infer<typeof DisputeStatus>;
export const PetitionStatus = z.enum(PETITION_STATUSES);
export type PetitionStatus = z.infer<typeof PetitionStatus>;
export const HandlingChannel = z.enum(HANDLING_CHANNELS);

const version = z.number().int().min(1).optional();
const text = (min: number, max: number, msg: string) => z.string().trim().min(min, msg).max(max);
const attachments = z.array(z.string().regex(UPLOAD_KEY, '附件标识无效')).max(9, '最多 9 张照片').optional();
const phoneLike = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请输入正确的手机号或固定电话');

/** A party or petitioner: a resident (userId) or someone without an account (name + contact). */
export const PersonInput = z
  .strictObject({
    userId: Id.optional(),
    name: z.string().trim().min(2, '姓名至少 2 个字').max(20).optional(),
    contact: phoneLike.optional(),
  })
  .refine((p) => p.userId || p.name, { message: '请填写姓名（或选择居民）', path: ['name'] });
export const PartyInput = z
  .strictObject({
    role: z.enum(PARTY_ROLES),
    userId: Id.optional(),
    name: z.string().trim().min(2, '姓名至少 2 个字').max(20).optional(),
    contact: phoneLike.optional(),
  })
  .refine((p) => p.userId || p.name, { message: '请填写当事人姓名（或选择居民）', path: ['name'] });

export const CreateDisputeBody = z.strictObject({
  kind: DisputeKind,
  facts: text(10, 2000, '请至少用 10 个字写明纠纷事实'),
  /** where it happened; defaults to the request's unit when opened from one */
  unitId: Id.optional(),
  parties: z.array(PartyInput).min(1, '请填写当事人').max(10).optional(),
  attachments,
  /** open from a resident's 邻里纠纷 request: its reporter becomes the applicant */
  fromRequestId: Id.optional(),
});
export type CreateDisputeBody = z.infer<typeof CreateDisputeBody>;

export const SessionBody = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD'),
  place: text(2, 60, '请填写调解地点'),
  participants: z.array(z.string().trim().min(2, '姓名至少 2 个字').max(20)).min(1, '请填写参加人').max(20),
  notes: text(5, 2000, '请至少用 5 个字记录调解情况'),
  version,
});
export const AgreeBody = z.strictObject({
  terms: text(10, 3000, '请至少用 10 个字写明协议内容'),
  /** when the parties must have performed it (YYYY-MM-DD) */
  performBy: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD')
    .optional(),
  signedByAll: z.literal(true, '请确认各方当事人已在协议书上签字'),
  version,
});
export const FailBody = z.strictObject({
  referral: z.enum(REFERRALS),
  /** who takes it on (e.g. the mediation point's part-time lawyer) */
  referralNote: z.string().trim().max(200).optional(),
  note: text(5, 1000, '请写明调解未成的原因'),
  version,
});
export const CloseDisputeBody = z.strictObject({
  note: text(5, 1000, '请记录回访情况'),
  /** after an agreement: has it been performed */
  fulfilled: z.boolean().optional(),
  version,
});
export const CaseActionBody = z.strictObject({ note: z.string().trim().max(500).optional(), version });

const Actor = z.object({ id: z.string(), name: z.string(), role: z.string() });
export const Person = z.object({
  userId: z.string().optional(),
  name: z.string(),
  contact: z.string().optional(),
  /** true when name/contact are masked for this reader */
  masked: z.boolean(),
});
export const CaseEvent = z.object({
  id: z.string(),
  at: Timestamp,
  actorId: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  action: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  level: Level,
  note: z.string().optional(),
  channel: HandlingChannel.optional(),
});
const caseBase = {
  id: z.string(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  unitId: z.string(),
  unitName: z.string(),
  gridPath: z.array(z.string()),
  /** the level handling it now: grid → community → street (→ district for petitions) */
  level: Level,
  registeredBy: Actor,
  attachments: z.array(z.object({ key: z.string(), url: z.string().optional() })),
  timeline: z.array(CaseEvent).optional(),
};

export const Dispute = z.object({
  ...caseBase,
  status: DisputeStatus,
  kind: DisputeKind,
  /** details only (lists leave it out: facts carry names) */
  facts: z.string().optional(),
  parties: z.array(Person.extend({ role: z.enum(PARTY_ROLES) })),
  fromRequestId: z.string().optional(),
  sessions: z
    .array(
      z.object({
        id: z.string(),
        date: z.string(),
        place: z.string(),
        participants: z.array(z.string()),
        notes: z.string(),
        by: Actor,
        level: Level,
        at: Timestamp,
      }),
    )
    .optional(),
  /** who mediated at which level (grid worker on the spot, community mediator, street) */
  mediator: Actor.extend({ level: Level }).optional(),
  agreement: z
    .object({
      number: z.string(),
      terms: z.string(),
      performBy: z.string().optional(),
      signedAt: Timestamp,
      organisation: z.string(),
    })
    .optional(),
  referral: z
    .object({ to: z.enum(REFERRALS), note: z.string().optional(), reason: z.string(), at: Timestamp })
    .optional(),
  followUp: z.object({ note: z.string(), fulfilled: z.boolean().optional(), by: Actor, at: Timestamp }).optional(),
});
export type Dispute = z.infer<typeof Dispute>;

export const CreatePetitionBody = z.strictObject({
  subject: text(4, 60, '请用 4–60 个字概括信访事项'),
  content: text(10, 3000, '请至少用 10 个字写明诉求和理由'),
  channel: z.enum(PETITION_CHANNELS),
  unitId: Id,
  petitioner: PersonInput,
  /** 信访代理代办: the registering agent or grid worker acts for the petitioner, with consent */
  byProxy: z.strictObject({ consent: Consent, proxyTaskId: Id.optional() }).optional(),
  attachments,
});
export type CreatePetitionBody = z.infer<typeof CreatePetitionBody>;

export const ProgressBody = z.strictObject({
  channel: HandlingChannel,
  note: text(5, 1000, '请至少用 5 个字记录办理情况'),
  version,
});
export const ReplyBody = z.strictObject({
  reply: text(10, 3000, '请至少用 10 个字写明答复意见'),
  channel: HandlingChannel.default('offline'),
  version,
});
export const KeyCaseBody = z.strictObject({
  kind: z.enum(KEY_CASE_KINDS),
  /** 包案领导 */
  leaderName: text(2, 20, '请填写包案领导'),
  leaderId: Id.optional(),
  plan: text(10, 2000, '请至少用 10 个字写明化解方案'),
  version,
});
export const PetitionRatingBody = z.strictObject({
  stars: z.number().int().min(1, '评分为 1–5 星').max(5, '评分为 1–5 星'),
  comment: z.string().trim().max(500).optional(),
  version,
});

export const Petition = z.object({
  ...caseBase,
  status: PetitionStatus,
  subject: z.string(),
  /** details only */
  content: z.string().optional(),
  channel: z.enum(PETITION_CHANNELS),
  source: z.enum(PETITION_SOURCES),
  petitioner: Person,
  proxy: z
    .object({
      id: z.string(),
      name: z.string(),
      role: z.string(),
      consent: Consent,
      proxyTaskId: z.string().optional(),
    })
    .optional(),
  dueAt: Timestamp.nullable(),
  overdue: z.boolean(),
  escalations: z.number().int(),
  keyCase: z
    .object({
      kind: z.enum(KEY_CASE_KINDS),
      leaderName: z.string(),
      leaderId: z.string().optional(),
      plan: z.string().optional(),
      by: Actor,
      at: Timestamp,
    })
    .optional(),
  reply: z.object({ text: z.string(), channel: HandlingChannel, by: Actor, level: Level, at: Timestamp }).optional(),
  rating: z
    .object({ stars: z.number().int(), comment: z.string().optional(), recordedBy: Actor, at: Timestamp })
    .optional(),
});
export type Petition = z.infer<typeof Petition>;

export const CaseListQuery = z.object({
  /** inbox: a grid's worklist; community: everything in a community; mine: cases I am party to */
  view: z.enum(['inbox', 'community', 'mine']).default('mine'),
  gridId: Id.optional(),
  status: z
    .string()
    .regex(/^[a-z_]{1,20}$/)
    .optional(),
  /** petitions: key cases only */
  key: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseRead = z.object({ at: Timestamp, actorId: z.string(), actorRole: z.string(), action: z.string() });
