/**
 * The request (诉求) closed loop in a real browser, across four users on the h5 build:
 * resident-demo reports 公共设施损坏 with a photo → worker-demo accepts and resolves it in 待办 →
 * resident-demo rates 不满意 → community-admin-demo calls back (回访) and reopens it → the request
 * is 已受理 again with the reopen in its timeline → 统计 shows the figures → resolved again →
 * 非常满意 (5 stars) → 已结案.
 */
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './browser';
import { greyPng } from './png';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.stop());

/** Signs out whoever was in and signs `userId` in on the demo login page, in a freshly loaded app. */
let visits = 0;
async function signIn(page: Page, userId: string) {
  const { stack } = e;
  if (page.url().startsWith(stack.webUrl!)) await page.evaluate(() => localStorage.clear());
  // a new query string makes it a full page load (a hash change alone keeps the running app)
  await page.goto(`${stack.webUrl}/?visit=${++visits}#/pages/login/index`);
  try {
    await page.getByTestId(`login-${userId}`).click();
    await page.getByTestId('home-greet').filter({ hasText: '您好，' }).waitFor();
  } catch (err) {
    await e.shot(`requests-debug-signin-${userId}`);
    console.log(page.url(), await page.locator('body').innerText());
    throw err;
  }
}

/** Types into a Taro h5 textarea (a web component around a real <textarea>). */
const fill = (page: Page, testId: string, text: string) => page.getByTestId(testId).locator('textarea').fill(text);

const status = (page: Page) => page.getByTestId('request-status');

