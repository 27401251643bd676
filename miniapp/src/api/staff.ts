/** Staff administration (人员管理): list, add, edit, suspend, reactivate, retire with a successor. */
import type {
  CreateStaffBody,
  StaffAssignment,
  StaffChange,
  StaffMember,
  UpdateStaffBody,
} from '@gridlink/shared/staff';
import { api, type RequestOptions } from './client';
import type { Page } from './endpoints';

export type { StaffAssignment, StaffChange, StaffMember };
const enc = encodeURIComponent;

export const listStaff = (gridId: string, cursor?: string | null, opts?: RequestOptions) =>
  api.get<Page<StaffAssignment>>('/v1/staff', { ...opts, query: { gridId, cursor, limit: 20 } });
export const getStaff = (id: string, opts?: RequestOptions) => api.get<StaffMember>(`/v1/staff/${enc(id)}`, opts);
export const createStaff = (body: CreateStaffBody) => api.post<StaffMember>('/v1/staff', body);
export const updateStaff = (id: string, body: UpdateStaffBody) => api.put<StaffChange>(`/v1/staff/${enc(id)}`, body);
export const setSuspended = (id: string, version: number, suspended: boolean) =>
  api.post<StaffMember>(`/v1/staff/${enc(id)}/${suspended ? 'suspend' : 'reactivate'}`, { version });
export const retireStaff = (id: string, version: number, successorId: string) =>
  api.post<StaffChange>(`/v1/staff/${enc(id)}/retire`, { version, successorId });
