import type { Role } from '@gridlink/shared/roles';

/** Who is calling, loaded fresh from the table on every request (staff changes take effect at once). */
export interface Actor {
  id: string;
  role: Role;
  name: string;
  unitId?: string;
  /** the binding to unitId was verified (QR code or grid worker); pending bindings grant no reads */
  unitVerified?: boolean;
  /** staff: the grids they serve */
  gridIds: string[];
  /** the department a `department` user belongs to */
  departmentId?: string;
}