it('report with a photo → accept → resolve → 不满意 → 回访 reopens → 已受理 again → 统计 → resolved again → 非常满意 → 已结案', async () => {
  const { page, stack } = e;

  // 1. resident-demo reports 公共设施损坏 with one photo
  await signIn(page, 'resident-demo');
  await page.getByTestId('tile-report').click();
  await page.getByTestId('cat-facility').click();
  expect(await page.getByTestId('report-route').innerText()).toContain('48 小时内办理');
  await fill(page, 'report-desc', '1号楼1单元三楼楼道灯不亮好几天了，晚上上下楼看不见');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('photo-add').click();
  await (await chooser).setFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: greyPng() });
  await page.getByTestId('photo-0').waitFor();
  await page.getByText('上传中…').waitFor({ state: 'detached', timeout: 15000 });
  expect(await page.getByTestId('photo-retry-0').count()).toBe(0);
  await e.shot('requests-1-report');
  await page.getByTestId('report-submit').click();

  await status(page).filter({ hasText: '已提交' }).waitFor({ timeout: 15000 });
  const id = new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '').get('id')!;
  expect(id).toBeTruthy();
  expect(await page.getByTestId('request-level').innerText()).toBe('网格');
  expect(await page.getByTestId('request-due').innerText()).toMatch(/^(\d{4}-)?\d\d-\d\d \d\d:\d\d$/);
  // the photo is a short-lived link to the stored object: it really loads
  const img = page.getByTestId('request-photos-0').locator('img');
  await img.waitFor();
  await page.waitForFunction(
    (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
    await img.elementHandle(),
    { timeout: 10000 },
  );
  expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(32);
  await e.shot('requests-2-submitted');

  // 2. worker-demo accepts and resolves it in 待办
  await signIn(page, 'worker-demo');
  await page.getByTestId('tile-inbox').click();
  await page.getByTestId(`request-${id}`).waitFor();
  await e.shot('requests-2b-inbox');
  await page.getByTestId(`request-${id}`).click();
  await status(page).filter({ hasText: '已提交' }).waitFor();
  await page.getByTestId('act-accept').click();
  await fill(page, 'act-note', '已联系居民，今天下午上门查看');
  await page.getByTestId('act-confirm').click();
  await status(page).filter({ hasText: '已受理' }).waitFor();
  await page.getByTestId('act-resolve').click();
  await fill(page, 'act-note', '已更换楼道灯');
  await page.getByTestId('act-confirm').click();
  await status(page).filter({ hasText: '已办结待评价' }).waitFor();
  expect(await page.getByTestId('handle-none').innerText()).toBe('已办结，等待居民评价');
  await e.shot('requests-3-resolved');

  // 3. resident-demo rates it 不满意 (2 stars)
  await signIn(page, 'resident-demo');
  await page.getByTestId('tile-requests').click();
  expect(await page.getByTestId(`request-${id}`).innerText()).toContain('已办结待评价');
  await e.shot('requests-3b-mine');
  await page.getByTestId(`request-${id}`).click();
  await page.getByTestId('rating-form').waitFor();
  await page.getByTestId('star-2').click();
  expect(await page.getByTestId('rating-name').innerText()).toBe('不满意');
  await fill(page, 'rating-comment', '换了灯，可两天后又不亮了');
  await e.shot('requests-4-rating');
  await page.getByTestId('rating-submit').click();
  await page.getByTestId('rating-view').waitFor();
  expect(await page.getByTestId('rating-view').innerText()).toContain('不满意');
  await status(page).filter({ hasText: '已结案' }).waitFor();

  // 4. community-admin-demo sees it in 回访 and completes it with 重新办理
  await signIn(page, 'community-admin-demo');
  await page.goto(`${stack.webUrl}/#/pages/me/index`);
  await page.getByTestId('me-callbacks').click();
  const card = page.locator('[data-testid^="cb-"]').filter({ hasText: '楼道灯不亮' }).first();
  await card.waitFor();
  expect(await card.innerText()).toContain('不满意');
  await card.locator('[data-testid^="cb-open-"]').click();
  await page.getByTestId('cb-outcome-reopen').click();
  await fill(page, 'cb-note', '电话回访：灯又坏了，线路老化，需重新办理');
  await e.shot('requests-5-callback');
  await page.getByTestId('cb-submit').click();
  await page.getByTestId('state-empty').filter({ hasText: '暂无待回访的诉求' }).waitFor();

  // 5. the request is 已受理 again, the reopen in its timeline — for the resident too
  await page.goto(`${stack.webUrl}/#/pkg-staff/pages/handle/index?id=${id}`);
  await status(page).filter({ hasText: '已受理' }).waitFor();
  expect(await page.getByTestId('request-reopens').innerText()).toBe('1 次');
  expect(await page.getByTestId('step-reopen').innerText()).toContain('回访后重新办理');
  expect(await page.getByTestId('step-reopen').innerText()).toContain('线路老化');
  await e.shot('requests-6-reopened');

  // 6. 统计 of 新华社区 shows the figures
  await page.goto(`${stack.webUrl}/#/pages/me/index`);
  await page.getByTestId('me-dashboard').click();
  await page.getByTestId('dash-grid').filter({ hasText: '新华社区' }).waitFor();
  expect(await page.getByTestId('stat-total').innerText()).toMatch(/^1\s*诉求总数$/);
  expect(await page.getByTestId('stat-open').innerText()).toMatch(/^1\s*办理中$/);
  expect(await page.getByTestId('stat-reopened').innerText()).toMatch(/^1\s*回访后重办$/);
  expect(await page.getByTestId('stat-rated').innerText()).toMatch(/^1\s*已评价$/);
  expect(await page.getByTestId('stat-avg-stars').innerText()).toMatch(/^2\s*星\s*平均评分$/);
  expect(await page.getByTestId('stat-five-star').innerText()).toMatch(/^0%\s*五星好评率$/);
  expect(await page.getByTestId('bar-status-accepted').innerText()).toMatch(/已受理\s*1/);
  expect(await page.getByTestId('bar-cat-facility').innerText()).toMatch(/公共设施损坏\s*1/);
  await e.shot('requests-7-dashboard');

  // the resident reads the same: 已受理, with the reopen in the timeline
  await signIn(page, 'resident-demo');
  await page.goto(`${stack.webUrl}/#/pkg-resident/pages/request/index?id=${id}`);
  await status(page).filter({ hasText: '已受理' }).waitFor();
  await page.getByTestId('step-reopen').waitFor();
  expect(await page.getByTestId('rating-form').count()).toBe(0);
  await e.shot('requests-8-resident-reopened');

  // 消息: the notifier (a timer in `npm start`, the table stream in the cloud) writes one per change
  const { drainOutbox } = await import('../functions/src/domain/notify');
  await drainOutbox();
  await page.goto(`${stack.webUrl}/#/pages/me/index`);
  await page.getByTestId('me-messages').click();
  const messages = page.locator('[data-testid^="message-"]');
  await messages.first().waitFor();
  const texts = await messages.allInnerTexts();
  expect(texts[0]).toContain('公共设施损坏：已受理'); // the reopen, newest first
  expect(texts.join('\n')).toContain('公共设施损坏：已办结待评价');
  expect(texts.join('\n')).toContain('公共设施损坏：已提交');
  await e.shot('requests-9-messages');
  await messages.first().click();
  await status(page).filter({ hasText: '已受理' }).waitFor();

  // 7. worker-demo resolves it again; resident-demo rates 非常满意 (5 stars) → 已结案
  await signIn(page, 'worker-demo');
  await page.goto(`${stack.webUrl}/#/pkg-staff/pages/handle/index?id=${id}`);
  await status(page).filter({ hasText: '已受理' }).waitFor();
  await page.getByTestId('act-resolve').click();
  await fill(page, 'act-note', '更换老化线路和灯具，已试亮');
  await page.getByTestId('act-confirm').click();
  await status(page).filter({ hasText: '已办结待评价' }).waitFor();

  await signIn(page, 'resident-demo');
  await page.goto(`${stack.webUrl}/#/pkg-resident/pages/request/index?id=${id}`);
  await page.getByTestId('rating-form').waitFor();
  await page.getByTestId('star-5').click();
  expect(await page.getByTestId('rating-name').innerText()).toBe('非常满意');
  await page.getByTestId('rating-submit').click();
  await status(page).filter({ hasText: '已结案' }).waitFor();
  expect(await page.getByTestId('rating-view').innerText()).toContain('非常满意');
  await e.shot('requests-10-closed');
});
