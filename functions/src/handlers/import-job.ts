/**
 * The import function (not HTTP): invoked asynchronously by `POST /v1/imports/{id}/start` with
 * `{ jobId }` (cdk: ImportFn, 15 minutes, /tmp for the upload); locally the stack calls this very
 * module in-process (functions/src/local/import-runner.ts).
 */
import { runImportJob } from '../domain/imports/run';
import type { ImportJobEvent } from '../data/invoke';

export async function handler(event: ImportJobEvent) {
  if (!event?.jobId || typeof event.jobId !== 'string') throw new Error('import job event without jobId');
  return runImportJob(event.jobId);
}
