/**
 * The local stand-in for the table stream's counter mapping (cdk/lib/constructs/jobs.ts).
 *
 * DynamoDB Local keeps a stream, but one GetRecords costs tens of ms here: too slow to poll before
 * every request. So the local stack watches its own writes: a middleware on the one document client
 * notes each LOCAL counter item (data/stats.ts) that a successful write touched, and drain() hands
 * them to the very handler the cloud's stream invokes (handlers/jobs.ts), as stream records with the
 * item's keys — which is all the aggregator reads from a record. The API server drains before it
 * serves a request, so a dashboard read after a write sees it (the cloud shows it seconds later);
 * the workers' timer drains too, for writes made by sweeps.
 */
import { db } from '../data/client';
import { keys } from '../data/keys';
import { STATS_LOCAL_TYPE } from '../data/stats';

/** the write commands, as the middleware sees them (the low-level names, with or without Item/Items) */
const WRITE = /^(TransactWrite|Update|Put|Delete|BatchWrite)(Item|Items)?Command$/;

const pending = new Set<string>();
let installed: unknown;
let busy = 0;
let chain: Promise<unknown> = Promise.resolve();

type Key = { PK?: unknown; SK?: unknown };
interface WriteInput {
  Key?: Key;
  Item?: Key;
  TransactItems?: { Put?: { Item?: Key }; Update?: { Key?: Key }; Delete?: { Key?: Key } }[];
  RequestItems?: Record<string, { PutRequest?: { Item?: Key }; DeleteRequest?: { Key?: Key } }[]>;
}

/** a key attribute, native or still marshalled ({ S }) */
const str = (v: unknown) => (typeof v === 'string' ? v : (v as { S?: string } | undefined)?.S);

function touchedKeys(input: WriteInput): Key[] {
  const out: (Key | undefined)[] = [input.Key, input.Item];
  for (const t of input.TransactItems ?? []) out.push(t.Put?.Item, t.Update?.Key, t.Delete?.Key);
  for (const reqs of Object.values(input.RequestItems ?? {}))
    for (const r of reqs) out.push(r.PutRequest?.Item, r.DeleteRequest?.Key);
  return out.filter((k): k is Key => !!k);
}

/** Watch the current document client (once per client: db() makes a new one only for a new endpoint). */
export function installStatsFeed() {
  const doc = db();
  if (installed === doc) return;
  installed = doc;
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if (WRITE.test(String(context.commandName)))
        for (const k of touchedKeys(args.input as WriteInput)) {
          const g = keys.gridOfStatsLocal({ PK: str(k.PK), SK: str(k.SK) });
          if (g) pending.add(g);
        }
      return out;
    },
    { step: 'initialize', name: 'gridlinkStatsFeed', override: true },
  );
}

/** What the stream delivers for a LOCAL item's change, as far as the aggregator reads it. */
export const streamRecordOf = (gridId: string) => {
  const k = keys.statsLocal(gridId);
  return {
    eventName: 'MODIFY',
    eventSource: 'aws:dynamodb',
    dynamodb: {
      Keys: { PK: { S: k.PK }, SK: { S: k.SK } },
      NewImage: { PK: { S: k.PK }, SK: { S: k.SK }, type: { S: STATS_LOCAL_TYPE }, gridId: { S: gridId } },
    },
  };
};

/** grids waiting for the aggregator */
export const pendingStats = () => pending.size;

/**
 * Run the aggregator over what was written since the last drain; drains run one at a time, and a
 * caller arriving during one waits for it. Resolves to the grids handed over (0: nothing pending).
 */
export function drainStats(): Promise<number> {
  if (!pending.size && !busy) return Promise.resolve(0);
  busy++;
  const run = chain.then(async () => {
    const { handler } = await import('../handlers/jobs');
    let n = 0;
    while (pending.size) {
      const grids = [...pending];
      pending.clear();
      try {
        await handler({ Records: grids.map(streamRecordOf) });
      } catch (e) {
        for (const g of grids) pending.add(g); // like a failed stream batch: retried by the next drain
        throw e;
      }
      n += grids.length;
    }
    return n;
  });
  chain = run.catch(() => undefined).finally(() => busy--);
  return run;
}
