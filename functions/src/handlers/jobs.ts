/**
 * Scheduled and stream-triggered work (not HTTP): the notifier, the SLA sweep and auto-close.
 * Cloud: EventBridge schedules and the table stream invoke this handler; local: timers.
 */
import { drainOutbox } from '../domain/notify';
import { autoClose, slaSweep } from '../domain/requests/sweep';
import { alertUnclaimed } from '../domain/proxy/sweep';
import { petitionSweep } from '../domain/cases/petitions';

export const JOBS = {
  notify: drainOutbox,
  slaSweep: () => slaSweep(),
  autoClose: () => autoClose(),
  alertUnclaimed: () => alertUnclaimed(),
  petitionSweep: () => petitionSweep(),
};

export async function handler(event: { job?: keyof typeof JOBS; Records?: unknown[] }) {
  if (event.Records) return { notify: await drainOutbox() }; // DynamoDB stream batch
  const job = event.job && JOBS[event.job];
  if (!job) throw new Error(`unknown job ${String(event.job)}`);
  return { [event.job!]: await job() };
}
