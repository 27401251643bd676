/**
 * `npm run bench`: how big and how fast GridLink is, with figures anyone can reproduce. Not a test.
 *
 *   npm run bench                                  # all parts (≈ 4 min on 2 cores)
 *   npm run bench -- bundles                       # one part by name (≈ 30 s for bundles)
 *   npm run bench -- --part bundles|endpoints|scale|import|throughput   (repeatable; also --part=a,b)
 *   npm run bench -- --calls 30 --scale-fraction 1 --import-persons 10000 --duration 10 --connections 16
 *
 * Parts: bundles (size and cold import per Lambda), endpoints (latency and DynamoDB calls and
 * request units of every route on the local stack, then the monthly cost model of COST.md),
 * scale (list and dashboard latency on Haizhou-size generated data vs 1 % of it), import (the
 * base-data import vs raw BatchWriteItem of the same items, alternating rounds), throughput
 * (autocannon on loopback). Tables go to stdout, progress to stderr. Everything the bench starts
 * (DynamoDB Local's java, servers, child processes, temp dirs) is stopped at the end and on Ctrl-C.
 */
import os from 'node:os';
import { startDynamoLocal, javaVersion, JAVA_HELP } from '../local/dynamodb';
import { benchBundles } from './bundles';
import { cleanupAll, installSignalHandlers, onCleanup, say, scoped } from './util';

const PARTS = ['bundles', 'endpoints', 'scale', 'import', 'throughput'] as const;
type Part = (typeof PARTS)[number];

function parseArgs(argv: string[]) {
  const parts = new Set<Part>();
  const opts: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (PARTS.includes(a as Part)) {
      parts.add(a as Part);
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument ${a}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    if (m[1] === 'part') {
      for (const p of value.split(',')) {
        if (!PARTS.includes(p as Part)) throw new Error(`--part: one of ${PARTS.join(', ')}`);
        parts.add(p as Part);
      }
    } else opts[m[1]] = value;
  }
  return { parts: parts.size ? PARTS.filter((p) => parts.has(p)) : [...PARTS], opts };
}

/**
 * A fresh DynamoDB Local (in memory) per part, stopped when the part ends or on Ctrl-C. Fresh,
 * because DynamoDB Local's stream emulation slows every later write once a table has a long stream
 * history (a SQLite stream-description lookup per write): the endpoints part must not slow the
 * scale part's generator.
 */
async function dynamo() {
  const v = javaVersion();
  if (!v || v < 17) throw new Error(JAVA_HELP);
  say('starting DynamoDB Local (in memory)…');
  const d = await startDynamoLocal();
  onCleanup(async () => {
    say(`stopping DynamoDB Local (java pid ${d.pid})…`);
    await d.stop();
  });
  process.env.DYNAMODB_ENDPOINT = d.endpoint;
  say(`DynamoDB Local ready at ${d.endpoint} (java pid ${d.pid})`);
  return d;
}

async function main() {
  installSignalHandlers();
  const { parts, opts } = parseArgs(process.argv.slice(2));
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.STAGE = 'local';
  process.env.LOG_LEVEL ??= 'warn';
  // the rate limits stay in the chain (their UpdateItem is counted) but never refuse the bench
  process.env.RATE_LIMIT_SCALE = '100000';
  const started = Date.now();
  say(`parts: ${parts.join(', ')}`);
  process.stdout.write(
    `# GridLink bench — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores\n`,
  );
  try {
    if (parts.includes('bundles')) await benchBundles({ runs: Number(opts.runs ?? 5) });
    if (parts.includes('endpoints')) {
      const { benchEndpoints } = await import('./endpoints');
      const { printCost } = await import('./cost');
      const results = await scoped(async () => {
        await dynamo();
        return benchEndpoints({ calls: Number(opts.calls ?? 30) });
      });
      printCost(results);
    }
    if (parts.includes('scale')) {
      const { benchScale } = await import('./scale');
      await scoped(async () => {
        await dynamo();
        await benchScale({ fraction: Number(opts['scale-fraction'] ?? 1), calls: Number(opts['scale-calls'] ?? 30) });
      });
    }
    if (parts.includes('import')) {
      const { benchImport } = await import('./import');
      await scoped(async () => {
        await dynamo();
        await benchImport({ persons: Number(opts['import-persons'] ?? 10_000) });
      });
    }
    if (parts.includes('throughput')) {
      const { benchThroughput } = await import('./throughput');
      await scoped(async () => {
        await dynamo();
        await benchThroughput({ duration: Number(opts.duration ?? 10), connections: Number(opts.connections ?? 16) });
      });
    }
    say(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await cleanupAll();
  }
}

main().then(
  () => process.exit(0),
  async (e) => {
    console.error(e);
    await cleanupAll();
    process.exit(1);
  },
);
