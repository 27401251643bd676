/**
 * The local stand-in for the import function's asynchronous invoke: `POST /v1/imports/{id}/start`
 * hands the job to this runner, which calls the very handler the cloud deploys
 * (handlers/import-job.ts) in this process, after the request has been answered, part after part
 * as the cloud's state machine does. The stack waits
 * for running jobs when it stops.
 */
import { setLocalImportRunner } from '../data/invoke';

const running = new Set<Promise<unknown>>();

export function installImportRunner(log: (m: string) => void) {
  setLocalImportRunner((event) => {
    const run = new Promise((r) => setImmediate(r))
      .then(() => import('../handlers/import-job'))
      .then(async (m) => {
        // the Step Functions loop: the next part while a part answers `queued`
        for (let part = 0; part < 10_000; part++) if ((await m.handler(event)).status !== 'queued') return;
      })
      .catch((e) => log(`导入任务 ${event.jobId} 失败：${(e as Error).message}`));
    running.add(run);
    void run.finally(() => running.delete(run));
  });
  return async () => {
    setLocalImportRunner(undefined);
    await Promise.all(running);
  };
}
