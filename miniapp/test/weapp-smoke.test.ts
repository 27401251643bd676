/**
 * Loads the real WeChat build (dist/weapp) page by page in miniprogram-simulate (WeChat's
 * j-component + the wcc template compiler) and checks each main-package page renders.
 * Not DevTools: a smoke test that the Taro output runs, renders its text and calls the API.
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';

const DIST = path.resolve(__dirname, '../dist/weapp');
const BUILT = fs.existsSync(path.join(DIST, 'app.json'));

type Opts = Record<string, unknown> & { data?: object };
type Inst = Record<string, unknown>;
const g = globalThis as unknown as Record<string, unknown>;

// j-component renders into a DOM: give it one (this file runs in jest's node environment)
const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>', { pretendToBeVisual: true });
for (const key of ['window', 'document', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent', 'requestAnimationFrame']) {
  g[key] = key === 'window' ? dom.window : (dom.window as unknown as Record<string, unknown>)[key];
}

let simulate: typeof import('miniprogram-simulate');
let app: Opts | undefined;
const stack: Inst[] = [];
const requests: { url: string; method: string }[] = [];
let storage: Record<string, unknown> = {};

function installGlobals() {
  g.App = (opts: Opts) => {
    app = opts;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => stack;
  g.requirePlugin = () => ({});
  // a page is a component whose lifecycles call the page's hooks
  g.Page = (opts: Opts) => {
    const fn = (name: string) => opts[name] as ((this: Inst, ...a: unknown[]) => void) | undefined;
    const methods: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(opts)) if (typeof v === 'function') methods[k] = v;
    (g.Component as (o: object) => void)({
      data: opts.data ?? {},
      methods,
      lifetimes: {
        attached(this: Inst) {
          stack.push(this);
          this.options = query;
          fn('onLoad')?.call(this, query);
          fn('onShow')?.call(this);
        },
        ready(this: Inst) {
          fn('onReady')?.call(this);
        },
        detached(this: Inst) {
          fn('onUnload')?.call(this);
          stack.splice(stack.indexOf(this), 1);
        },
      },
    });
  };
  const wx = g.wx as Record<string, unknown>;
  // the API is not running here: every call answers 404 in the contract's shape
  wx.request = (o: { url: string; method: string; success?: (r: object) => void; complete?: (r: object) => void }) => {
    requests.push({ url: o.url, method: o.method });
    const res = { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '未找到' } }, header: {}, errMsg: 'request:ok' };
    setTimeout(() => {
      o.success?.(res);
      o.complete?.(res);
    }, 0);
    return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
  };
  wx.getStorageSync = (k: string) => storage[k] ?? '';
  wx.setStorageSync = (k: string, v: unknown) => void (storage[k] = v);
  wx.removeStorageSync = (k: string) => void delete storage[k];
}

/** Loads app.js once (it registers the runtime chunks the pages need). */
function boot() {
  if (app) return;
  require(path.join(DIST, 'app.js')); // calls App(...)
  const launched = app as Opts | undefined;
  (launched?.onLaunch as ((o: object) => void) | undefined)?.call(launched, { path: 'pages/index/index', query: {}, scene: 1001 });
}

let query: Record<string, string> = {};

async function renderPage(route: string, q: Record<string, string> = {}) {
  boot();
  query = q;
  const id = simulate.load(path.join(DIST, route), { rootPath: DIST });
  const page = simulate.render(id) as unknown as { dom: HTMLElement; attach(el: Element): void; detach(): void };
  const parent = document.createElement('parent-wrapper');
  page.attach(parent);
  // React renders, then Taro sends setData: give both a few turns
  for (let i = 0; i < 10; i++) await simulate.sleep(20);
  return page;
}

const text = (el: HTMLElement) => (el.textContent ?? '').replace(/\s+/g, ' ');

