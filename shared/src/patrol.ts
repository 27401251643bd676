/**
 * The grid worker's day (issue 14, parts 1–4): 巡查 with its track, 关键点位 and plans, 全时考勤
 * with its fence, 请假, 点调 and 走访. Tracks and attendance locations are personal data.
 */
import * as z from 'zod';
import { Id, Timestamp, TimestampInput } from './common';

export const Lat = z.number().min(-90).max(90);
export const Lng = z.number().min(-180).max(180);
export const LatLng = z.object({ lat: Lat, lng: Lng });
export type LatLng = z.infer<typeof LatLng>;

/** how long a track is kept (DynamoDB TTL on every track item): stated in SECURITY.md */
export const TRACK_RETENTION_DAYS = 180;
/** consecutive points further apart than this speed are flagged as likely spoofing */
export const MAX_SPEED_KMH = 120;
/** this many identical consecutive points are flagged (a real receiver jitters) */
export const IDENTICAL_RUN = 10;
/** a point-call must be answered within this many minutes (default) */
export const POINTCALL_MINUTES = 10;
/** 独居老人 and other tagged persons: visited at least this often */
export const VISIT_EVERY_DAYS = 7;
export const VISIT_TAGS = ['独居老人', '残疾人', '重点关爱'] as const;

/** A track point as the client recorded it: `seq` is the device's own counter (idempotent, sortable). */
export const TrackPoint = z.object({
  seq: z.number().int().min(0).max(10_000_000),
  at: TimestampInput,
  lat: Lat,
  lng: Lng,
  acc: z.number().min(0).max(100_000).optional(),
});
export type TrackPoint = z.infer<typeof TrackPoint>;

export const StartPatrolBody = z.object({ gridId: Id.optional(), at: LatLng.optional() });
export const UploadPointsBody = z.object({ points: z.array(TrackPoint).min(1).max(500) });
export const StopPatrolBody = z.object({ at: LatLng.optional() });

export const LocationFlag = z.object({
  kind: z.enum(['speed', 'identical', 'out_of_fence', 'overnight']),
  at: Timestamp,
  seq: z.number().int().optional(),
  detail: z.string().optional(),
});
export type LocationFlag = z.infer<typeof LocationFlag>;

export const Patrol = z.object({
  id: Id,
  status: z.enum(['active', 'finished', 'closed']),
  workerId: Id,
  workerName: z.string(),
  gridId: Id,
  gridName: z.string(),
  startedAt: Timestamp,
  endedAt: Timestamp.nullable(),
  minutes: z.number().int(),
  points: z.number().int(),
  checkins: z.array(z.object({ pointId: Id, name: z.string(), at: Timestamp, by: z.enum(['location', 'qr']) })),
  events: z.object({ reported: z.number().int(), selfHandled: z.number().int() }),
  flags: z.array(LocationFlag),
  version: z.number().int(),
});
export type Patrol = z.infer<typeof Patrol>;

export const TrackView = z.object({
  patrol: Patrol,
  points: z.array(z.object({ seq: z.number().int(), at: Timestamp, lat: z.number(), lng: z.number() })),
  keyPoints: z.array(z.lazy(() => KeyPoint)),
});

export const KeyPointBody = z.object({
  name: z.string().trim().min(1).max(40),
  lat: Lat,
  lng: Lng,
  radiusM: z.number().int().min(10).max(2000).default(50),
});
export const KeyPoint = z.object({
  id: Id,
  gridId: Id,
  name: z.string(),
  lat: z.number(),
  lng: z.number(),
  radiusM: z.number().int(),
  /** the token printed on the point's QR code (staff in scope only) */
  qrToken: z.string().optional(),
});
export type KeyPoint = z.infer<typeof KeyPoint>;

/** the electronic fence of a grid: its boundary polygon, else a radius around its centre */
export const GridGeoBody = z.object({
  center: LatLng.optional(),
  radiusM: z.number().int().min(20).max(20_000).optional(),
  boundary: z.array(LatLng).min(3).max(500).optional(),
});
export type GridGeo = z.infer<typeof GridGeoBody>;

