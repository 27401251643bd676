import * as z from 'zod';
import { Id, Timestamp, TimestampInput } from './common';
import { PROXY_STATUSES } from './names';
import { Consent } from './handling';
import { UPLOAD_KEY } from './fields';

export { CONSENT_METHOD_NAMES, PROXY_STATUS_NAMES } from './names';

export const ProxyStatus = z.enum(PROXY_STATUSES);
export type ProxyStatus = z.infer<typeof ProxyStatus>;

export { Consent } from './handling';

export const CreateProxyTaskBody = z.strictObject({
  recipientId: Id,
  kind: z.enum(['service', 'errand']),
  serviceCode: z.string().min(1).max(60).optional(),
  description: z.string().trim().min(4, '请至少用 4 个字说明要办的事').max(500),
  consent: Consent,
  /** when it must be claimed by (default 48 h) */
  deadline: TimestampInput.optional(),
});
export type CreateProxyTaskBody = z.infer<typeof CreateProxyTaskBody>;

export const CompleteProxyBody = z.strictObject({
  note: z.string().trim().min(2, '请说明办理结果').max(500),
  applicationId: z.string().max(40).optional(),
  photos: z.array(z.string().regex(UPLOAD_KEY)).max(9).optional(),
  version: z.number().int().min(1).optional(),
});
export const ProxyActionBody = z.strictObject({
  note: z.string().trim().max(500).optional(),
  version: z.number().int().min(1).optional(),
});

export const Recipient = z.object({
  id: z.string(),
  name: z.string(),
  /** unmasked only for those who need it now (the agent while the task is live, the requester, grid staff) */
  phone: z.string().optional(),
  address: z.string().optional(),
  idNumber: z.string().optional(),
  masked: z.boolean(),
});

export const ProxyTask = z.object({
  id: z.string(),
  status: ProxyStatus,
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  kind: z.enum(['service', 'errand']),
  serviceCode: z.string().optional(),
  serviceName: z.string().optional(),
  description: z.string(),
  communityId: z.string(),
  deadline: Timestamp,
  requesterId: z.string(),
  requesterName: z.string(),
  consent: Consent.extend({ by: z.string(), byName: z.string(), at: Timestamp }),
  agentId: z.string().optional(),
  agentName: z.string().optional(),
  recipient: Recipient,
  result: z.object({ note: z.string(), applicationId: z.string().optional(), photos: z.array(z.string()) }).optional(),
  confirmedBy: z.object({ id: z.string(), name: z.string(), role: z.string(), at: Timestamp }).optional(),
  rating: z.object({ stars: z.number(), comment: z.string().optional(), at: Timestamp }).optional(),
  unclaimedAlerted: z.boolean().optional(),
  timeline: z
    .array(
      z.object({
        id: z.string(),
        at: Timestamp,
        actorId: z.string(),
        actorName: z.string(),
        action: z.string(),
        from: ProxyStatus.nullable(),
        to: ProxyStatus,
        note: z.string().optional(),
      }),
    )
    .optional(),
});
export type ProxyTask = z.infer<typeof ProxyTask>;

export const ProxyListQuery = z.object({
  view: z.enum(['hall', 'mine', 'requested']).default('requested'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});

export const CreateCareRecipientBody = z.strictObject({
  name: z.string().trim().min(2).max(20),
  unitId: Id,
  phone: z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请输入正确的手机号或固定电话'),
  idNumber: z
    .string()
    .regex(/^\d{17}[\dX]$/, '身份证号格式不正确')
    .optional(),
  needs: z
    .array(z.enum(['elderly_alone', 'disabled', 'no_wechat', 'low_income', 'chronic_illness']))
    .min(1, '请至少选择一项帮扶需求'),
  note: z.string().trim().max(200).optional(),
});
export const CARE_NEED_NAMES = {
  elderly_alone: '独居老人',
  disabled: '残疾人',
  no_wechat: '无微信',
  low_income: '低收入',
  chronic_illness: '慢性病',
} as const;

export const CareRecipient = z.object({
  id: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  phone: z.string(),
  idNumber: z.string().optional(),
  needs: z.array(z.string()),
  note: z.string().optional(),
  registeredBy: z.string(),
  family: z.array(z.object({ userId: z.string(), name: z.string(), status: z.enum(['pending', 'confirmed']) })),
  createdAt: Timestamp,
  version: z.number().int(),
});

export const AgentProfile = z.object({
  id: z.string(),
  name: z.string(),
  communityIds: z.array(z.string()),
  tasksDone: z.number().int(),
  averageRating: z.number().nullable(),
  ratings: z.number().int(),
});

export const AgentApplicationBody = z.strictObject({
  partyMember: z.boolean(),
  reason: z.string().trim().min(5, '请简要说明').max(300),
});
