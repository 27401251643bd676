/**
 * 长辈版 (elder mode) against the MIIT 适老化 rules (《互联网网站适老化通用设计规范》/《移动互联网应用
 * (APP)适老化通用设计规范》), on the h5 build in a real browser, signed in as resident-demo:
 * for 首页, 办事, 我的, a service form (法律援助申请) and a request's detail page, with 长辈版 on:
 *   - adjustable type size: every text on the page is ≥ 1.25× its size in normal mode;
 *   - line spacing: computed line-height / font-size ≥ 1.3 for every text;
 *   - contrast: WCAG 2 ratio of the text colour against the background it is drawn on
 *     ≥ 4.5:1, or ≥ 3:1 for large text (≥ 24 px, or ≥ 18.66 px bold);
 *   - no pop-ups: no modal, dialog, toast, picker or mask open once the page has loaded;
 *   - colour never the only signal: every status tag / badge shows its meaning in words.
 * Prints a table per page; screenshots go to .artifacts/e2e/elder-*.png.
 */
import { randomUUID } from 'node:crypto';
import { startE2E, type E2E } from './browser';
import { contrastOk, openOverlays, readText, type TextItem } from './a11y';

let e: E2E;
let requestId = '';
let session: { token: string; expiresAt: string };

beforeAll(async () => {
  e = await startE2E();
  session = await fetch(`${e.stack.apiUrl}/v1/auth/dev-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'resident-demo' }),
  }).then((r) => r.json());
  const created = await fetch(`${e.stack.apiUrl}/v1/requests`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${session.token}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify({ category: 'facility', description: '3号楼2单元楼道灯不亮，晚上上下楼看不见' }),
  }).then((r) => r.json());
  requestId = created.id;
  expect(requestId).toBeTruthy();
  // a native alert/confirm would be a pop-up too
  e.page.on('dialog', (d) => {
    dialogs.push(`${current}: ${d.type()} ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
});
afterAll(async () => e?.stop());

interface Target {
  name: string;
  slug: string;
  hash: () => string;
  /** a test id that is on screen once the page has its data */
  ready: string;
}

const TARGETS: Target[] = [
  { name: '首页', slug: 'home', hash: () => '/pages/index/index', ready: 'home-greet' },
  { name: '办事', slug: 'services', hash: () => '/pages/services/index', ready: 'service-legal-aid' },
  { name: '我的', slug: 'me', hash: () => '/pages/me/index', ready: 'me-name' },
  {
    name: '办事表单',
    slug: 'service-form',
    hash: () => '/pkg-services/pages/service/index?code=legal-aid',
    ready: 'form',
  },
  {
    name: '诉求详情',
    slug: 'request',
    hash: () => `/pkg-resident/pages/request/index?id=${encodeURIComponent(requestId)}`,
    ready: 'request-status',
  },
];

let visits = 0;
/** A full page load of `hash`, signed in as resident-demo (the token where the app keeps it), elder mode on or off. */
async function open(t: Target, elder: boolean) {
  const { page, stack } = e;
  if (!page.url().startsWith(stack.webUrl!)) await page.goto(`${stack.webUrl}/`);
  // Taro h5 storage: localStorage, each value as {"data": value} (src/api/session.ts, src/lib/elder.ts)
  await page.evaluate(
    ({ token, expiresAt, elder }) => {
      localStorage.clear();
      localStorage.setItem('gridlink.token', JSON.stringify({ data: token }));
      localStorage.setItem('gridlink.expiresAt', JSON.stringify({ data: expiresAt }));
      localStorage.setItem('gridlink.elder.resident-demo', JSON.stringify({ data: elder }));
    },
    { ...session, elder },
  );
  await page.goto(`${stack.webUrl}/?visit=${++visits}#${t.hash()}`);
  await page.getByTestId(t.ready).filter({ visible: true }).first().waitFor({ timeout: 20000 });
  await page.waitForTimeout(1200); // a toast or modal raised on load would be up by now
}

interface Found {
  normal: TextItem[];
  elder: TextItem[];
  overlays: string[];
  tags: { cls: string; text: string; label: string }[];
  switchState: string;
}
const found: Record<string, Found> = {};
const summary: Record<string, unknown>[] = [];
const dialogs: string[] = [];
let current = '';
/** for information: normal mode is not held to these rules here (Lighthouse looks at it) */
const normalFails: string[] = [];

const fmt = (i: TextItem) => `"${i.text}" (.${i.cls || '-'}${i.near ? ` in ${i.near}` : ''})`;
const min = (xs: number[]) => (xs.length ? Math.min(...xs) : NaN);

describe.each(TARGETS)('长辈版 on $name', (t) => {
  beforeAll(async () => {
    current = t.name;
    await open(t, false);
    const normal = await readText(e.page);
    await e.shot(`elder-${t.slug}-0-normal`);
    await open(t, true);
    const overlays = await openOverlays(e.page);
    const elder = await readText(e.page);
    const { tags, switchState } = await e.page.evaluate(() => {
      const visible = (el: Element) => el.getClientRects().length > 0;
      const tagEls = Array.from(
        document.querySelectorAll('[class*="tag"], [class*="badge"], [data-testid$="-status"]'),
      ).filter(visible);
      const sw = Array.from(document.querySelectorAll('[data-testid$="elder-state"]')).filter(visible)[0];
      return {
        tags: tagEls.map((el) => ({
          cls: String(el.className).split(' ')[0],
          text: (el.textContent ?? '').trim(),
          label: el.getAttribute('aria-label') ?? '',
        })),
        switchState: (sw?.textContent ?? '').trim(),
      };
    });
    await e.shot(`elder-${t.slug}-1-elder`);
    found[t.slug] = { normal, elder, overlays, tags, switchState };
  }, 90_000);

  const f = () => found[t.slug];

  it('type size: every text is ≥ 1.25× its normal-mode size', () => {
    const normal = new Map(f().normal.map((i) => [i.key, i]));
    const pairs = f().elder.flatMap((i) =>
      normal.has(i.key) ? [{ i, x: i.fontSize / normal.get(i.key)!.fontSize }] : [],
    );
    // nearly every text is on screen in both modes (a switch's 已开启/未开启 is not)
    expect(pairs.length).toBeGreaterThanOrEqual(Math.max(3, Math.floor(f().elder.length * 0.8)));
    expect(pairs.filter((p) => p.x < 1.25).map((p) => `${fmt(p.i)} ×${p.x.toFixed(2)}`)).toEqual([]);
    summary.push({
      page: t.slug,
      texts: f().elder.length,
      'min size ×': +min(pairs.map((p) => p.x)).toFixed(2),
      'median px (normal→elder)': bodySize(pairs),
    });
  });

  it('line spacing: line-height / font-size ≥ 1.3 for every text', () => {
    expect(
      f()
        .elder.filter((i) => i.lineRatio < 1.3)
        .map((i) => `${fmt(i)} ${i.lineRatio}`),
    ).toEqual([]);
    Object.assign(summary[summary.length - 1], { 'min line-height': min(f().elder.map((i) => i.lineRatio)) });
  });

  it('contrast: ≥ 4.5:1, or ≥ 3:1 for large text, against the background it is drawn on', () => {
    expect(
      f()
        .elder.filter((i) => !contrastOk(i))
        .map((i) => `${fmt(i)} ${i.color} on ${i.background} = ${i.contrast}:1${i.large ? ' (large)' : ''}`),
    ).toEqual([]);
    const worst = [...f().elder].sort((a, b) => a.contrast - b.contrast)[0];
    Object.assign(summary[summary.length - 1], {
      'min contrast': `${worst.contrast}:1 (${worst.color}/${worst.background})`,
      'normal-mode contrast fails': f().normal.filter((i) => !contrastOk(i)).length,
    });
    normalFails.push(
      ...f()
        .normal.filter((i) => !contrastOk(i))
        .map((i) => `${t.slug}: ${fmt(i)} ${i.color} on ${i.background} = ${i.contrast}:1`),
    );
  });

  it('no pop-ups: nothing covers the page once it has loaded', () => {
    expect(f().overlays).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('colour is never the only signal: every tag and status says it in words', () => {
    for (const tag of f().tags) expect([tag.cls, (tag.text || tag.label).length > 0]).toEqual([tag.cls, true]);
    if (t.slug === 'request') expect(f().tags.find((x) => x.cls === 'stag')?.text).toBe('已提交');
    // where the switch is, its state is written next to it, not shown by the track's colour alone
    if (t.slug === 'services' || t.slug === 'me') expect(f().switchState).toBe('已开启');
    Object.assign(summary[summary.length - 1], { tags: f().tags.length });
  });
});

/** the median text size in each mode: what a person mostly reads */
function bodySize(pairs: { i: TextItem; x: number }[]) {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  return `${median(pairs.map((p) => p.i.fontSize / p.x)).toFixed(1)}→${median(pairs.map((p) => p.i.fontSize)).toFixed(1)}`;
}

afterAll(() => {
  if (summary.length) {
    console.log(
      `长辈版 (elder mode) on the h5 build, resident-demo, 390×844 (home 首页, services 办事, me 我的, service-form 法律援助申请, request 诉求详情):\n${table(summary)}` +
        (normalFails.length ? `\nnormal mode, below WCAG AA:\n  ${normalFails.join('\n  ')}` : ''),
    );
  }
});

function table(rows: Record<string, unknown>[]) {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => (v === undefined ? '' : String(v));
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(width[i])).join(' │ ');
  return [
    line(cols),
    width.map((w) => '─'.repeat(w)).join('─┼─'),
    ...rows.map((r) => line(cols.map((c) => cell(r[c])))),
  ].join('\n');
}
