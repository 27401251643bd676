/**
 * Checks of the WeChat build as it would be uploaded (dist/weapp): package sizes, which pages are
 * in the main package, the privacy declarations, the subscribe-message template ids, and WeChat's
 * own code-quality check (miniprogram-ci `checkCodeQuality`, offline).
 * Build first: npm run build:weapp -w miniapp; then: npx jest -c miniapp/test/weapp.jest.config.cjs
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const MINIAPP = path.resolve(__dirname, '..');
const DIST = path.join(MINIAPP, 'dist/weapp');
const BUILT = fs.existsSync(path.join(DIST, 'app.json'));
/** the main package may not grow past this (WeChat allows 2 MB; the first screen downloads all of it) */
const MAIN_LIMIT = 600 * 1024;
/** the only pages outside the subpackages: the three tabs, sign-in and binding to a unit */
const MAIN_PAGES = [
  'pages/index/index',
  'pages/services/index',
  'pages/me/index',
  'pages/login/index',
  'pages/bind/index',
];

interface AppJson {
  pages: string[];
  subPackages: { root: string; name?: string; pages: string[] }[];
  tabBar: { list: { pagePath: string; text: string }[] };
  preloadRule?: Record<string, { packages: string[] }>;
  lazyCodeLoading?: string;
  __usePrivacyCheck__?: boolean;
  requiredPrivateInfos?: string[];
  permission?: Record<string, { desc: string }>;
}

const appJson = (): AppJson => JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'));
const allFiles = () =>
  fs
    .readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .map((f) => f.replace(/\\/g, '/'))
    .filter((f) => fs.statSync(path.join(DIST, f)).isFile());
/** the package a file belongs to: a subpackage root, or '' for the main package */
const packageOf = (file: string, roots: string[]) => roots.find((r) => file.startsWith(`${r}/`)) ?? '';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

beforeAll(() => {
  if (!BUILT) throw new Error(`dist/weapp is missing (${DIST}): run \`npm run build:weapp -w miniapp\` first`);
});

describe('packages', () => {
  it(`keeps the main package under ${MAIN_LIMIT / 1024} KB and prints every package's size`, () => {
    const roots = appJson().subPackages.map((p) => p.root);
    const sizes = new Map<string, { bytes: number; files: number }>([
      ['', { bytes: 0, files: 0 }],
      ...roots.map((r) => [r, { bytes: 0, files: 0 }] as const),
    ]);
    for (const f of allFiles()) {
      // project.config.json and the licence notes are not uploaded as code
      if (f === 'project.config.json' || f.endsWith('.LICENSE.txt')) continue;
      const s = sizes.get(packageOf(f, roots))!;
      s.bytes += fs.statSync(path.join(DIST, f)).size;
      s.files += 1;
    }
    const total = [...sizes.values()].reduce((n, s) => n + s.bytes, 0);
    const lines = [...sizes].map(
      ([root, s]) =>
        `  ${(root || 'main package').padEnd(14)} ${kb(s.bytes).padStart(10)} ${String(s.files).padStart(4)} files`,
    );
    console.log(
      `weapp package sizes (dist/weapp, limit for the main package ${kb(MAIN_LIMIT)}):\n${lines.join('\n')}\n  ${'total'.padEnd(14)} ${kb(total).padStart(10)}`,
    );
    expect(sizes.get('')!.bytes).toBeLessThan(MAIN_LIMIT);
    // WeChat's own limit per subpackage
    for (const root of roots) expect([root, sizes.get(root)!.bytes < 2 * 1024 * 1024]).toEqual([root, true]);
  });

  it('keeps zod out of the main package', () => {
    const roots = appJson().subPackages.map((p) => p.root);
    const mainJs = allFiles().filter((f) => f.endsWith('.js') && !packageOf(f, roots));
    expect(mainJs.length).toBeGreaterThan(3);
    for (const f of mainJs)
      expect([f, /\$ZodType|_zod\b/.test(fs.readFileSync(path.join(DIST, f), 'utf8'))]).toEqual([f, false]);
  });

  it('has only the tab pages, 登录 and 绑定单元 in the main package: every role page is in a subpackage', () => {
    const json = appJson();
    expect([...json.pages].sort()).toEqual([...MAIN_PAGES].sort());
    expect(json.tabBar.list.map((t) => `${t.text}:${t.pagePath}`)).toEqual([
      '首页:pages/index/index',
      '办事:pages/services/index',
      '我的:pages/me/index',
    ]);
    // no page of any other kind has slipped into the main package's output …
    const roots = json.subPackages.map((p) => p.root);
    const mainPageFiles = allFiles().filter(
      (f) =>
        !packageOf(f, roots) &&
        f.endsWith('.json') &&
        f !== 'app.json' &&
        f !== 'comp.json' &&
        f !== 'project.config.json',
    );
    expect(mainPageFiles.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...MAIN_PAGES].sort());
    // … nor into the source: src/pages holds the main package, each src/pkg-* one subpackage
    expect(fs.readdirSync(path.join(MINIAPP, 'src/pages')).sort()).toEqual([
      'bind',
      'index',
      'login',
      'me',
      'services',
    ]);
    const pkgDirs = fs.readdirSync(path.join(MINIAPP, 'src')).filter((d) => d.startsWith('pkg-'));
    expect([...roots].sort()).toEqual(pkgDirs.sort());
    // the role pages, each built in its subpackage
    const byRoot = Object.fromEntries(json.subPackages.map((p) => [p.root, p.pages]));
    expect(byRoot['pkg-staff']).toEqual(
      expect.arrayContaining([
        'pages/grids/index',
        'pages/inbox/index',
        'pages/handle/index',
        'pages/callbacks/index',
        'pages/dashboard/index',
      ]),
    );
    expect(byRoot['pkg-resident']).toEqual([
      'pages/report/index',
      'pages/requests/index',
      'pages/request/index',
      'pages/messages/index',
    ]);
    expect(byRoot['pkg-services']).toEqual([
      'pages/service/index',
      'pages/result/index',
      'pages/applications/index',
      'pages/application/index',
    ]);
    expect(byRoot['pkg-office']).toEqual(['pages/review/index', 'pages/review-detail/index']);
    expect(byRoot['pkg-proxy']).toEqual(
      expect.arrayContaining([
        'pages/hall/index',
        'pages/mine/index',
        'pages/task/index',
        'pages/request/index',
        'pages/care/index',
        'pages/agent/index',
      ]),
    );
    expect(byRoot['pkg-cases']).toEqual(
      expect.arrayContaining(['pages/index/index', 'pages/dispute/index', 'pages/petition/index', 'pages/stats/index']),
    );
    for (const p of json.subPackages) {
      for (const page of p.pages)
        for (const ext of ['js', 'json', 'wxml'])
          expect(fs.existsSync(path.join(DIST, p.root, `${page}.${ext}`)) ? '' : `${p.root}/${page}.${ext}`).toBe('');
    }
    // preloading names real subpackages, from main-package pages
    for (const [page, rule] of Object.entries(json.preloadRule ?? {})) {
      expect(MAIN_PAGES).toContain(page);
      for (const name of rule.packages) expect(json.subPackages.map((p) => p.name)).toContain(name);
    }
    expect(json.lazyCodeLoading).toBe('requiredComponents');
  });
});

