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
for (const key of [
  'window',
  'document',
  'Node',
  'Element',
  'HTMLElement',
  'Event',
  'CustomEvent',
  'requestAnimationFrame',
]) {
  g[key] = key === 'window' ? dom.window : (dom.window as unknown as Record<string, unknown>)[key];
}

let simulate: typeof import('miniprogram-simulate');
let app: Opts | undefined;
const stack: Inst[] = [];
const requests: { url: string; method: string }[] = [];
let storage: Record<string, unknown> = {};
let answers: Record<string, unknown> = {};

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
  // the API is not running here: a call answers what the test put in `answers` (path → body, 200),
  // anything else 404 in the contract's shape
  wx.request = (o: { url: string; method: string; success?: (r: object) => void; complete?: (r: object) => void }) => {
    requests.push({ url: o.url, method: o.method });
    const answer = answers[`${o.method} ${new URL(o.url).pathname}`];
    const res = answer
      ? { statusCode: 200, data: answer, header: {}, errMsg: 'request:ok' }
      : {
          statusCode: 404,
          data: { error: { code: 'NOT_FOUND', message: '未找到' } },
          header: {},
          errMsg: 'request:ok',
        };
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
  (launched?.onLaunch as ((o: object) => void) | undefined)?.call(launched, {
    path: 'pages/index/index',
    query: {},
    scene: 1001,
  });
}

let query: Record<string, string> = {};
const loaded: Record<string, string> = {};

async function renderPage(route: string, q: Record<string, string> = {}) {
  boot();
  query = q;
  // a page's code runs once (require caches it): load its definition once, render it as often as needed
  const id = (loaded[route] ??= simulate.load(path.join(DIST, route), { rootPath: DIST }));
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

  simulate = require('miniprogram-simulate');
  installGlobals();
});

beforeEach(() => {
  requests.length = 0;
  storage = {};
  answers = {};
});

/** A resident as GET /v1/me answers, bound to a unit. */
const RESIDENT = {
  id: 'resident-demo',
  role: 'resident',
  name: '王丽',
  phone: '13904181234',
  gridIds: [],
  unitId: 'u-1',
  unitPath: [
    { id: 'hz', name: '海州区', level: 'district' },
    { id: 'xf', name: '幸福小区', level: 'compound' },
    { id: 'u-1', name: '一单元', level: 'unit' },
  ],
};
const SERVICE = (code: string, name: string, onlineDirect: boolean, promisedDays: number) => ({
  code,
  name,
  category: '证明开具',
  description: `${name}的说明`,
  onlineDirect,
  promisedDays,
  hot: true,
  materials: ['居民身份证'],
  fields: [],
});

// app.json, package sizes, privacy, subscribe ids and checkCodeQuality: weapp-build.test.ts

describe('main-package pages render', () => {
  it('首页 greets a signed-out visitor with the tiles', async () => {
    const page = await renderPage('pages/index/index');
    expect(text(page.dom)).toContain('您好，欢迎使用网格通');
    expect(text(page.dom)).toContain('我要报事');
    expect(text(page.dom)).toContain('我的诉求');
    // real WeChat nodes from Taro's templates, CSS classes prefixed by the simulator
    const tiles = [...page.dom.querySelectorAll('wx-view.main--tile')].map((t) => t.textContent);
    expect(tiles).toContain('我要报事随手拍，身边问题网格员来办');
    expect(page.dom.querySelector('wx-view.main--tile--off')).toBeNull();
    // signed out: no /v1/me; only the public scoreboard (首页's 三率 card, no token)
    expect(requests.map((r) => r.url)).toEqual(['http://127.0.0.1:3000/v1/scoreboard']);
    page.detach();
  });

  it('办事 asks the API for the services and shows 即将上线 on 404', async () => {
    const page = await renderPage('pages/services/index');
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET http://127.0.0.1:3000/v1/services']);
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
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET http://127.0.0.1:3000/v1/me',
      'GET http://127.0.0.1:3000/v1/grids/u-42',
    ]);
    expect(text(page.dom)).toContain('未找到');
    expect(text(page.dom)).toContain('重试');
    expect(text(page.dom)).toContain('不是这个单元？在列表中选择');
    page.detach();
  });
});

