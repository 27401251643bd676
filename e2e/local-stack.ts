/**
 * The local stack (functions/src/local/stack.ts: in-memory DynamoDB Local, demo data, API, the h5
 * build) in a process of its own, for tools that cannot load the backend's modules themselves —
 * Lighthouse (e2e/lighthouse.mts) breaks under `--conditions=import`, which middy 7 needs.
 *
 *   node --conditions=import --import tsx e2e/local-stack.ts
 *
 * Prints one line `READY {"webUrl","apiUrl","dynamoPid"}` once serving; stops everything (java
 * included) on SIGINT/SIGTERM or when its stdin closes (the parent went away), then exits.
 */
import path from 'node:path';
import { startStack, type Stack } from '../functions/src/local/stack';

const H5 = path.resolve(process.env.GRIDLINK_H5_DIR || path.join(__dirname, '../miniapp/dist/h5'));

let stack: Stack | undefined;
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  try {
    await stack?.stop();
  } finally {
    process.exit(code);
  }
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.stdin.on('end', () => void stop(0));
process.stdin.on('close', () => void stop(0));
process.stdin.resume();

startStack({ webDir: H5, log: (m) => process.stderr.write(`[stack] ${m}\n`) }).then(
  (s) => {
    stack = s;
    if (stopping) return void s.stop();
    process.stdout.write(`READY ${JSON.stringify({ webUrl: s.webUrl, apiUrl: s.apiUrl, dynamoPid: s.dynamoPid })}\n`);
  },
  (e) => {
    process.stderr.write(`[stack] failed to start: ${(e as Error).stack ?? e}\n`);
    void stop(1);
  },
);