describe('privacy', () => {
  it('turns the privacy check on and declares the location API 我要报事 uses, with its purpose', () => {
    const json = appJson();
    expect(json.__usePrivacyCheck__).toBe(true);
    expect(json.requiredPrivateInfos).toEqual(expect.arrayContaining(['chooseLocation']));
    expect(json.requiredPrivateInfos!.some((api) => api === 'chooseLocation' || api === 'getLocation')).toBe(true);
    const desc = json.permission?.['scope.userLocation']?.desc ?? '';
    expect(desc).toMatch(/位置/);
    expect(desc.length).toBeLessThanOrEqual(30); // WeChat's limit
    // and the report page really calls it (a declared API that is never used is flagged at review)
    const report = fs.readFileSync(path.join(DIST, 'pkg-resident/pages/report/index.js'), 'utf8');
    expect(report).toContain('chooseLocation');
    // every private API the code calls is declared
    const declared = new Set(json.requiredPrivateInfos);
    const js = allFiles().filter((f) => f.endsWith('.js') && !/^(taro|vendors|runtime)\.js$/.test(f));
    for (const api of [
      'getLocation',
      'getFuzzyLocation',
      'chooseLocation',
      'choosePoi',
      'chooseAddress',
      'onLocationChange',
      'startLocationUpdate',
    ]) {
      const users = js.filter((f) => new RegExp(`\\.${api}\\(`).test(fs.readFileSync(path.join(DIST, f), 'utf8')));
      if (users.length) expect([api, declared.has(api)]).toEqual([api, true]);
    }
  });
});

