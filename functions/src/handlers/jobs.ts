/**
 * Scheduled and stream-triggered work (not HTTP): the notifier, the counter aggregator, the SLA
 * sweep and auto-close. Cloud: EventBridge schedules and the table stream invoke this handler (two
 * stream mappings: outbox inserts wake the notifier, LOCAL counter changes the aggregator); local:
 * timers, and the local stack's stats feed for the aggregator (functions/src/local/stats-feed.ts).
 */
import { drainOutbox } from '../domain/notify';
import { rollUpStats } from '../domain/stats';
import { STATS_LOCAL_TYPE } from '../data/stats';
import { autoClose, deptSignSweep, dueSoonSweep, slaSweep } from '../domain/requests/sweep';
import { callbackSweep } from '../domain/requests/callbacks';
import { alertUnclaimed } from '../domain/proxy/sweep';
import { petitionSweep } from '../domain/cases/petitions';
import { drainModeration } from '../domain/moderation';
import { MODCHECK_TYPE } from '../data/moderation';
import { overnightSweep } from '../domain/patrol/patrols';
import { missedPatrolSweep } from '../domain/patrol/setup';
import { missedClockInSweep } from '../domain/patrol/attendance';
import { pointCallSweep } from '../domain/patrol/pointcall';
import { scoreboardJob } from '../domain/centre/scoreboard';

export const JOBS = {
  notify: drainOutbox,
  slaSweep: () => slaSweep(),
  /** issue 14: 部门报到 deadlines, due-in-2-hours notices, 1–2★ call-backs past 24 h */
  deptflowSweep: async () => ({
    signOverdue: await deptSignSweep(),
    dueSoon: await dueSoonSweep(),
    callbacksEscalated: await callbackSweep(),
  }),
  autoClose: () => autoClose(),
  alertUnclaimed: () => alertUnclaimed(),
  petitionSweep: () => petitionSweep(),
  /** content-security checks: the stream runs new ones at once, the schedule runs retries */
  moderation: () => drainModeration(),
  /** the worker's day: patrols left running overnight, missed patrols / clock-ins, unanswered point-calls */
  patrolSweep: async () => ({ overnight: await overnightSweep(), missed: await missedPatrolSweep() }),
  attendanceSweep: () => missedClockInSweep(),
  pointCallSweep: () => pointCallSweep(),
  /** the public 三率 scoreboard of the last 90 days (one item), daily */
  scoreboard: () => scoreboardJob(),
};

/** `type` in a stream record's new image (the mappings filter on it, so each batch is one kind) */
const typeOf = (r: unknown) =>
  (r as { dynamodb?: { NewImage?: { type?: { S?: string } } } }).dynamodb?.NewImage?.type?.S;

/** A DynamoDB stream batch: counters to the aggregator, new checks to moderation, the rest wakes the notifier. */
async function streamBatch(records: unknown[]) {
  const counters = records.filter((r) => typeOf(r) === STATS_LOCAL_TYPE);
  const checks = records.filter((r) => typeOf(r) === MODCHECK_TYPE).length;
  const out: Record<string, unknown> = {};
  if (counters.length) out.stats = await rollUpStats(counters);
  if (checks) out.moderation = await drainModeration();
  if (counters.length + checks < records.length) out.notify = await drainOutbox();
  return out;
}

export async function handler(event: { job?: keyof typeof JOBS; Records?: unknown[] }) {
  if (event.Records) return streamBatch(event.Records);
  const job = event.job && JOBS[event.job];
  if (!job) throw new Error(`unknown job ${String(event.job)}`);
  return { [event.job!]: await job() };
}
