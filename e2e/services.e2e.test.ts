/**
 * 办事 (convenience services) in a real browser on the h5 build, two users side by side (one
 * browser context each, so each keeps its own sign-in):
 * resident-demo opens 办事 → 志愿者注册 (网上直办, no photo needed) → gets a 办件编号 at once;
 * then applies for 法律援助申请 (reviewed) → office-demo 退回补正 saying what is missing →
 * resident-demo supplements → office-demo approves → the resident sees 已办结 with a 办件编号.
 * Last, 长辈版 on 办事 makes the type larger, and stays on after a reload.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT, startE2E, type E2E } from './browser';

let e: E2E;
let office: BrowserContext;
beforeAll(async () => {
  e = await startE2E();
  office = await e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
});
afterAll(async () => {
  await office?.close();
  await e?.stop();
});

/** A valid resident ID number (GB 11643 checksum). */
const ID_NUMBER = '210902198503152020';

/** The element with this test id on the page being shown (Taro h5 keeps earlier pages hidden). */
const byId = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true }).first();

async function signIn(page: Page, userId: string) {
  await page.goto(`${e.stack.webUrl}/#/pages/login/index`);
  await page.getByTestId(`login-${userId}`).click();
  await page.getByTestId('home-greet').filter({ hasText: '您好，' }).waitFor();
}

/** Types into a Taro h5 input or textarea (a web component around the real element). */
async function type(page: Page, testId: string, text: string) {
  await byId(page, testId).locator('input, textarea').first().fill(text);
}

/** Opens a Taro h5 Picker and confirms (the wheel starts on the first option). */
async function pickFirst(page: Page, testId: string) {
  await byId(page, testId).click();
  await page.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true }).click();
  await page
    .locator('.weui-picker__action', { hasText: '确定' })
    .filter({ visible: true })
    .waitFor({ state: 'hidden' });
}

/** e.shot() pictures the resident's page; this one the office's. */
async function officeShot(page: Page, name: string) {
  await page.waitForTimeout(700);
  await page.screenshot({ path: path.join(ROOT, '.artifacts/e2e', `${name}.png`) });
}

const idFromUrl = (page: Page) => /[?&]id=([^&]+)/.exec(page.url())?.[1] ?? '';