describe('main-package pages render signed in, with answers from the API', () => {
  it('首页 greets the resident by name with the resident tiles', async () => {
    storage['gridlink.token'] = 'tok';
    answers['GET /v1/me'] = RESIDENT;
    const page = await renderPage('pages/index/index');
    expect(requests.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'GET http://127.0.0.1:3000/v1/me',
      'GET http://127.0.0.1:3000/v1/scoreboard',
    ]);
    expect(text(page.dom)).toContain('您好，王丽');
    for (const tile of ['办事', '我要报事', '我的诉求', '我的单元', '查看已绑定的单元'])
      expect(text(page.dom)).toContain(tile);
    page.detach();
  });

  it('办事 lists the services with 网上直办 and the promised time', async () => {
    answers['GET /v1/services'] = {
      items: [SERVICE('residence-certificate', '居住证明', true, 0), SERVICE('legal-aid', '法律援助申请', false, 7)],
    };
    const page = await renderPage('pages/services/index');
    expect(text(page.dom)).toContain('居住证明');
    expect(text(page.dom)).toContain('法律援助申请');
    expect(text(page.dom)).toContain('网上直办');
    expect(text(page.dom)).toContain('承诺 7 个工作日');
    expect(text(page.dom)).toContain('长辈版');
    page.detach();
  });

  it('我的 shows the profile, the unit, the links and 长辈版', async () => {
    storage['gridlink.token'] = 'tok';
    answers['GET /v1/me'] = RESIDENT;
    const page = await renderPage('pages/me/index');
    expect(text(page.dom)).toContain('王丽');
    expect(text(page.dom)).toContain('居民');
    expect(text(page.dom)).toContain('海州区 › 幸福小区 › 一单元');
    for (const link of ['我的诉求', '我的办件', '长辈版', '退出登录']) expect(text(page.dom)).toContain(link);
    page.detach();
  });

  it('绑定单元 without a QR link starts the tree at the district and lists its streets', async () => {
    storage['gridlink.token'] = 'tok';
    answers['GET /v1/me'] = { ...RESIDENT, unitId: undefined, unitPath: undefined };
    const grid = (
      id: string,
      level: string,
      name: string,
      path: string[],
      pathNames: string[],
      childCount: number,
    ) => ({
      id,
      level,
      name,
      parentId: path.length > 1 ? path[path.length - 2] : null,
      path,
      pathNames,
      childCount,
      staff: [],
      version: 1,
      createdAt: '2025-01-01T00:00:00+08:00',
      updatedAt: '2025-01-01T00:00:00+08:00',
    });
    answers['GET /v1/grids/hz'] = grid('hz', 'district', '海州区', ['hz'], ['海州区'], 2);
    answers['GET /v1/grids/hz/children'] = {
      items: [
        grid('hz-hp', 'street', '和平街道', ['hz', 'hz-hp'], ['海州区', '和平街道'], 3),
        grid('hz-xh', 'street', '西湖街道', ['hz', 'hz-xh'], ['海州区', '西湖街道'], 2),
      ],
    };
    const page = await renderPage('pages/bind/index');
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /v1/me',
      'GET /v1/grids/hz',
      'GET /v1/grids/hz/children',
    ]);
    expect(text(page.dom)).toContain('请逐级选择');
    expect(text(page.dom)).toContain('和平街道');
    expect(text(page.dom)).toContain('西湖街道');
    page.detach();
  });
});

describe('requests subpackages render', () => {
  it('我要报事 (pkg-resident) asks for the profile and the categories', async () => {
    storage['gridlink.token'] = 'tok';
    const page = await renderPage('pkg-resident/pages/report/index');
    expect(requests.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
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
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET http://127.0.0.1:3000/v1/requests?view=mine&limit=20',
    ]);
    expect(text(page.dom)).toContain('重试');
    page.detach();
  });

  it('待办 (pkg-staff) shows its status tabs and asks for the inbox', async () => {
    storage['gridlink.token'] = 'tok';
    const page = await renderPage('pkg-staff/pages/inbox/index');
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET http://127.0.0.1:3000/v1/requests?view=inbox&limit=20',
    ]);
    expect(text(page.dom)).toContain('全部已提交已受理已转办');
    page.detach();
  });

  it('统计 (pkg-staff) starts from the profile', async () => {
    storage['gridlink.token'] = 'tok';
    const page = await renderPage('pkg-staff/pages/dashboard/index');
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET http://127.0.0.1:3000/v1/me']);
    expect(text(page.dom)).toContain('未找到');
    page.detach();
  });
});

describe('services subpackages render', () => {
  it('办事 › a service (pkg-services, with zod) asks for the service and shows its error', async () => {
    const page = await renderPage('pkg-services/pages/service/index', { code: 'legal-aid' });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET http://127.0.0.1:3000/v1/services/legal-aid']);
    expect(text(page.dom)).toContain('未找到');
    expect(text(page.dom)).toContain('重试');
    page.detach();
  });

  it('我的办件 (pkg-services) asks for my applications', async () => {
    storage['gridlink.token'] = 'tok';
    const page = await renderPage('pkg-services/pages/applications/index');
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET http://127.0.0.1:3000/v1/applications?view=mine&limit=20',
    ]);
    expect(text(page.dom)).toContain('重试');
    page.detach();
  });

  it('审核队列 (pkg-office) asks for the review queue', async () => {
    storage['gridlink.token'] = 'tok';
    const page = await renderPage('pkg-office/pages/review/index');
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET http://127.0.0.1:3000/v1/applications?view=review&limit=20',
    ]);
    expect(text(page.dom)).toContain('审核队列');
    page.detach();
  });
});