describe('subscribe messages', () => {
  /** the TARO_APP_TPL_* of a .env file, the shell winning as in Taro's dotenv handling */
  const idsOf = (mode: string) => {
    const text = fs.readFileSync(path.join(MINIAPP, `.env.${mode}`), 'utf8');
    const ids: Record<string, string> = {};
    for (const m of text.matchAll(/^\s*(TARO_APP_TPL_[A-Z_]+)\s*=\s*(.*?)\s*$/gm))
      ids[m[1]] = process.env[m[1]] || m[2];
    return ids;
  };

  it('builds the configured template ids into the packages that ask for them', () => {
    const prod = idsOf('production');
    const dev = idsOf('development');
    expect(Object.keys(prod).sort()).toEqual([
      'TARO_APP_TPL_APPLICATION_STATUS',
      'TARO_APP_TPL_CALLBACK',
      'TARO_APP_TPL_CASE_STATUS',
      'TARO_APP_TPL_PROXY_TASK',
      'TARO_APP_TPL_REQUEST_STATUS',
    ]);
    expect(Object.keys(dev).sort()).toEqual(Object.keys(prod).sort());
    const js = allFiles().filter((f) => f.endsWith('.js'));
    const read = (f: string) => fs.readFileSync(path.join(DIST, f), 'utf8');
    const built = js.map(read).join('\n');
    // `taro build` is mode production; `--mode development` (or --watch) takes the other file
    const [mode, ids] = Object.values(prod).every((id) => built.includes(id))
      ? ['production', prod]
      : ['development', dev];
    console.log(
      `subscribe-message templates in dist/weapp (.env.${mode}):\n${Object.entries(ids)
        .map(([k, v]) => `  ${k} = ${v}`)
        .join('\n')}`,
    );
    for (const [k, id] of Object.entries(ids)) expect([k, built.includes(id)]).toEqual([k, true]);
    // where the user submits: 我要报事 (pkg-resident), an application (pkg-services), a proxy task (pkg-proxy)
    for (const root of ['pkg-resident', 'pkg-services', 'pkg-proxy']) {
      const pkg = js
        .filter((f) => f.startsWith(`${root}/`))
        .map(read)
        .join('\n');
      expect([root, pkg.includes('requestSubscribeMessage')]).toEqual([root, true]);
    }
    const code = (f: string) => fs.readFileSync(path.join(DIST, f), 'utf8');
    expect(code('pkg-resident/pages/report/index.js')).toMatch(/\.request\b/); // SUBSCRIBE_ON.request
    expect(code('pkg-services/pages/service/index.js')).toMatch(/\.application\b/);
    expect(code('pkg-proxy/pages/request/index.js')).toMatch(/\.proxyTask\b/);
    // the main package does not carry it (the tabs never submit)
    const roots = appJson().subPackages.map((p) => p.root);
    const main = js
      .filter((f) => !packageOf(f, roots) && !/^(taro|vendors)\.js$/.test(f))
      .map(read)
      .join('\n');
    expect(Object.values(ids).some((id) => main.includes(id))).toBe(false);
  });
});

describe("WeChat's code-quality check (miniprogram-ci checkCodeQuality, offline)", () => {
  interface Item {
    name: string;
    success: boolean;
    text: string;
    detail?: unknown;
  }
  let result: { appid: string; items: Item[]; rejections: string[] };

  beforeAll(async () => {
    // its own process: miniprogram-ci leaves a watcher open and may reject unhandled (see the script)
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [path.join(MINIAPP, 'scripts/weapp-quality.cjs'), DIST],
        { timeout: 150_000, maxBuffer: 16 * 1024 * 1024 },
        (err, out, errOut) => (err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve(out)),
      ),
    );
    const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`no result from miniprogram-ci:\n${stdout}`);
    result = JSON.parse(line.slice('RESULT '.length));
  }, 160_000);

  it('passes every item', () => {
    const size = result.items.find((i) => i.name === 'PACKAGE_SIZE_LIMIT');
    const detail = Object.entries((size?.detail ?? {}) as Record<string, number>).map(
      ([k, v]) => `${k === '__APP__' ? 'main' : k}=${kb(v)}`,
    );
    console.log(
      `miniprogram-ci checkCodeQuality (appid ${result.appid}): ${result.items.filter((i) => i.success).length}/${result.items.length} passed\n` +
        result.items.map((i) => `  ${i.success ? '✔' : '✘'} ${i.name}`).join('\n') +
        `\n  package sizes as WeChat counts them: ${detail.join(', ')}` +
        (result.rejections.length ? `\n  unhandled rejections (ignored): ${result.rejections.join('; ')}` : ''),
    );
    expect(result.items.length).toBeGreaterThanOrEqual(10);
    expect(result.items.filter((i) => !i.success).map((i) => `${i.name}: ${i.text}`)).toEqual([]);
    for (const name of [
      'PACKAGE_SIZE_LIMIT',
      'JS_COMPRESS_OPEN',
      'WXML_COMPRESS_OPEN',
      'WXSS_COMPRESS_OPEN',
      'LAZYCODE_LOADING_OPEN',
    ]) {
      expect(result.items.map((i) => i.name)).toContain(name);
    }
    expect((size?.detail as Record<string, number>).__APP__).toBeLessThan(MAIN_LIMIT);
  });
});
