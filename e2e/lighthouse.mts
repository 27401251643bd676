/**
 * `npm run lighthouse`: Lighthouse 12.2.3 (mobile: Moto G Power screen, simulated slow 4G and 4×
 * CPU — Lighthouse's defaults) on the main pages of the h5 build, served by the whole local stack
 * (in-memory DynamoDB Local, demo data), signed in as resident-demo. Prints performance and
 * accessibility per page and the accessibility audits that fail; HTML reports go to
 * .artifacts/lighthouse/. Stops everything it started. Not part of `npm test`.
 *
 * Build first: npm run build:h5 -w miniapp (or npm run build:web); GRIDLINK_H5_DIR=<dir> serves another build.
 * Chromium: CHROME_PATH (default /usr/bin/chromium). Runs offline.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import puppeteer, { type Browser } from 'puppeteer-core';

/** The stack runs in its own process (e2e/local-stack.ts): middy needs `--conditions=import`, which breaks Lighthouse's own imports. */
interface Stack {
  webUrl: string;
  apiUrl: string;
  dynamoPid?: number;
  stop(): Promise<void>;
}

function startStack(): Promise<Stack> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=import', '--import', 'tsx', path.join(ROOT, 'e2e/local-stack.ts')],
    {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, GRIDLINK_H5_DIR: H5, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
  };
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('READY '));
      if (line) resolve({ ...(JSON.parse(line.slice(6)) as Omit<Stack, 'stop'>), stop });
    });
    child.once('exit', (code) => reject(new Error(`the local stack exited (${code}) before it was ready`)));
  });
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** the h5 build to serve (GRIDLINK_H5_DIR: another build, e.g. to compare before/after a change) */
const H5 = path.resolve(process.env.GRIDLINK_H5_DIR || path.join(ROOT, 'miniapp/dist/h5'));
const OUT = path.join(ROOT, '.artifacts/lighthouse');
const USER = 'resident-demo';
// the same flags as the browser tests (e2e/browser.ts)
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `shows`: text on the page once it has loaded signed in (checked after the run: the audit saw the real page) */
const PAGES = [
  { name: '首页', slug: 'home', hash: '/pages/index/index', shows: '您好，王丽' },
  { name: '办事', slug: 'services', hash: '/pages/services/index', shows: '法律援助申请' },
  { name: '我的', slug: 'me', hash: '/pages/me/index', shows: '退出登录' },
  { name: '我要报事', slug: 'report', hash: '/pkg-resident/pages/report/index', shows: '问题类别' },
];

interface Row {
  page: string;
  performance: string;
  accessibility: string;
  FCP: string;
  LCP: string;
  TBT: string;
  CLS: string;
  'a11y audits failing': string;
}

const score = (s: number | null | undefined) => (s == null ? '—' : String(Math.round(s * 100)));
const seconds = (ms?: number) => (ms == null ? '—' : `${(ms / 1000).toFixed(1)} s`);
const log = (m: string) => console.log(`[lighthouse] ${m}`);

function table(rows: Row[]) {
  const cols = Object.keys(rows[0]) as (keyof Row)[];
  // CJK characters take two columns in a terminal
  const w = (s: string) => [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - w(s)));
  const width = cols.map((c) => Math.max(w(c), ...rows.map((r) => w(r[c]))));
  const line = (vals: string[]) => vals.map((v, i) => pad(v, width[i])).join(' │ ');
  return [
    line(cols),
    width.map((n) => '─'.repeat(n)).join('─┼─'),
    ...rows.map((r) => line(cols.map((c) => r[c]))),
  ].join('\n');
}