describe('proxy subpackage renders', () => {
  it('任务大厅 (pkg-proxy, with zod) asks who is looking and shows the error with 重试', async () => {
    storage['gridlink.token'] = 'tok';
    const page = await renderPage('pkg-proxy/pages/hall/index');
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET http://127.0.0.1:3000/v1/me']);
    expect(text(page.dom)).toContain('任务大厅');
    expect(text(page.dom)).toContain('重试');
    page.detach();
  });

  it('代办详情 (pkg-proxy) asks for the task', async () => {
    storage['gridlink.token'] = 'tok';
    const page = await renderPage('pkg-proxy/pages/task/index', { id: 'T1' });
    expect(requests.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'GET http://127.0.0.1:3000/v1/me',
      'GET http://127.0.0.1:3000/v1/proxy-tasks/T1',
    ]);
    expect(text(page.dom)).toContain('未找到');
    page.detach();
  });
});

describe('centre subpackage renders', () => {
  it('社区三率榜 (pkg-centre, public) asks for the scoreboard and lists 样本不足', async () => {
    answers['GET /v1/scoreboard'] = {
      from: '2026-09-03',
      to: '2026-12-01',
      minSample: 30,
      computedAt: '2026-12-01T16:30:00.000Z',
      rows: [
        {
          communityId: 'c1',
          name: '新华社区',
          street: '和平街道',
          closed: 41,
          responseRate: 1,
          resolutionRate: 0.9,
          satisfactionRate: 0.95,
          rank: 1,
        },
        {
          communityId: 'c2',
          name: '五龙社区',
          street: '和平街道',
          closed: 3,
          responseRate: 1,
          resolutionRate: 1,
          satisfactionRate: 1,
          rank: null,
        },
      ],
    };
    const page = await renderPage('pkg-centre/pages/scoreboard/index');
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET http://127.0.0.1:3000/v1/scoreboard']);
    expect(text(page.dom)).toContain('新华社区');
    expect(text(page.dom)).toContain('样本不足（3 件）');
    page.detach();
  });

  it('指挥中心 (pkg-centre, with ECharts) starts from the profile, then the figures of the first grid', async () => {
    storage['gridlink.token'] = 'tok';
    answers['GET /v1/me'] = {
      ...RESIDENT,
      id: 'street-admin-demo',
      role: 'street_admin',
      name: '郑伟',
      gridIds: ['hz-hp'],
    };
    const figs = {
      reported: 3,
      selfHandled: 1,
      resolved: 2,
      onTimeRate: 1,
      inCommunityRate: 1,
      satisfactionRate: null,
    };
    const f = { ...figs, rated: 0, mediations: 0, mediationsAgreed: 0, proxyDone: 0, patrols: 0, patrolCoverage: null };
    const all = {
      ...f,
      attendanceRate: null,
      urged: 0,
      supervised: 0,
      escalated: 0,
      overdue: 1,
      open: 1,
      overdueTotal: 1,
    };
    const node = (gridId: string, name: string, level: string) => ({
      gridId,
      name,
      level,
      childCount: 2,
      figures: all,
    });
    answers['GET /v1/centre/figures'] = {
      from: '2026-12-01',
      to: '2026-12-31',
      days: 31,
      source: 'MONTH',
      grid: node('hz-hp', '和平街道', 'street'),
      children: [node('hz-hp-xh', '新华社区', 'community')],
      nextCursor: null,
      cost: { calls: 4, items: 5 },
    };
    const page = await renderPage('pkg-centre/pages/index/index');
    await new Promise((r) => setTimeout(r, 100));
    const paths = requests.map((r) => new URL(r.url).pathname);
    expect(paths.slice(0, 2)).toEqual(['/v1/me', '/v1/centre/figures']);
    // the figures drawn: the children's table, and the queue and ranking asked for
    expect(paths).toEqual(expect.arrayContaining(['/v1/centre/queue', '/v1/centre/ranking']));
    expect(text(page.dom)).toContain('新华社区');
    expect(text(page.dom)).toContain('巡查中');
    // taro-react-echarts puts a 2d canvas on the page for each chart (drawing itself needs WeChat)
    expect(page.dom.querySelectorAll('canvas, wx-canvas').length).toBeGreaterThanOrEqual(1);
    page.detach();
  });
});
