import * as z from 'zod';
import { DisputeStats, PetitionStats } from './cases';

/** an inbox message (moved to inbox.ts; kept here for existing imports) */
export { Message } from './inbox';

/** Dashboard figures for a grid and everything below it, from the totals the table stream rolls up. */
export const GridStats = z.object({
  gridId: z.string(),
  requests: z.object({
    total: z.number(),
    open: z.number(),
    byStatus: z.record(z.string(), z.number()),
    byCategory: z.record(z.string(), z.number()),
    escalated: z.number(),
    overdue: z.number(),
    resolved: z.number(),
    rated: z.number(),
    averageStars: z.number().nullable(),
    /** share of ratings with 5 stars (the seed: 98.8 %) */
    fiveStarRate: z.number().nullable(),
    callbacksOpen: z.number(),
    reopened: z.number(),
    averageResolveHours: z.number().nullable(),
    /** resolved / (resolved + still open + rejected) */
    resolutionRate: z.number().nullable(),
    /** resolved before the deadline of the level handling it / resolved */
    onTimeRate: z.number().nullable(),
    /** 4–5 stars among rated */
    satisfactionRate: z.number().nullable(),
    /** call-backs opened (1–2 stars) / rated */
    callbackRate: z.number().nullable(),
    /** resolved at grid or community level / resolved (小事不出社区) */
    settledInCommunityRate: z.number().nullable(),
  }),
  applications: z.object({
    total: z.number(),
    completed: z.number(),
    underReview: z.number(),
    onlineDirect: z.number(),
    /** completed online directly / all applications (the seed: 37,432 / 37,645 = 99.4 %) */
    onlineDirectRate: z.number().nullable(),
    averageDaysToComplete: z.number().nullable(),
    rated: z.number(),
    averageStars: z.number().nullable(),
  }),
  proxy: z.object({
    tasks: z.number(),
    open: z.number(),
    /** 代办人次: confirmed proxy services (the seed: 325) */
    done: z.number(),
    rated: z.number(),
    averageStars: z.number().nullable(),
    careRecipients: z.number(),
  }),
  /** 矛盾纠纷 and 信访 (shared/src/cases.ts) */
  disputes: DisputeStats,
  petitions: PetitionStats,
  counters: z.record(z.string(), z.number()),
});
export type GridStats = z.infer<typeof GridStats>;
