/**
 * The command centre (指挥中心), the public scoreboard (三率) and the assessment (考核): what the API
 * answers. Figures come from the period buckets the stats aggregator keeps (DAY# / MONTH# per grid).
 */
import * as z from 'zod';
import { Id, Timestamp } from './common';
import { GridLevel } from './grid';
import { Level, RequestStatus } from './requests';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD');
const Month = z.string().regex(/^\d{4}-\d{2}$/, '应为 YYYY-MM');
export const PERIODS = ['day', 'week', 'month', 'custom'] as const;
export const PERIOD_NAMES: Record<(typeof PERIODS)[number], string> = {
  day: '日',
  week: '周',
  month: '月',
  custom: '自定义',
};
/** the longest custom range (days) */
export const MAX_RANGE_DAYS = 366;

/** `?period=day|week|month|custom&date=` (the day, a day of the week, or of the month) or `&from=&to=` */
export const PeriodQuery = z.object({
  period: z.enum(PERIODS).default('month'),
  date: Day.optional(),
  from: Day.optional(),
  to: Day.optional(),
});
export type PeriodQuery = z.infer<typeof PeriodQuery>;

export const ExportFormat = z.object({ format: z.enum(['json', 'xlsx']).default('json') });

/** a short-lived download link of an exported table (.xlsx) */
export const ExportLink = z.object({ url: z.string(), fileName: z.string(), expiresAt: Timestamp });
export type ExportLink = z.infer<typeof ExportLink>;

const Rate = z.number().nullable().describe('0…1, null: no data (暂无数据)');

/** one grid's figures for a period */
export const Figures = z.object({
  reported: z.number().int(),
  selfHandled: z.number().int(),
  resolved: z.number().int(),
  onTimeRate: Rate,
  inCommunityRate: Rate.describe('小事不出社区: resolved at grid or community level / resolved'),
  satisfactionRate: Rate,
  rated: z.number().int(),
  mediations: z.number().int(),
  mediationsAgreed: z.number().int(),
  proxyDone: z.number().int().describe('代办人次'),
  patrols: z.number().int(),
  patrolCoverage: Rate.describe('patrol_grid_days / (patrol_plan_grids × days)'),
  attendanceRate: Rate.describe('attend_days / (attend_days + attend_missed)'),
  urged: z.number().int(),
  supervised: z.number().int(),
  escalated: z.number().int(),
  overdue: z.number().int(),
  /** all-time totals, not of the period: open now (a gauge), ever marked overdue (cumulative) */
  open: z.number().int(),
  overdueTotal: z.number().int(),
});
export type Figures = z.infer<typeof Figures>;

export const GridFigures = z.object({
  gridId: z.string(),
  name: z.string(),
  level: GridLevel,
  childCount: z.number().int(),
  figures: Figures,
});
export type GridFigures = z.infer<typeof GridFigures>;

export const FiguresAnswer = z.object({
  from: Day,
  to: Day,
  days: z.number().int(),
  /** 'MONTH': read from month buckets (whole months), 'DAY': from day buckets */
  source: z.enum(['DAY', 'MONTH']),
  grid: GridFigures,
  children: z.array(GridFigures),
  nextCursor: z.string().nullable(),
  /** DynamoDB calls and items this answer read */
  cost: z.object({ calls: z.number().int(), items: z.number().int() }),
});
export type FiguresAnswer = z.infer<typeof FiguresAnswer>;

/** 督办 / 挂牌督办 */
export const SuperviseBody = z.object({
  version: z.number().int().min(1).optional(),
  note: z.string().trim().max(200).optional(),
});
export type SuperviseBody = z.infer<typeof SuperviseBody>;

/** an overdue or escalated request in the centre's queue (no reporter data) */
export const QueueItem = z.object({
  id: z.string(),
  status: RequestStatus,
  version: z.number().int(),
  categoryName: z.string(),
  summary: z.string(),
  gridPath: z.array(z.string()),
  inbox: z.string(),
  level: Level,
  overdue: z.boolean(),
  dueAt: Timestamp.nullable(),
  createdAt: Timestamp,
  urgeCount: z.number().int(),
  lastUrgedAt: Timestamp.optional(),
  supervised: z.boolean(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const QueueQuery = z.object({
  gridId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});

/** 考核 weights (points out of 100), set by the district */
export const CommunityWeights = z.object({
  onTime: z.number().min(0).max(100),
  satisfaction: z.number().min(0).max(100),
  resolution: z.number().min(0).max(100),
  inCommunity: z.number().min(0).max(100),
  patrol: z.number().min(0).max(100),
  attendance: z.number().min(0).max(100),
});
export const WorkerWeights = z.object({
  onTime: z.number().min(0).max(100),
  satisfaction: z.number().min(0).max(100),
  attendance: z.number().min(0).max(100),
  patrol: z.number().min(0).max(100),
  events: z.number().min(0).max(100),
});
const sumsTo100 = (w: Record<string, number>) => Math.abs(Object.values(w).reduce((a, b) => a + b, 0) - 100) < 1e-6;
export const AssessmentWeights = z.object({
  community: CommunityWeights.refine(sumsTo100, '权重之和应为 100'),
  worker: WorkerWeights.refine(sumsTo100, '权重之和应为 100'),
  /** patrols / events a worker should log in a month for full points */
  workerTargets: z.object({ patrols: z.number().int().min(1).max(1000), events: z.number().int().min(1).max(1000) }),
});
export type AssessmentWeights = z.infer<typeof AssessmentWeights>;
export const WeightsBody = AssessmentWeights.extend({ version: z.number().int().min(0).optional() });
export const WeightsAnswer = AssessmentWeights.extend({
  version: z.number().int(),
  updatedAt: Timestamp.nullable(),
  updatedBy: z.string().nullable(),
});

export const DEFAULT_WEIGHTS: AssessmentWeights = {
  community: { onTime: 25, satisfaction: 25, resolution: 20, inCommunity: 10, patrol: 10, attendance: 10 },
  worker: { onTime: 25, satisfaction: 25, attendance: 20, patrol: 15, events: 15 },
  workerTargets: { patrols: 20, events: 10 },
};

/** one line of a breakdown: the figure, its weight, the points it earned */
export const ScoreLine = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  weight: z.number(),
  points: z.number(),
});
export const Assessment = z.object({
  subject: z.enum(['worker', 'community']),
  id: z.string(),
  name: z.string(),
  month: Month,
  score: z.number(),
  lines: z.array(ScoreLine),
  counters: z.record(z.string(), z.number()),
});
export type Assessment = z.infer<typeof Assessment>;
export const MonthQuery = z.object({ month: Month.optional() });

export const Ranking = z.object({
  month: Month,
  gridId: z.string(),
  communities: z.array(Assessment.omit({ counters: true }).extend({ rank: z.number().int() })),
  workers: z.array(Assessment.omit({ counters: true }).extend({ rank: z.number().int() })),
});

/** 三率 of one community over the last 90 days (public: no personal data) */
export const ScoreboardRow = z.object({
  communityId: z.string(),
  name: z.string(),
  street: z.string(),
  closed: z.number().int(),
  responseRate: z.number().nullable(),
  resolutionRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  /** null: 样本不足 (fewer closed requests than the minimum sample) */
  rank: z.number().int().nullable(),
});
export const Scoreboard = z.object({
  from: Day,
  to: Day,
  minSample: z.number().int(),
  computedAt: Timestamp.nullable(),
  rows: z.array(ScoreboardRow),
});
export type Scoreboard = z.infer<typeof Scoreboard>;
