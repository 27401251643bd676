/**
 * The import function (not HTTP): one part of an admin's import job, `{ jobId }` in, `{ jobId,
 * status }` out. Cloud: the Step Functions loop of cdk's ImportJobs runs it again while the answer
 * is `queued` (a part stopped at its deadline: more rows to go); locally the stack calls this very
 * module in-process and loops the same way (functions/src/local/import-runner.ts).
 */
import { runImportJob } from '../domain/imports/run';
import type { ImportJobEvent } from '../data/invoke';

/** a part stops this long before Lambda's own end (the last batch, the report, the job update) */
const MARGIN_MS = 2 * 60_000;

interface LambdaContext {
  getRemainingTimeInMillis(): number;
}

/** the part's deadline: Lambda's remaining time less the margin; IMPORT_PART_MS pins it (tests) */
export function partDeadline(context?: LambdaContext, now = Date.now()): number | undefined {
  const pinned = Number(process.env.IMPORT_PART_MS);
  if (pinned > 0) return now + pinned;
  if (context?.getRemainingTimeInMillis) return now + Math.max(context.getRemainingTimeInMillis() - MARGIN_MS, 1000);
  return undefined;
}

export async function handler(event: ImportJobEvent, context?: LambdaContext) {
  if (!event?.jobId || typeof event.jobId !== 'string') throw new Error('import job event without jobId');
  return runImportJob(event.jobId, { deadline: partDeadline(context) });
}