beforeAll(() => {
  if (!BUILT) {
    throw new Error(`dist/weapp is missing (${DIST}): run \`npm run build:weapp -w miniapp\` first`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  simulate = require('miniprogram-simulate');
  installGlobals();
});

beforeEach(() => {
  requests.length = 0;
  storage = {};
});

describe('app.json', () => {
  const appJson = () => JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'));

  it('has the tab bar, the staff subpackage and the privacy check', () => {
    const json = appJson();
    expect(json.tabBar.list.map((t: { pagePath: string; text: string }) => `${t.text}:${t.pagePath}`)).toEqual([
      '首页:pages/index/index',
      '办事:pages/services/index',
      '我的:pages/me/index',
    ]);
    expect(json.subPackages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ root: 'pkg-staff', pages: expect.arrayContaining(['pages/grids/index', 'pages/inbox/index', 'pages/handle/index', 'pages/callbacks/index', 'pages/dashboard/index']) }),
        expect.objectContaining({ root: 'pkg-resident', pages: ['pages/report/index', 'pages/requests/index', 'pages/request/index', 'pages/messages/index'] }),
        expect.objectContaining({ root: 'pkg-services', pages: ['pages/service/index', 'pages/result/index', 'pages/applications/index', 'pages/application/index'] }),
        expect.objectContaining({ root: 'pkg-office', pages: ['pages/review/index', 'pages/review-detail/index'] }),
        expect.objectContaining({ root: 'pkg-proxy', pages: expect.arrayContaining(['pages/hall/index', 'pages/mine/index', 'pages/task/index', 'pages/request/index', 'pages/care/index']) }),
      ]),
    );
    expect(json.__usePrivacyCheck__).toBe(true);
    expect(json.lazyCodeLoading).toBe('requiredComponents');
    expect(json.pages).toEqual(expect.arrayContaining(['pages/login/index', 'pages/bind/index']));
  });

  /** every file outside the subpackages' roots is the main package */
  const mainFiles = () => {
    const roots: string[] = appJson().subPackages.map((p: { root: string }) => `${p.root}/`);
    return fs
      .readdirSync(DIST, { recursive: true, encoding: 'utf8' })
      .filter(f => !roots.some(r => f.replace(/\\/g, '/').startsWith(r)) && fs.statSync(path.join(DIST, f)).isFile());
  };

  it('keeps zod out of the main package', () => {
    const mainJs = mainFiles().filter(f => f.endsWith('.js'));
    expect(mainJs.length).toBeGreaterThan(3);
    for (const f of mainJs) expect([f, /\$ZodType|_zod\b/.test(fs.readFileSync(path.join(DIST, f), 'utf8'))]).toEqual([f, false]);
  });

  it('keeps the main package under 600 KB (WeChat allows 2 MB; the first screen loads it all)', () => {
    const bytes = mainFiles().reduce((sum, f) => sum + fs.statSync(path.join(DIST, f)).size, 0);
    expect(bytes).toBeLessThan(600 * 1024);
  });
});

describe('main-package pages render', () => {
  it('首页 greets a signed-out visitor with the tiles', async () => {
    const page = await renderPage('pages/index/index');
    expect(text(page.dom)).toContain('您好，欢迎使用网格通');
    expect(text(page.dom)).toContain('我要报事');
    expect(text(page.dom)).toContain('我的诉求');
    // real WeChat nodes from Taro's templates, CSS classes prefixed by the simulator
    const tiles = [...page.dom.querySelectorAll('wx-view.main--tile')].map(t => t.textContent);
    expect(tiles).toContain('我要报事随手拍，身边问题网格员来办');
    expect(page.dom.querySelector('wx-view.main--tile--off')).toBeNull();
    expect(requests).toEqual([]); // signed out: no /v1/me
    page.detach();
  });

  it('办事 asks the API for the services and shows 即将上线 on 404', async () => {
    const page = await renderPage('pages/services/index');
    expect(requests.map(r => `${r.method} ${r.url}`)).toEqual(['GET http://127.0.0.1:3000/v1/services']);
    expect(text(page.dom)).toContain('办事服务即将上线，敬请期待');
    page.detach();
  });

  it('我的 offers sign-in when signed out', async () => {
    const page = await renderPage('pages/me/index');
    expect(text(page.dom)).toContain('您还没有登录');
    expect(text(page.dom)).toContain('去登录');
    page.detach();
  });

  it('登录 shows WeChat sign-in (no demo users in the weapp build)', async () => {
    const page = await renderPage('pages/login/index');
    expect(text(page.dom)).toContain('微信一键登录');
    expect(text(page.dom)).not.toContain('resident-demo');
    page.detach();
  });

  it('绑定单元 opened from a unit QR link asks for that unit', async () => {
    storage['gridlink.token'] = 'tok';
    const page = await renderPage('pages/bind/index', { unitId: 'u-42' });
    expect(requests.map(r => `${r.method} ${r.url}`)).toEqual([
      'GET http://127.0.0.1:3000/v1/me',
      'GET http://127.0.0.1:3000/v1/grids/u-42',
    ]);
    expect(text(page.dom)).toContain('未找到');
    expect(text(page.dom)).toContain('重试');
    expect(text(page.dom)).toContain('不是这个单元？在列表中选择');
    page.detach();
  });
});