async function main() {
  if (!existsSync(path.join(H5, 'index.html')))
    throw new Error('h5 build missing: run `npm run build:h5 -w miniapp` first');
  mkdirSync(OUT, { recursive: true });
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  const stopAll = async () => {
    await browser?.close().catch(() => undefined);
    browser = undefined;
    await stack?.stop();
    stack = undefined;
  };
  const onSignal = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const rows: Row[] = [];
  const failing: string[] = [];
  let dynamoPid: number | undefined;
  try {
    log('starting the local stack (in-memory DynamoDB Local) with the h5 build …');
    stack = await startStack();
    dynamoPid = stack.dynamoPid;
    const session = (await fetch(`${stack.apiUrl}/v1/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: USER }),
    }).then((r) => r.json())) as { token: string; expiresAt: string };
    if (!session.token) throw new Error(`dev-login for ${USER} failed`);

    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      headless: true,
      args: FLAGS,
    });
    for (const p of PAGES) {
      const page = await browser.newPage();
      // Lighthouse clears the origin's storage (and cache) before loading: put the sign-in back
      // before the app's scripts run, where the app keeps it (Taro h5 storage: {"data": value},
      // see miniapp/src/api/session.ts)
      await page.evaluateOnNewDocument(
        (token: string, expiresAt: string) => {
          localStorage.setItem('gridlink.token', JSON.stringify({ data: token }));
          localStorage.setItem('gridlink.expiresAt', JSON.stringify({ data: expiresAt }));
        },
        session.token,
        session.expiresAt,
      );
      const url = `${stack.webUrl}/#${p.hash}`;
      const t0 = Date.now();
      const result = await lighthouse(
        url,
        { output: 'html', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
        undefined,
        page,
      );
      if (!result) throw new Error(`no Lighthouse result for ${p.name}`);
      const shown = await page.evaluate(() => `${location.hash}\n${document.body.innerText}`);
      await page.close();
      if (!shown.startsWith(`#${p.hash}`) || !shown.includes(p.shows)) {
        throw new Error(
          `${p.name}: expected ${p.hash} showing “${p.shows}” after the run, got:\n${shown.slice(0, 300)}`,
        );
      }
      const { lhr } = result;
      writeFileSync(path.join(OUT, `${p.slug}.html`), String(result.report));
      const a11y = lhr.categories.accessibility;
      const bad = a11y.auditRefs
        .filter((r) => r.weight > 0 && lhr.audits[r.id]?.score !== null && (lhr.audits[r.id]?.score ?? 1) < 1)
        .map((r) => r.id);
      for (const id of bad) {
        const audit = lhr.audits[id];
        const items = (
          (audit.details as { items?: { node?: { snippet?: string; nodeLabel?: string } }[] } | undefined)?.items ?? []
        ).slice(0, 4);
        failing.push(
          `${p.name} ${id}: ${audit.title}${items.length ? `\n      ${items.map((i) => i.node?.snippet ?? i.node?.nodeLabel ?? '').join('\n      ')}` : ''}`,
        );
      }
      const num = (id: string) => lhr.audits[id]?.numericValue;
      rows.push({
        page: `${p.name} ${p.hash}`,
        performance: score(lhr.categories.performance.score),
        accessibility: score(a11y.score),
        FCP: seconds(num('first-contentful-paint')),
        LCP: seconds(num('largest-contentful-paint')),
        TBT: num('total-blocking-time') == null ? '—' : `${Math.round(num('total-blocking-time')!)} ms`,
        CLS: num('cumulative-layout-shift') == null ? '—' : num('cumulative-layout-shift')!.toFixed(3),
        'a11y audits failing': bad.join(', ') || 'none',
      });
      const errors = Object.values(lhr.audits)
        .filter((a) => a.scoreDisplayMode === 'error')
        .map((a) => a.id);
      log(
        `${p.name}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s${errors.length ? ` (audits that could not run in this Chromium: ${errors.join(', ')})` : ''}`,
      );
    }
  } finally {
    await stopAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  console.log(
    `\nLighthouse ${lighthouseVersion()} · mobile (simulated slow 4G, 4× CPU) · h5 build on the local stack · signed in as ${USER}\n`,
  );
  console.log(table(rows));
  if (failing.length) console.log(`\naccessibility audits that fail:\n  ${failing.join('\n  ')}`);
  console.log(`\nHTML reports: ${path.relative(ROOT, OUT)}/{${PAGES.map((p) => p.slug).join(',')}}.html`);

  // nothing left running: our DynamoDB Local is gone (other people's java is theirs)
  if (dynamoPid) {
    let alive = true;
    try {
      process.kill(dynamoPid, 0);
    } catch {
      alive = false;
    }
    if (alive) throw new Error(`DynamoDB Local (pid ${dynamoPid}) is still running`);
    log(`DynamoDB Local (pid ${dynamoPid}) stopped`);
  }
  let java = '';
  try {
    java = execFileSync('pgrep', ['-a', 'java'], { encoding: 'utf8' }).trim();
  } catch {
    // pgrep exits 1 when nothing matches
  }
  log(java ? `java still running (not started here):\n${java}` : 'no java process left (pgrep -a java: none)');
}

function lighthouseVersion() {
  try {
    return (
      JSON.parse(readFileSync(path.join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')) as { version: string }
    ).version;
  } catch {
    return '12';
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
