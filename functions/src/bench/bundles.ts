/**
 * Part "bundles": each area's Lambda bundle built as the CDK construct builds it
 * (cdk/lib/constructs/area-function.ts: esbuild, ESM, node22, minified, UTF-8, SDK bundled,
 * createRequire banner, `import` condition), its size, and its cold import time: the median of fresh `node`
 * processes importing it. Next to a bare handler that only imports the DynamoDB clients.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { AREAS } from '../routes';
import { median, ms, onCleanup, ratio, say, table, track, kib } from './util';

const ROOT = path.resolve(__dirname, '../../..');
const HANDLERS = path.join(ROOT, 'functions/src/handlers');
/** the same banner as the construct: ESM-only packages (middy) and CJS parts of the SDK need `require` */
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** issue 11: every area's bundle at most this many times the bare handler, in size and in cold import */
const GOAL = 1.5;

export interface BundleResult {
  name: string;
  bytes: number;
  gzBytes: number;
  importMs: number;
  /** median over the rounds of importMs ÷ the bare handler's importMs in the same round */
  importRatio: number;
  cpuMs: number;
  cpuRatio: number;
  readyMs: number;
  error?: string;
}

/** CDK runs the esbuild of the project root (node_modules/.bin/esbuild): use that one too. */
function esbuildOfRoot(): typeof import('esbuild') {
  return createRequire(path.join(ROOT, 'package.json'))('esbuild');
}

async function build(esbuild: typeof import('esbuild'), entry: string, outdir: string, name: string) {
  const outfile = path.join(outdir, name, 'index.mjs');
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    outfile,
    minify: true,
    charset: 'utf8',
    sourcemap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    conditions: ['import', 'module', 'node'],
    banner: { js: ESM_REQUIRE_BANNER },
    external: [],
    tsconfig: path.join(ROOT, 'functions/tsconfig.json'),
    logLevel: 'error',
  });
  return outfile;
}

const IMPORT_SCRIPT = `
const c = process.cpuUsage();
const t = performance.now();
const m = await import(process.env.BENCH_BUNDLE_URL);
const importMs = performance.now() - t;
const cpu = process.cpuUsage(c);
if (typeof m.handler !== 'function') throw new Error('no handler export');
process.stdout.write(JSON.stringify({ importMs, cpuMs: (cpu.user + cpu.system) / 1000, readyMs: performance.now() }));
`;

type Sample = { importMs: number; cpuMs: number; readyMs: number };

/** One fresh node: time (and CPU time) of the import() alone, and from process start to "handler ready". */
function importOnce(file: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const child = track(
      spawn(process.execPath, ['--input-type=module', '-e', IMPORT_SCRIPT], {
        env: {
          PATH: process.env.PATH,
          BENCH_BUNDLE_URL: pathToFileURL(file).href,
          AWS_REGION: 'cn-north-1',
          TABLE_NAME: 'gridlink',
          STAGE: 'prod',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (err += d));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) {
        try {
          return resolve(JSON.parse(out));
        } catch {
          /* fall through */
        }
      }
      reject(
        new Error(
          `import of ${path.basename(path.dirname(file))} failed (${code}): ${err.trim().split('\n').slice(-3).join(' ')}`,
        ),
      );
    });
  });
}

