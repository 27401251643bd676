/** Staff administration (实名动态管理, issue 13 item 5): who serves which grids, with which duties. */
import * as z from 'zod';
import { Id, ListQuery, Timestamp } from './common';
import { Duty, Role } from './roles';
import { MANAGED_ROLES } from './names';

export { MANAGED_ROLES, STAFF_ADMIN_RANK } from './names';
export const ManagedRole = z.enum(MANAGED_ROLES);

export const StaffStatus = z.enum(['active', 'suspended', 'retired']);
export type StaffStatus = z.infer<typeof StaffStatus>;

const Mobile = z.string().regex(/^1[3-9]\d{9}$/, '应为 11 位手机号');
const GridIds = z.array(Id).min(1, '至少负责一个网格').max(20);
const Duties = z.array(Duty).max(5);

/** One assignment of a staff member to a grid (a list row); the phone is masked. */
export const StaffAssignment = z.object({
  userId: Id,
  name: z.string(),
  role: Role,
  duties: z.array(Duty),
  gridId: Id,
  /** the grid's names below the district: 和平街道 › 新华社区 › … */
  gridName: z.string(),
  phone: z.string(),
  status: StaffStatus,
});
export type StaffAssignment = z.infer<typeof StaffAssignment>;

export const StaffMember = z.object({
  id: Id,
  name: z.string(),
  role: Role,
  duties: z.array(Duty),
  grids: z.array(z.object({ id: Id, name: z.string() })),
  /** masked */
  phone: z.string(),
  status: StaffStatus,
  version: z.number().int(),
  updatedAt: Timestamp,
});
export type StaffMember = z.infer<typeof StaffMember>;

export const StaffQuery = ListQuery.extend({ gridId: Id.optional() });
export const StaffParams = z.object({ userId: Id });

export const CreateStaffBody = z.object({
  name: z.string().trim().min(1).max(30),
  phone: Mobile,
  role: ManagedRole,
  gridIds: GridIds,
  duties: Duties.default([]),
});
export type CreateStaffBody = z.infer<typeof CreateStaffBody>;

/** A move (new grids), new duties or a new role; removing grids needs a successor for the work there. */
export const UpdateStaffBody = z.object({
  version: z.number().int().min(1),
  gridIds: GridIds.optional(),
  duties: Duties.optional(),
  role: ManagedRole.optional(),
  successorId: Id.optional(),
});
export type UpdateStaffBody = z.infer<typeof UpdateStaffBody>;

export const StaffStatusBody = z.object({ version: z.number().int().min(1), reason: z.string().max(200).optional() });
export const RetireStaffBody = z.object({ version: z.number().int().min(1), successorId: Id });
export type RetireStaffBody = z.infer<typeof RetireStaffBody>;

/** What a hand-over moved to the successor: each item got a timeline entry. */
export const Handover = z.object({
  id: Id,
  fromId: Id,
  toId: Id,
  gridIds: z.array(Id),
  requests: z.number().int(),
  disputes: z.number().int(),
  petitions: z.number().int(),
  done: z.boolean(),
});
export type Handover = z.infer<typeof Handover>;

export const StaffChange = z.object({ member: StaffMember, handover: Handover.optional() });
export type StaffChange = z.infer<typeof StaffChange>;