describe('requests subpackages render', () => {
  it('我要报事 (pkg-resident) asks for the profile and the categories', async () => {
    storage['gridlink.token'] = 'tok';
    const page = await renderPage('pkg-resident/pages/report/index');
    expect(requests.map(r => `${r.method} ${r.url}`).sort()).toEqual([
      'GET http://127.0.0.1:3000/v1/me',
      'GET http://127.0.0.1:3000/v1/request-categories',
    ]);
    expect(text(page.dom)).toContain('未找到');
    expect(text(page.dom)).toContain('重试');
    page.detach();
  });

  it('我的诉求 (pkg-resident) asks for my requests', async () => {
    storage['gridlink.token'] = 'tok';
    const page = await renderPage('pkg-resident/pages/requests/index');
    expect(requests.map(r => `${r.method} ${r.url}`)).toEqual(['GET http://127.0.0.1:3000/v1/requests?view=mine&limit=20']);
    expect(text(page.dom)).toContain('重试');
    page.detach();
  });

  it('待办 (pkg-staff) shows its status tabs and asks for the inbox', async () => {
    storage['gridlink.token'] = 'tok';
    const page = await renderPage('pkg-staff/pages/inbox/index');
    expect(requests.map(r => `${r.method} ${r.url}`)).toEqual(['GET http://127.0.0.1:3000/v1/requests?view=inbox&limit=20']);
    expect(text(page.dom)).toContain('全部已提交已受理已转办');
    page.detach();
  });

  it('统计 (pkg-staff) starts from the profile', async () => {
    storage['gridlink.token'] = 'tok';
    const page = await renderPage('pkg-staff/pages/dashboard/index');
    expect(requests.map(r => `${r.method} ${r.url}`)).toEqual(['GET http://127.0.0.1:3000/v1/me']);
    expect(text(page.dom)).toContain('未找到');
    page.detach();
  });
});

describe('services subpackages render', () => {
  it('办事 › a service (pkg-services, with zod) asks for the service and shows its error', async () => {
    const page = await renderPage('pkg-services/pages/service/index', { code: 'legal-aid' });
    expect(requests.map(r => `${r.method} ${r.url}`)).toEqual(['GET http://127.0.0.1:3000/v1/services/legal-aid']);
    expect(text(page.dom)).toContain('未找到');
    expect(text(page.dom)).toContain('重试');
    page.detach();
  });

  it('我的办件 (pkg-services) asks for my applications', async () => {
    storage['gridlink.token'] = 'tok';
    const page = await renderPage('pkg-services/pages/applications/index');
    expect(requests.map(r => `${r.method} ${r.url}`)).toEqual(['GET http://127.0.0.1:3000/v1/applications?view=mine&limit=20']);
    expect(text(page.dom)).toContain('重试');
    page.detach();
  });

  it('审核队列 (pkg-office) asks for the review queue', async () => {
    storage['gridlink.token'] = 'tok';
    const page = await renderPage('pkg-office/pages/review/index');
    expect(requests.map(r => `${r.method} ${r.url}`)).toEqual(['GET http://127.0.0.1:3000/v1/applications?view=review&limit=20']);
    expect(text(page.dom)).toContain('审核队列');
    page.detach();
  });
});

describe('proxy subpackage renders', () => {
  it('任务大厅 (pkg-proxy, with zod) asks who is looking and shows the error with 重试', async () => {
    storage['gridlink.token'] = 'tok';
    const page = await renderPage('pkg-proxy/pages/hall/index');
    expect(requests.map(r => `${r.method} ${r.url}`)).toEqual(['GET http://127.0.0.1:3000/v1/me']);
    expect(text(page.dom)).toContain('任务大厅');
    expect(text(page.dom)).toContain('重试');
    page.detach();
  });

  it('代办详情 (pkg-proxy) asks for the task', async () => {
    storage['gridlink.token'] = 'tok';
    const page = await renderPage('pkg-proxy/pages/task/index', { id: 'T1' });
    expect(requests.map(r => `${r.method} ${r.url}`).sort()).toEqual(['GET http://127.0.0.1:3000/v1/me', 'GET http://127.0.0.1:3000/v1/proxy-tasks/T1']);
    expect(text(page.dom)).toContain('未找到');
    page.detach();
  });
});
