/**
 * The cloud runs async work from DynamoDB Streams and EventBridge schedules; the local stack runs
 * the same functions on timers. Jobs register here as later capabilities add them.
 */
export interface Job {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

export const jobs: Job[] = [
  { name: 'notify', everyMs: 1000, run: () => import('../handlers/jobs').then((m) => m.JOBS.notify()) },
  // the table stream's counter mapping: writes of sweeps reach the totals even when no request follows
  { name: 'moderation', everyMs: 1000, run: () => import('../handlers/jobs').then((m) => m.JOBS.moderation()) },
  { name: 'stats', everyMs: 1000, run: () => import('./stats-feed').then((m) => m.drainStats()) },
  { name: 'slaSweep', everyMs: 60_000, run: () => import('../handlers/jobs').then((m) => m.JOBS.slaSweep()) },
  { name: 'deptflowSweep', everyMs: 60_000, run: () => import('../handlers/jobs').then((m) => m.JOBS.deptflowSweep()) },
  {
    name: 'alertUnclaimed',
    everyMs: 60_000,
    run: () => import('../handlers/jobs').then((m) => m.JOBS.alertUnclaimed()),
  },
  { name: 'petitionSweep', everyMs: 60_000, run: () => import('../handlers/jobs').then((m) => m.JOBS.petitionSweep()) },
  {
    name: 'pointCallSweep',
    everyMs: 60_000,
    run: () => import('../handlers/jobs').then((m) => m.JOBS.pointCallSweep()),
  },
  { name: 'patrolSweep', everyMs: 3_600_000, run: () => import('../handlers/jobs').then((m) => m.JOBS.patrolSweep()) },
  {
    name: 'attendanceSweep',
    everyMs: 3_600_000,
    run: () => import('../handlers/jobs').then((m) => m.JOBS.attendanceSweep()),
  },
  { name: 'scoreboard', everyMs: 3600_000, run: () => import('../handlers/jobs').then((m) => m.JOBS.scoreboard()) },
  { name: 'autoClose', everyMs: 300_000, run: () => import('../handlers/jobs').then((m) => m.JOBS.autoClose()) },
];

export function startWorkers(log: (m: string) => void): () => Promise<void> {
  const running = new Set<Promise<unknown>>();
  const timers = jobs.map((job) =>
    setInterval(() => {
      const p = job.run().catch((e) => log(`后台任务 ${job.name} 失败：${(e as Error).message}`));
      running.add(p);
      void p.finally(() => running.delete(p));
    }, job.everyMs),
  );
  return async () => {
    timers.forEach(clearInterval);
    await Promise.all(running);
  };
}