export async function benchBundles(opts: { runs?: number } = {}): Promise<BundleResult[]> {
  const runs = opts.runs ?? 5;
  const esbuild = esbuildOfRoot();
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'gridlink-bench-bundles-'));
  const removeDir = () => rmSync(outdir, { recursive: true, force: true });
  const unregister = onCleanup(removeDir);
  try {
    const entries: { name: string; entry: string }[] = [
      { name: 'bare (client-dynamodb + lib-dynamodb)', entry: path.join(__dirname, 'bare-handler.ts') },
      ...AREAS.map((a) => ({ name: a, entry: path.join(HANDLERS, `${a}.ts`) })),
      { name: 'jobs', entry: path.join(HANDLERS, 'jobs.ts') },
    ];
    say(
      `bundles: building ${entries.length} bundles with esbuild ${esbuild.version} (as the CDK construct: ESM, node22, minified, SDK bundled)…`,
    );
    const files: string[] = [];
    for (const [i, e] of entries.entries()) {
      const t = Date.now();
      files.push(await build(esbuild, e.entry, outdir, `b${i}`));
      say(`  built ${e.name} in ${Date.now() - t} ms`);
    }
    const samples = entries.map(() => ({
      rounds: [] as (Sample | undefined)[],
      error: undefined as string | undefined,
    }));
    for (let r = 0; r < runs; r++) {
      say(`bundles: cold import, round ${r + 1}/${runs} (${entries.length} fresh node processes)…`);
      // round-robin: a burst of noise on the machine hits every bundle alike
      for (const [i] of entries.entries()) {
        if (samples[i].error) continue;
        try {
          samples[i].rounds[r] = await importOnce(files[i]);
        } catch (e) {
          samples[i].error = (e as Error).message;
        }
      }
    }
    const of = (i: number, k: keyof Sample) => samples[i].rounds.flatMap((x) => (x ? [x[k]] : []));
    /** paired with the bare handler's sample of the same round: a noisy stretch of the machine cancels out */
    const paired = (i: number, k: keyof Sample) =>
      median(samples[i].rounds.flatMap((x, r) => (x && samples[0].rounds[r] ? [x[k] / samples[0].rounds[r]![k]] : [])));
    const results: BundleResult[] = entries.map((e, i) => {
      const buf = readFileSync(files[i]);
      return {
        name: e.name,
        bytes: statSync(files[i]).size,
        gzBytes: gzipSync(buf).length,
        importMs: median(of(i, 'importMs')),
        importRatio: paired(i, 'importMs'),
        cpuMs: median(of(i, 'cpuMs')),
        cpuRatio: paired(i, 'cpuMs'),
        readyMs: median(of(i, 'readyMs')),
        error: samples[i].error,
      };
    });
    const bare = results[0];
    table(
      `Bundles: size and cold import (median of ${runs} fresh \`node ${process.version}\` processes; esbuild ${esbuild.version}, as cdk/lib/constructs/area-function.ts)`,
      [
        'handler',
        'bundle',
        'gzip',
        'size vs bare',
        'import ms',
        'import vs bare',
        'import CPU ms',
        'CPU vs bare',
        'process start → ready ms',
      ],
      results.map((b) => [
        b.name,
        kib(b.bytes),
        kib(b.gzBytes),
        ratio(b.bytes, bare.bytes),
        b.error ? `error: ${b.error}` : ms(b.importMs),
        ratio(b.importRatio, 1),
        ms(b.cpuMs),
        ratio(b.cpuRatio, 1),
        ms(b.readyMs),
      ]),
      '"import ms": the `await import(bundle)` alone; "vs bare": the median over the rounds of the ratio to the bare ' +
        'handler\'s import in the same round; "import CPU ms": user + system CPU time of that import, which other ' +
        'work on the machine disturbs less than wall time; "process start → ready": node boot + import, what a Lambda ' +
        'cold start adds before the first event (Lambda runs Node 22 on arm64; this is x86 Node 20).',
    );
    const areas = results.slice(1, 1 + AREAS.length);
    const over = (k: 'importRatio' | 'cpuRatio') =>
      areas.filter((b) => b.bytes > GOAL * bare.bytes || !(b[k] <= GOAL)).map((b) => b.name);
    const verdict = (names: string[]) => (names.length ? `not met by ${names.join(', ')}` : 'met');
    process.stdout.write(
      `\nGoal: every area ≤ ${GOAL}× the bare handler in size and in cold import: ${verdict(over('importRatio'))}` +
        ` (in import CPU time: ${verdict(over('cpuRatio'))}).\n`,
    );
    return results;
  } finally {
    removeDir();
    unregister();
  }
}