export const PatrolPlanBody = z.object({
  perWeek: z.number().int().min(1).max(50),
  pointIds: z.array(Id).max(50).default([]),
});
export const PatrolPlan = z.object({
  gridId: Id,
  perWeek: z.number().int(),
  pointIds: z.array(Id),
  setBy: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PatrolPlan = z.infer<typeof PatrolPlan>;

export const GridPatrolSetup = z.object({
  gridId: Id,
  geo: GridGeoBody,
  keyPoints: z.array(KeyPoint),
  plan: PatrolPlan.nullable(),
});

export const CheckinBody = z
  .object({ pointId: Id, lat: Lat.optional(), lng: Lng.optional(), qrToken: z.string().max(64).optional() })
  .refine((b) => b.qrToken || (b.lat !== undefined && b.lng !== undefined), {
    message: '请提供位置或扫描点位二维码',
    path: ['lat'],
  });

export const PatrolEventBody = z.object({
  mode: z.enum(['report', 'self']),
  category: z.string().min(1).max(40),
  description: z.string().trim().min(1).max(1000),
  unitId: Id,
  location: LatLng.optional(),
  /** photos (before, for 自处理) */
  attachments: z.array(z.string().max(300)).max(9).default([]),
  /** 自处理: the after photos and what was done */
  afterPhotos: z.array(z.string().max(300)).max(9).default([]),
  resolution: z.string().trim().max(500).optional(),
});
export type PatrolEventBody = z.infer<typeof PatrolEventBody>;

export const PatrolEventResult = z.object({
  requestId: Id,
  status: z.string(),
  mode: z.enum(['report', 'self']),
  patrol: Patrol,
});

export const ClockBody = z.object({ kind: z.enum(['in', 'out']), lat: Lat, lng: Lng });
export const AttendanceDay = z.object({
  userId: Id,
  date: z.string(),
  in: z.object({ at: Timestamp, inFence: z.boolean(), distanceM: z.number().nullable() }).nullable(),
  out: z.object({ at: Timestamp, inFence: z.boolean(), distanceM: z.number().nullable() }).nullable(),
  flags: z.array(z.string()),
  leave: z.boolean(),
});
export type AttendanceDay = z.infer<typeof AttendanceDay>;
export const AttendanceSheet = z.object({
  userId: Id,
  name: z.string(),
  month: z.string(),
  days: z.array(AttendanceDay),
  totals: z.object({
    days: z.number().int(),
    flagged: z.number().int(),
    missed: z.number().int(),
    leave: z.number().int(),
  }),
});
export const SheetQuery = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/, '应为 YYYY-MM'),
  userId: Id.optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
});

export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD');
export const LeaveBody = z.object({ from: Day, to: Day, reason: z.string().trim().min(1).max(200) });
export const LeaveDecisionBody = z.object({ note: z.string().trim().max(200).optional() });
export const Leave = z.object({
  id: Id,
  status: z.enum(['pending', 'approved', 'refused', 'cancelled']),
  userId: Id,
  userName: z.string(),
  gridId: Id,
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  decidedBy: z.string().optional(),
  note: z.string().optional(),
  createdAt: Timestamp,
  version: z.number().int(),
});
export type Leave = z.infer<typeof Leave>;

export const PointCallBody = z.object({ workerId: Id, minutes: z.number().int().min(1).max(60).optional() });
export const PointCallAnswerBody = z.object({
  /** an upload key of the live photo (taken with the camera in the app) */
  photo: z.string().min(1).max(300),
  lat: Lat,
  lng: Lng,
  source: z.literal('camera'),
});
export const PointCall = z.object({
  id: Id,
  status: z.enum(['calling', 'answered', 'missed']),
  channel: z.string(),
  workerId: Id,
  workerName: z.string(),
  callerId: Id,
  callerName: z.string(),
  createdAt: Timestamp,
  dueAt: Timestamp,
  answeredAt: Timestamp.nullable(),
  answer: z.object({ photoUrl: z.string().optional(), lat: z.number(), lng: z.number() }).nullable(),
  version: z.number().int(),
});
export type PointCall = z.infer<typeof PointCall>;

export const VisitBody = z.object({
  buildingId: Id,
  unitId: Id,
  houseNo: z.string().trim().min(1).max(20),
  personIds: z.array(Id).max(20).default([]),
  found: z.string().trim().min(1).max(1000),
  at: TimestampInput.optional(),
});
export const Visit = z.object({
  id: Id,
  buildingId: Id,
  unitId: Id,
  houseNo: z.string(),
  personIds: z.array(Id),
  found: z.string(),
  at: Timestamp,
  byId: Id,
  byName: z.string(),
});
export const OverdueVisit = z.object({
  unitId: Id,
  houseNo: z.string(),
  personId: Id,
  name: z.string(),
  tags: z.array(z.string()),
  lastVisitedAt: Timestamp.nullable(),
  overdueDays: z.number().int().nullable(),
});

export const GridQuery = z.object({ gridId: Id.optional() });
