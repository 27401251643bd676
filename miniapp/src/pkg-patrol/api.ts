/** 巡查, 考勤, 请假, 点调, 走访 in the API. Types only from @gridlink/shared/patrol (no zod at run time). */
import type * as z from 'zod';
import type {
  AttendanceDay,
  AttendanceSheet,
  GridPatrolSetup,
  KeyPoint,
  Leave,
  OverdueVisit,
  Patrol,
  PatrolEventBody,
  PatrolEventResult,
  PointCall,
  TrackPoint,
  TrackView,
  Visit,
} from '@gridlink/shared/patrol';
import { api, newIdempotencyKey, type RequestOptions } from '../api/client';
import type { Page } from '../api/endpoints';

export type { AttendanceDay, KeyPoint, Leave, Patrol, PointCall, TrackPoint };
export type Track = z.infer<typeof TrackView>;
export type Setup = z.infer<typeof GridPatrolSetup>;
export type Sheet = z.infer<typeof AttendanceSheet>;
export type Overdue = z.infer<typeof OverdueVisit>;
const enc = encodeURIComponent;
const once = (key?: string) => ({ idempotencyKey: key ?? newIdempotencyKey() });

export const startPatrol = (key?: string) => api.post<Patrol>('/v1/patrols', {}, once(key));
export const myPatrols = (opts?: RequestOptions) =>
  api.get<Page<Patrol>>('/v1/patrols', { ...opts, query: { limit: 10 } });
export const getPatrol = (id: string, opts?: RequestOptions) => api.get<Patrol>(`/v1/patrols/${enc(id)}`, opts);
export const getTrack = (id: string, opts?: RequestOptions) => api.get<Track>(`/v1/patrols/${enc(id)}/track`, opts);
export const uploadPoints = (id: string, points: TrackPoint[]) =>
  api.post<{ patrol: Patrol; accepted: number; duplicates: number }>(
    `/v1/patrols/${enc(id)}/points`,
    { points },
    { silent: true, ...once() },
  );
export const stopPatrol = (id: string) => api.post<Patrol>(`/v1/patrols/${enc(id)}/stop`, {}, once());
export const checkIn = (id: string, body: { pointId: string; lat?: number; lng?: number; qrToken?: string }) =>
  api.post<Patrol>(`/v1/patrols/${enc(id)}/checkins`, body, once());
export const fileEvent = (id: string, body: Partial<z.input<typeof PatrolEventBody>>, key: string) =>
  api.post<z.infer<typeof PatrolEventResult>>(`/v1/patrols/${enc(id)}/events`, body, once(key));
export const activePatrols = (gridId?: string, opts?: RequestOptions) =>
  api.get<Page<Patrol>>('/v1/patrols/active', { ...opts, query: { gridId, limit: 50 } });
export const getSetup = (gridId: string, opts?: RequestOptions) =>
  api.get<Setup>(`/v1/patrol-grids/${enc(gridId)}`, opts);

export const clock = (kind: 'in' | 'out', lat: number, lng: number) =>
  api.post<AttendanceDay>('/v1/attendance/clock', { kind, lat, lng }, once());
export const getSheet = (month: string, userId?: string, opts?: RequestOptions) =>
  api.get<Sheet>('/v1/attendance/sheet', { ...opts, query: { month, userId } });
export const sheetXlsx = (month: string, userId?: string) =>
  api.get<{ url: string; fileName: string }>('/v1/attendance/sheet/xlsx', { query: { month, userId } });
export const applyLeave = (body: { from: string; to: string; reason: string }, key: string) =>
  api.post<Leave>('/v1/leaves', body, once(key));
export const listLeaves = (opts?: RequestOptions) =>
  api.get<Page<Leave>>('/v1/leaves', { ...opts, query: { limit: 50 } });
export const decideLeave = (id: string, move: 'approve' | 'refuse', note?: string) =>
  api.post<Leave>(`/v1/leaves/${enc(id)}/${move}`, note ? { note } : {}, once());

export const callWorker = (workerId: string) => api.post<PointCall>('/v1/pointcalls', { workerId }, once());
export const myCalls = (opts?: RequestOptions) =>
  api.get<Page<PointCall>>('/v1/pointcalls', { ...opts, query: { limit: 20 } });
export const getCall = (id: string, opts?: RequestOptions) => api.get<PointCall>(`/v1/pointcalls/${enc(id)}`, opts);
export const answerCall = (id: string, photo: string, lat: number, lng: number) =>
  api.post<PointCall>(`/v1/pointcalls/${enc(id)}/answer`, { photo, lat, lng, source: 'camera' }, once());

export const overdueVisits = (buildingId: string, opts?: RequestOptions) =>
  api.get<{ buildingId: string; items: Overdue[] }>('/v1/visits/overdue', { ...opts, query: { buildingId } });
export const listVisits = (buildingId: string, opts?: RequestOptions) =>
  api.get<Page<z.infer<typeof Visit>>>('/v1/visits', { ...opts, query: { buildingId, limit: 20 } });
export const logVisit = (
  body: { buildingId: string; unitId: string; houseNo: string; personIds?: string[]; found: string },
  key: string,
) => api.post<z.infer<typeof Visit>>('/v1/visits', body, once(key));
