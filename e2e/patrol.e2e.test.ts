/**
 * The grid worker's day in a real browser on the h5 build, with the browser's geolocation simulated:
 * worker-demo clocks in, patrols along a simulated track, checks in at the two key points of the
 * demo building, self-handles one event and reports another; leader-demo sees the track drawn with
 * the key points and point-calls the worker, who answers with a photo taken with the camera.
 */
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './browser';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  await e.page.context().grantPermissions(['geolocation'], { origin: e.stack.webUrl });
});
afterAll(async () => e?.stop());

const CENTER = { latitude: 42.0115, longitude: 121.6608 };
const GATE = { latitude: 42.0118, longitude: 121.6612 };
const YARD = { latitude: 42.0113, longitude: 121.6603 };
const UNIT = 'hz-hp-xh-c1-a1-b1-u1';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

let visits = 0;
async function signIn(page: Page, userId: string) {
  if (page.url().startsWith(e.stack.webUrl!)) await page.evaluate(() => localStorage.clear());
  await page.goto(`${e.stack.webUrl}/?visit=${++visits}#/pages/login/index`);
  await page.getByTestId(`login-${userId}`).click();
  await page.getByTestId('home-greet').filter({ hasText: '您好，' }).waitFor();
}
const at = (page: Page, p: { latitude: number; longitude: number }) =>
  page.context().setGeolocation({ ...p, accuracy: 10 });
const textOf = (page: Page, testId: string) => page.getByTestId(testId).innerText();
async function photo(page: Page, testId: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(testId).click();
  await (await chooser).setFiles({ name: 'scene.png', mimeType: 'image/png', buffer: PNG });
  await page.getByText('上传中…').waitFor({ state: 'detached', timeout: 15000 });
}
async function fileEvent(page: Page, mode: 'self' | 'report', category: string, text: string) {
  await page.getByTestId(mode === 'self' ? 'patrol-self' : 'patrol-report').click();
  await page.getByTestId(`cat-${category}`).click();
  await page.getByTestId(`unit-${UNIT}`).click();
  await page.getByTestId('event-description').locator('textarea').fill(text);
  await photo(page, 'event-photos-add');
  if (mode === 'self') {
    await page.getByTestId('event-resolution').locator('input').fill('已现场清理');
    await photo(page, 'event-after-add');
  }
  await page.getByTestId('event-submit').click();
  await page.getByTestId('patrol-live').waitFor();
}

it('a worker’s patrol day, seen and point-called by the leader', async () => {
  const { page } = e;
  await at(page, CENTER);
  await signIn(page, 'worker-demo');
  await page.getByTestId('tile-patrol').click();

  // 1. clock in inside the fence
  await page.getByTestId('go-attendance').click();
  await page.getByTestId('clock-in').click();
  await page.getByTestId('clock').filter({ hasNotText: '未签到' }).waitFor();
  expect(await textOf(page, 'sheet-days')).toContain('1');
  await e.shot('patrol-1-clock-in');
  await page.getByTestId('attendance-back').click();

  // 2. patrol along a simulated walk (a fix every ~5 s), then upload
  await page.getByTestId('patrol-start').click();
  await page.getByTestId('patrol-live').waitFor();
  for (let i = 1; i <= 4; i++) {
    await page.waitForTimeout(5200);
    await at(page, { latitude: CENTER.latitude + i * 0.00007, longitude: CENTER.longitude + i * 0.00003 });
  }
  await page.waitForTimeout(5200);
  // 3. check in at the two key points by location
  await at(page, GATE);
  await page.getByTestId('kp-kp-demo-gate-here').click();
  await page.getByTestId('kp-kp-demo-gate-done').waitFor();
  await page.waitForTimeout(5200);
  await at(page, YARD);
  await page.getByTestId('kp-kp-demo-yard-here').click();
  await page.getByTestId('kp-kp-demo-yard-done').waitFor();
  await page.getByTestId('patrol-sync').click();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="patrol-points"]')?.textContent?.replace(/\D/g, '')) >= 4,
  );
  await e.shot('patrol-2-track');

  // 4. self-handle one event, report another
  await fileEvent(page, 'self', 'sanitation', '楼道堆放杂物，影响通行');
  await page.getByTestId('patrol-events').filter({ hasText: '0 / 1' }).waitFor();
  await fileEvent(page, 'report', 'street-vending', '东门外占道经营');
  await page.getByTestId('patrol-events').filter({ hasText: '1 / 1' }).waitFor();
  await page.getByTestId('patrol-sync').click();
  await e.shot('patrol-3-events');

  // 5. the leader sees the patrol under way, its track with the key points, and point-calls the worker
  await signIn(page, 'leader-demo');
  await page.getByTestId('tile-patrol-lead').click();
  const row = page.locator('[data-testid^="active-"][data-testid$="-track"]').first();
  await row.click();
  await page.getByTestId('track-map').waitFor();
  expect(Number((await textOf(page, 'track-points')).replace(/\D/g, ''))).toBeGreaterThanOrEqual(4);
  expect(await textOf(page, 'track-checkins')).toMatch(/小区东门.*1号楼消防通道/);
  await e.shot('patrol-4-leader-track');
  await page.getByTestId('track-call').click();
  await page.getByText('已发起点调').waitFor();

  // 6. the worker answers with a live photo (camera input) and the location
  await signIn(page, 'worker-demo');
  await page.getByTestId('tile-patrol').click();
  await page.getByTestId('go-calls').click();
  const answer = page.locator('[data-testid^="call-"][data-testid$="-answer"]').first();
  const chooser = page.waitForEvent('filechooser');
  await answer.click();
  const fc = await chooser;
  expect(await fc.element().getAttribute('capture')).toBe('environment'); // camera, not the album
  await fc.setFiles({ name: 'live.png', mimeType: 'image/png', buffer: PNG });
  await page.locator('[data-testid$="-status"]').filter({ hasText: '已应答' }).first().waitFor({ timeout: 15000 });
  await e.shot('patrol-5-answered');
}, 240_000);
