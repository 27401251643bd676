/**
 * Starting background work that outlives a request: in the cloud an asynchronous Lambda invoke
 * (InvocationType Event: Lambda queues the event and answers 202 at once), SigV4-signed like the
 * S3 calls (no Lambda client in the bundle); locally the stack registers a runner that calls the
 * same handler module in its own process (functions/src/local/import-runner.ts).
 */
import { config } from '../config';
import { defaultCredentials, dnsSuffix, send, signer, withRetries } from './aws';

export interface ImportJobEvent {
  jobId: string;
}

type Runner = (event: ImportJobEvent) => void;
let localRunner: Runner | undefined;

/** the local stack's stand-in for the import function (tests, `npm start`) */
export const setLocalImportRunner = (r: Runner | undefined) => {
  localRunner = r;
};

/**
 * Start the import job. Cloud: an execution of the state machine that runs the import function
 * part after part (IMPORT_STATE_MACHINE_ARN, set by CDK on the imports API function); without one,
 * a single asynchronous invoke of the function (IMPORT_FUNCTION_NAME); locally the runner.
 */
export async function invokeImportJob(event: ImportJobEvent): Promise<void> {
  const machine = process.env.IMPORT_STATE_MACHINE_ARN;
  if (machine) return startExecution(machine, event);
  const fn = process.env.IMPORT_FUNCTION_NAME;
  if (!fn) {
    if (!localRunner) throw new Error('IMPORT_FUNCTION_NAME is not set and no local import runner is registered');
    localRunner(event);
    return;
  }
  const region = config.region;
  const hostname = `lambda.${region}.${dnsSuffix(region)}`;
  const path = `/2015-03-31/functions/${encodeURIComponent(fn)}/invocations`;
  const body = JSON.stringify(event);
  const signed = await signer('lambda', region, await defaultCredentials()).sign({
    method: 'POST',
    protocol: 'https:',
    hostname,
    path,
    headers: { host: hostname, 'content-type': 'application/json', 'x-amz-invocation-type': 'Event' },
    body,
  });
  const res = await withRetries(
    async () => {
      const r = await send(`https://${hostname}${path}`, {
        method: 'POST',
        headers: signed.headers as Record<string, string>,
        body,
      });
      if (r.status >= 500 || r.status === 429) throw new Error(`Lambda Invoke answered HTTP ${r.status}`);
      return r;
    },
    () => true,
  );
  if (res.status !== 202) throw new Error(`Lambda Invoke answered HTTP ${res.status}: ${res.body.slice(0, 200)}`);
}

/** Step Functions StartExecution (JSON 1.0 protocol), SigV4-signed like the rest (no SFN client). */
async function startExecution(stateMachineArn: string, event: ImportJobEvent): Promise<void> {
  const region = config.region;
  const hostname = `states.${region}.${dnsSuffix(region)}`;
  // one name per start: a restart after a failure is a new execution; a duplicate is refused by the job's claim
  const name = `${event.jobId}-${Date.now()}`.slice(0, 80);
  const body = JSON.stringify({ stateMachineArn, name, input: JSON.stringify(event) });
  const headers = {
    host: hostname,
    'content-type': 'application/x-amz-json-1.0',
    'x-amz-target': 'AWSStepFunctions.StartExecution',
  };
  const signed = await signer('states', region, await defaultCredentials()).sign({
    method: 'POST',
    protocol: 'https:',
    hostname,
    path: '/',
    headers,
    body,
  });
  const res = await withRetries(
    async () => {
      const r = await send(`https://${hostname}/`, {
        method: 'POST',
        headers: signed.headers as Record<string, string>,
        body,
      });
      if (r.status >= 500 || r.status === 429) throw new Error(`StartExecution answered HTTP ${r.status}`);
      return r;
    },
    () => true,
  );
  if (res.status !== 200) throw new Error(`StartExecution answered HTTP ${res.status}: ${res.body.slice(0, 200)}`);
}
