import * as z from 'zod';

/** an inbox message (moved to inbox.ts; kept here for existing imports) */
export { Message } from './inbox';

/** Dashboard figures (from write-time counters), of 矛盾纠纷 and 信访, part of GridStats. */
export const DisputeStats = z.object({
  total: z.number(),
  open: z.number(),
  byStatus: z.record(z.string(), z.number()),
  byKind: z.record(z.string(), z.object({ total: z.number(), agreed: z.number(), failed: z.number() })),
  agreed: z.number(),
  failed: z.number(),
  agreementRate: z.number().nullable(),
  /** the seed's two figures: mediated on the spot by grid workers; by community mediators */
  mediatedOnSpot: z.number(),
  mediatedByCommunity: z.number(),
  mediatedByStreet: z.number(),
  referrals: z.record(z.string(), z.number()),
  escalated: z.number(),
  sessions: z.number(),
});
export const PetitionStats = z.object({
  total: z.number(),
  open: z.number(),
  byStatus: z.record(z.string(), z.number()),
  firstVisits: z.number(),
  forwarded: z.number(),
  escalated: z.number(),
  overdue: z.number(),
  /** by the level that answered */
  settledByLevel: z.record(z.string(), z.number()),
  /** first-visit petitions concluded, and of those settled inside the grid (grid or community, petitioner satisfied) */
  firstVisitConcluded: z.number(),
  firstVisitSettledInGrid: z.number(),
  /** the seed: 80 % */
  firstVisitSettledInGridRate: z.number().nullable(),
  keyCases: z.object({ total: z.number(), open: z.number(), closed: z.number() }),
  byProxy: z.number(),
  handlingOnline: z.number(),
  handlingOffline: z.number(),
  rated: z.number(),
  averageStars: z.number().nullable(),
  /** 满意 + 基本满意 (3 stars and up) */
  satisfiedRate: z.number().nullable(),
});

/** Dashboard figures for a grid and everything below it, read from write-time counters. */
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
    /** ratings flagged (staff account or device, bursts, workers never rated below 5★) */
    flaggedRatings: z.number(),
    /** 4–5 stars among rated, flagged ratings left out */
    satisfactionRateUnflagged: z.number().nullable(),
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
  /** 矛盾纠纷 and 信访 */
  disputes: DisputeStats,
  petitions: PetitionStats,
  counters: z.record(z.string(), z.number()),
});
export type GridStats = z.infer<typeof GridStats>;
