/**
 * Part "throughput": autocannon (in its own node process, so it does not share the server's event
 * loop) on loopback against the local API server at a fixed concurrency for a bounded time:
 * GET /v1/health (no DynamoDB) and a grid worker's inbox (token check + one Query).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startApi, type Api } from '../../test/harness';
import { int, ms, onCleanup, say, table, track } from './util';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}

function autocannon(
  url: string,
  opts: { connections: number; duration: number; headers?: Record<string, string> },
): Promise<AutocannonResult> {
  const cli = path.join(path.dirname(createRequire(__filename).resolve('autocannon/package.json')), 'autocannon.js');
  const args = [cli, '-j', '-c', String(opts.connections), '-d', String(opts.duration)];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = track(spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] }));
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (err += d));
    child.once('error', reject);
    child.once('exit', (code) => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`autocannon exited ${code}: ${err.slice(-500)}`));
      }
    });
  });
}

export async function benchThroughput(opts: { duration: number; connections: number }) {
  say('throughput: starting the local stack…');
  const api: Api = await startApi();
  onCleanup(() => api.stop());
  const prevLevel = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'warn';
  try {
    const resident = await api.login('resident-demo');
    const worker = await api.login('worker-demo');
    // a full first page in the worker's inbox
    for (let i = 0; i < 25; i++) {
      const r = await api.call('POST', '/v1/requests', {
        token: resident,
        body: { category: 'facility', description: `楼道灯坏了（压测 ${i}）`, ignoreSimilar: true },
      });
      if (r.status !== 201) throw new Error(`setup request: ${r.status} ${JSON.stringify(r.body)}`);
    }
    const targets = [
      { label: 'GET /v1/health (no DynamoDB)', path: '/v1/health', headers: {} as Record<string, string> },
      {
        label: 'GET /v1/requests?view=inbox (grid worker: token + Get + Query)',
        path: '/v1/requests?view=inbox',
        headers: { authorization: `Bearer ${worker}` },
      },
    ];
    const rows: string[][] = [];
    for (const t of targets) {
      say(`throughput: autocannon -c ${opts.connections} -d ${opts.duration} ${t.path}…`);
      const r = await autocannon(api.url + t.path, {
        connections: opts.connections,
        duration: opts.duration,
        headers: t.headers,
      });
      rows.push([
        t.label,
        int(r.requests.average),
        int(r.requests.total),
        ms(r.latency.p50),
        ms(r.latency.p99),
        ms(r.latency.max),
        int(r.non2xx + r.errors + r.timeouts),
      ]);
      say(`  ${int(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`);
    }
    table(
      `Throughput on loopback: autocannon ${opts.connections} connections × ${opts.duration} s per route (server, DynamoDB Local and autocannon share the machine's cores)`,
      ['route', 'req/s (mean)', 'requests', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx + errors'],
      rows,
      'One node process serves every area in-process (the local API server); in the cloud each area is its own Lambda function scaling out per request, so this bounds one laptop, not the product.',
    );
  } finally {
    process.env.LOG_LEVEL = prevLevel;
  }
}
