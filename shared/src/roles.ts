import * as z from 'zod';
import { DUTIES, ROLES } from './names';

export { DUTY_NAMES, ROLE_NAMES, STAFF_ROLES, UNIT_ROLES } from './names';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** 网格五员: the five duties grid staff carry. */
export const Duty = z.enum(DUTIES);
export type Duty = z.infer<typeof Duty>;
