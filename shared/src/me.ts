import * as z from 'zod';
import { Id } from './common';
import { GridLevel } from './grid';
import { Duty, Role } from './roles';

export const Me = z.object({
  id: Id,
  role: Role,
  name: z.string(),
  /** residents and agents: the unit they live in */
  unitId: Id.optional(),
  /** false while the binding waits for verification (the unit's QR code or a grid worker) */
  unitVerified: z.boolean().optional(),
  /** the unit's path for display (district … unit) */
  unitPath: z.array(z.object({ id: Id, name: z.string(), level: GridLevel })).optional(),
  /** staff: the grids they serve */
  gridIds: z.array(Id),
  duties: z.array(Duty).optional(),
  /** phone, masked unless it is the owner reading */
  phone: z.string().optional(),
});
export type Me = z.infer<typeof Me>;

export const BindUnitBody = z
  .object({
    unitId: Id,
    /** the verification code of the unit's QR code in the building; without it the binding is pending */
    code: z.string().trim().min(4).max(32).optional(),
    /** with idNumber: the resident's name as in the imported population records of the unit */
    realName: z.string().trim().min(1).max(30).optional(),
    /** with realName: an 18-digit 公民身份号码; matching a person of the unit verifies at once, else pending */
    idNumber: z
      .string()
      .trim()
      .regex(/^\d{17}[\dXx]$/, '公民身份号码应为18位（最后一位可为X）')
      .optional(),
    /** the code of WeChat's getPhoneNumber button: the phone it stands for matching a person of the unit verifies */
    phoneCode: z.string().trim().min(1).max(128).optional(),
  })
  .refine((b) => (b.realName === undefined) === (b.idNumber === undefined), {
    message: '姓名和身份证号需一起填写',
    path: ['idNumber'],
  });

/** A binding waiting for a grid worker (the resident's name: staff in scope may know their residents). */
export const PendingBinding = z.object({
  userId: Id,
  userName: z.string(),
  unitId: Id,
  unitName: z.string(),
  createdAt: z.string(),
});
export type PendingBinding = z.infer<typeof PendingBinding>;
export const ConfirmBindingBody = z.strictObject({ unitId: Id });
export const PendingBindingQuery = z.object({
  communityId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});
/** What to print in the building: the unit, its code, and the mini-program path its QR code opens. */
export const UnitQr = z.object({ unitId: Id, unitName: z.string(), code: z.string(), path: z.string() });

export const WechatLoginBody = z.object({ code: z.string().min(1).max(128) });
export const DevLoginBody = z.object({ userId: Id });
export const LoginResult = z.object({ token: z.string(), expiresAt: z.string(), user: Me });
export type LoginResult = z.infer<typeof LoginResult>;
