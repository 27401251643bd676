/**
 * The local stand-in for the stream mapping that runs new content-security checks (cdk jobs.ts):
 * like stats-feed.ts, a middleware on the document client notes writes that touch a check item
 * (MODCHECK#…), and the API server drains the checks before it serves the next request, so what a
 * test reads right after a write has been checked against the emulator (the cloud: seconds later).
 * Without a noted write it still looks every few seconds, for retries that come due.
 */
import { db } from '../data/client';

const WRITE = /^(TransactWrite|Update|Put|Delete|BatchWrite)(Item|Items)?Command$/;
const POLL_MS = 5000;

let installed: unknown;
let dirty = false;
let lastRun = 0;
let chain: Promise<unknown> = Promise.resolve();

export function installModerationFeed() {
  const doc = db();
  if (installed === doc) return;
  installed = doc;
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if (WRITE.test(String(context.commandName)) && JSON.stringify(args.input).includes('MODCHECK#')) dirty = true;
      return out;
    },
    { step: 'initialize', name: 'gridlinkModerationFeed', override: true },
  );
}

/** Runs the checks that are due, one drain at a time; a caller arriving during one waits for it. */
export function drainModerationLocal(): Promise<unknown> {
  const run = chain.then(async () => {
    if (!dirty && Date.now() - lastRun < POLL_MS) return 0;
    dirty = false;
    lastRun = Date.now();
    const { JOBS } = await import('../handlers/jobs');
    return JOBS.moderation();
  });
  chain = run.catch(() => undefined);
  return run;
}