async function fontSize(page: Page, selector: string) {
  return page
    .locator(selector)
    .filter({ visible: true })
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

it('网上直办 gives a 办件编号 at once; a reviewed service goes 退回补正 → 补正 → 审核通过 → 已办结', async () => {
  const officePage = await office.newPage();
  try {
    await story(officePage);
  } catch (err) {
    // what each user was looking at when it failed
    await e.shot('services-debug-resident').catch(() => undefined);
    await officeShot(officePage, 'services-debug-office').catch(() => undefined);
    console.log('resident:', e.page.url(), '\noffice:', officePage.url());
    throw err;
  }
}, 240_000);

async function story(officePage: Page) {
  const { page } = e;

  // ---- resident-demo: 办事 → 志愿者注册 (online-direct) ------------------------------------------
  await signIn(page, 'resident-demo');
  await page.getByTestId('tile-services').click();
  await byId(page, 'services-search').waitFor();
  await byId(page, 'service-volunteer-registration').waitFor();
  expect(await byId(page, 'service-volunteer-registration').innerText()).toContain('网上直办');
  await e.shot('services-1-tab');
  await byId(page, 'service-volunteer-registration').click();

  await byId(page, 'form').waitFor();
  // prefilled from 我的 (GET /v1/me)
  expect(await byId(page, 'input-name').locator('input').inputValue()).toBe('王丽');
  expect(await byId(page, 'input-phone').locator('input').inputValue()).toBe('13904181234');
  // a mistake is caught under its field before anything is sent
  await type(page, 'input-idNumber', '210902198503152026');
  await byId(page, 'apply-submit').click();
  expect(await byId(page, 'error-idNumber').innerText()).toContain('身份证号校验位不正确');
  expect(await byId(page, 'error-areas').innerText()).toContain('请至少选择一项');
  await e.shot('services-2-form-errors');
  await type(page, 'input-idNumber', ID_NUMBER);
  await byId(page, 'input-areas-助老助残').click();
  await byId(page, 'input-areas-网格巡查').click();
  await pickFirst(page, 'input-availableTime');
  expect(await byId(page, 'input-availableTime').innerText()).toContain('工作日');
  await byId(page, 'apply-submit').click();

  await byId(page, 'result-number').waitFor({ timeout: 15000 });
  expect(await byId(page, 'result-status').innerText()).toBe('已办结');
  expect(await byId(page, 'result-number').innerText()).toMatch(/^HZ\d{8}[A-Za-z0-9_-]{6}$/);
  expect(await byId(page, 'result-applicant').innerText()).toBe('王丽');
  expect(await byId(page, 'result-service').innerText()).toBe('志愿者注册');
  await e.shot('services-3-direct-result');

  // ---- resident-demo: 法律援助申请 (reviewed) ---------------------------------------------------
  await byId(page, 'result-more').click(); // 继续办事
  await type(page, 'services-search', '法律援助');
  await byId(page, 'service-legal-aid').click();
  await byId(page, 'form').waitFor();
  expect(await byId(page, 'service-days').innerText()).toBe('承诺 7 个工作日');
  await type(page, 'input-idNumber', ID_NUMBER);
  await pickFirst(page, 'input-matter');
  await pickFirst(page, 'input-hardship');
  await type(page, 'input-facts', '公司拖欠工资三个月，多次讨要未果');
  await e.shot('services-4-legal-aid-form');
  await byId(page, 'apply-submit').click();
  await byId(page, 'result-promise').waitFor({ timeout: 15000 });
  expect(await byId(page, 'result-status').innerText()).toBe('已提交');
  expect(await byId(page, 'result-promise').innerText()).toBe('已提交，承诺 7 个工作日内办结');
  const appId = idFromUrl(page);
  expect(appId).not.toBe('');
  await e.shot('services-5-submitted');

  // ---- office-demo: 审核队列 → 退回补正 -----------------------------------------------------------
  await signIn(officePage, 'office-demo');
  await officePage.getByTestId('tile-review').click();
  await byId(officePage, `app-${appId}`).click();
  await byId(officePage, 'value-facts').waitFor();
  expect(await byId(officePage, 'value-facts').innerText()).toContain('公司拖欠工资三个月');
  expect(await byId(officePage, 'review-applicant').innerText()).toContain('王丽');
  await byId(officePage, 'review-return').click();
  expect(await byId(officePage, 'review-note-error').innerText()).toBe('请写明需要补正的内容');
  await type(officePage, 'review-note', '请补充欠薪的时间和金额');
  await byId(officePage, 'review-return').click();
  await byId(officePage, 'review-done').filter({ hasText: '待补正' }).waitFor({ timeout: 15000 });
  await officeShot(officePage, 'services-6-office-returned');

  // ---- resident-demo: 我的办件 → 补正 ------------------------------------------------------------
  await page.goto(`${e.stack.webUrl}/#/pages/me/index`);
  await byId(page, 'me-applications').click();
  await byId(page, `app-${appId}`).filter({ hasText: '待补正' }).click();
  await byId(page, 'app-note').waitFor();
  expect(await byId(page, 'app-note').innerText()).toContain('请补充欠薪的时间和金额');
  // the fields come back with what was sent
  expect(await byId(page, 'input-facts').locator('textarea').inputValue()).toBe('公司拖欠工资三个月，多次讨要未果');
  await type(page, 'input-facts', '公司自2024年12月起拖欠工资三个月，共计 12000 元，多次讨要未果');
  await type(page, 'supplement-note', '已补充欠薪时间和金额');
  await e.shot('services-7-supplement');
  await byId(page, 'supplement-submit').click();
  await byId(page, 'app-status').filter({ hasText: '审核中' }).waitFor({ timeout: 15000 });
  expect(await byId(page, 'app-step-supplement').innerText()).toContain('已补充欠薪时间和金额');

  // ---- office-demo: 审核通过 --------------------------------------------------------------------
  await officePage.reload();
  await byId(officePage, 'review-actions').waitFor();
  expect(await byId(officePage, 'value-facts').innerText()).toContain('共计 12000 元');
  await byId(officePage, 'review-approve').click();
  await byId(officePage, 'review-number').waitFor({ timeout: 15000 });
  expect(await byId(officePage, 'review-status').innerText()).toBe('已办结');
  await officeShot(officePage, 'services-7b-office-approved');

  // ---- resident-demo: 已办结 with a 办件编号 ------------------------------------------------------
  await page.reload();
  await byId(page, 'app-status').filter({ hasText: '已办结' }).waitFor({ timeout: 15000 });
  expect(await byId(page, 'app-number').innerText()).toMatch(/办件编号：HZ\d{8}/);
  await byId(page, 'star-5').click();
  await byId(page, 'rating-submit').click();
  await byId(page, 'app-rating').waitFor({ timeout: 15000 });
  expect(await byId(page, 'app-rating').innerText()).toContain('非常满意');
  await e.shot('services-8-completed');
  await byId(page, 'app-certificate').click();
  await byId(page, 'result-number').waitFor();
  expect(await byId(page, 'result-status').innerText()).toBe('已办结');
  expect(await byId(page, 'result-way').innerText()).toBe('社区便民服务站审核办结');
  await e.shot('services-9-certificate');
}

it('长辈版 on 办事 enlarges the type, fewer tiles per row, and is remembered', async () => {
  try {
    await elderStory();
  } catch (err) {
    await e.shot('services-debug-elder').catch(() => undefined);
    console.log(
      'elder:',
      e.page.url(),
      (
        await e.page
          .locator('body')
          .innerText()
          .catch(() => '')
      ).slice(0, 500),
    );
    throw err;
  }
}, 120_000);

async function elderStory() {
  const { page } = e;
  await page.goto(`${e.stack.webUrl}/#/pages/services/index`);
  await byId(page, 'service-legal-aid').waitFor();
  const name = '[data-testid="service-legal-aid"] .stile__name';
  const before = await fontSize(page, name);
  const widthBefore = await byId(page, 'service-legal-aid').evaluate((el) => el.getBoundingClientRect().width);
  expect(await byId(page, 'services-elder').getAttribute('aria-checked')).toBe('false');

  await byId(page, 'services-elder').click();
  await byId(page, 'services-elder-state').filter({ hasText: '已开启' }).waitFor();
  const after = await fontSize(page, name);
  expect(after).toBeGreaterThanOrEqual(before * 1.25);
  const widthAfter = await byId(page, 'service-legal-aid').evaluate((el) => el.getBoundingClientRect().width);
  expect(widthAfter).toBeGreaterThan(widthBefore * 1.5); // one tile per row instead of two
  const lineHeight = await page
    .locator(name)
    .filter({ visible: true })
    .first()
    .evaluate((el) => {
      const s = getComputedStyle(el);
      return parseFloat(s.lineHeight) / parseFloat(s.fontSize);
    });
  expect(lineHeight).toBeGreaterThanOrEqual(1.5);
  await e.shot('services-10-elder');

  // remembered for this user: after a reload, and on 我的
  await page.reload();
  await byId(page, 'service-legal-aid').waitFor();
  expect(await fontSize(page, name)).toBe(after);
  await page.goto(`${e.stack.webUrl}/#/pages/me/index`);
  await byId(page, 'me-elder').waitFor();
  expect(await byId(page, 'me-elder').getAttribute('aria-checked')).toBe('true');
  await e.shot('services-11-elder-me');
  await byId(page, 'me-elder').click();
  expect(await byId(page, 'me-elder').getAttribute('aria-checked')).toBe('false');
}
