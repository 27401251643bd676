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
    expect(json.subPackages).toEqual([expect.objectContaining({ root: 'pkg-staff', pages: ['pages/grids/index'] })]);
    expect(json.__usePrivacyCheck__).toBe(true);
    expect(json.lazyCodeLoading).toBe('requiredComponents');
    expect(json.pages).toEqual(expect.arrayContaining(['pages/login/index', 'pages/bind/index']));
  });

  it('keeps zod out of the main package', () => {
    const mainJs = fs
      .readdirSync(DIST, { recursive: true, encoding: 'utf8' })
      .filter(f => f.endsWith('.js') && !f.startsWith('pkg-staff'));
    for (const f of mainJs) expect([f, /\$ZodType|_zod\b/.test(fs.readFileSync(path.join(DIST, f), 'utf8'))]).toEqual([f, false]);
  });
});

describe('main-package pages render', () => {
  it('首页 greets a signed-out visitor with the tiles', async () => {
    const page = await renderPage('pages/index/index');
    expect(text(page.dom)).toContain('您好，欢迎使用网格通');
    expect(text(page.dom)).toContain('我要报事');
    expect(text(page.dom)).toContain('即将上线');
    // real WeChat nodes from Taro's templates, CSS classes prefixed by the simulator
    const off = page.dom.querySelector('wx-view.main--tile--off');
    expect(off?.textContent).toBe('我要报事即将上线');
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
