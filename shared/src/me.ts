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
  /** the unit's path for display (district … unit) */
  unitPath: z.array(z.object({ id: Id, name: z.string(), level: GridLevel })).optional(),
  /** staff: the grids they serve */
  gridIds: z.array(Id),
  duties: z.array(Duty).optional(),
  /** phone, masked unless it is the owner reading */
  phone: z.string().optional(),
});
export type Me = z.infer<typeof Me>;

export const BindUnitBody = z.object({ unitId: Id });

export const WechatLoginBody = z.object({ code: z.string().min(1).max(128) });
export const DevLoginBody = z.object({ userId: Id });
export const LoginResult = z.object({ token: z.string(), expiresAt: z.string(), user: Me });
export type LoginResult = z.infer<typeof LoginResult>;
