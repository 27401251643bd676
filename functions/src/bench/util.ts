/**
 * Small helpers of `npm run bench`: progress lines (stderr), tables (stdout), percentiles, and a
 * cleanup registry so that Ctrl-C stops everything the bench started (java, servers, children).
 */
import type { ChildProcess } from 'node:child_process';

const t0 = Date.now();

/** A progress line on stderr: tables go to stdout, so `npm run bench > out.txt` still shows progress. */
export const say = (m: string) =>
  process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${m}\n`);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Nearest-rank percentile of an unsorted sample. */
export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
export const median = (xs: readonly number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

export const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '–');
export const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '–');
export const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
/** 2 significant decimals for small counts (0.5 RRU), none for big ones */
export const num = (x: number) =>
  !Number.isFinite(x) ? '–' : Number.isInteger(x) ? String(x) : x >= 10 ? x.toFixed(1) : x.toFixed(2).replace(/0$/, '');

/** Display width: CJK characters take two columns in a terminal. */
const width = (s: string) =>
  [...s].reduce(
    (w, c) =>
      w +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1),
    0,
  );
const pad = (s: string, n: number, right: boolean) =>
  right ? ' '.repeat(Math.max(0, n - width(s))) + s : s + ' '.repeat(Math.max(0, n - width(s)));

/** A Markdown table (readable in a terminal and pasteable into COST.md). Numeric-looking cells align right. */
export function table(title: string, head: string[], rows: (string | number)[][], note?: string) {
  const cells = rows.map((r) => r.map(String));
  const w = head.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))));
  const numeric = head.map(
    (_, i) => cells.length > 0 && cells.every((r) => /^[-–+~≈]?[\d.,]+\s*(%|×|ms|KiB|s|\/s)?$|^–$/.test(r[i] ?? '')),
  );
  const line = (r: string[]) => `| ${r.map((c, i) => pad(c, w[i], numeric[i])).join(' | ')} |`;
  const out = [
    `\n### ${title}\n`,
    line(head),
    `|${w.map((n, i) => (numeric[i] ? '-'.repeat(n + 1) + ':' : '-'.repeat(n + 2))).join('|')}|`,
    ...cells.map(line),
  ];
  if (note) out.push('', note);
  process.stdout.write(out.join('\n') + '\n');
}

type Cleanup = () => Promise<void> | void;
const cleanups: Cleanup[] = [];
const children = new Set<ChildProcess>();

/** Run at exit (last registered first), on success, failure and Ctrl-C alike. */
export function onCleanup(fn: Cleanup) {
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/** A child process that must not outlive the bench. */
export function track(child: ChildProcess) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Run `fn`, then (even on failure) the cleanups it registered: a part leaves nothing running. */
export async function scoped<T>(fn: () => Promise<T>): Promise<T> {
  const mark = cleanups.length;
  try {
    return await fn();
  } finally {
    while (cleanups.length > mark) {
      const c = cleanups.pop()!;
      try {
        await c();
      } catch (e) {
        say(`cleanup: ${(e as Error).message}`);
      }
    }
  }
}

export async function cleanupAll() {
  for (const c of children) c.kill('SIGKILL');
  while (cleanups.length) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (e) {
      say(`cleanup: ${(e as Error).message}`);
    }
  }
}

let stopping = false;
export function installSignalHandlers() {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      say(`${sig}: stopping everything the bench started…`);
      const hard = setTimeout(() => process.exit(130), 8000);
      hard.unref();
      void cleanupAll().finally(() => process.exit(130));
    });
  }
}
