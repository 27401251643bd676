/**
 * 社区吹哨、部门报到 both ways in a real browser (issue 14): a request reported, accepted and dispatched
 * to 区住房和城乡建设局 (through the API) → dept-demo signs for it (报到) on 办理 → asks for 3 more days
 * (申请延期) → leader-demo approves (批准延期) → dept-demo resolves with a result and a photo → the
 * community sees the result and its photo.
 */
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './browser';
import { greyPng } from './png';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.stop());

async function call(method: string, path: string, userId: string, body?: unknown) {
  const login = await fetch(`${e.stack.apiUrl}/v1/auth/dev-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${e.stack.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

let visits = 0;
async function signIn(page: Page, userId: string) {
  const { stack } = e;
  if (page.url().startsWith(stack.webUrl!)) await page.evaluate(() => localStorage.clear());
  await page.goto(`${stack.webUrl}/?visit=${++visits}#/pages/login/index`);
  await page.getByTestId(`login-${userId}`).click();
  await page.getByTestId('home-greet').filter({ hasText: '您好，' }).waitFor();
}

const fill = (page: Page, testId: string, text: string) => page.getByTestId(testId).locator('textarea').fill(text);
const status = (page: Page) => page.getByTestId('request-status');

it('a department signs for (报到), asks for an extension the community approves, and resolves with a photo', async () => {
  const { page, stack } = e;
  const r = await call('POST', '/v1/requests', 'resident-demo', {
    category: 'facility',
    description: '3号楼门口路灯杆倾斜，存在安全隐患',
    ignoreSimilar: true,
  });
  const id = r.id as string;
  await call('POST', `/v1/requests/${id}/accept`, 'worker-demo', {});
  await call('POST', `/v1/requests/${id}/dispatch`, 'leader-demo', { departmentId: 'dept-housing', note: '转住建' });
  const handle = `${stack.webUrl}/#/pkg-staff/pages/handle/index?id=${id}`;

  // 1. dept-demo finds it in 待办 and signs for it: 报到 and 退回 only, until it has signed
  await signIn(page, 'dept-demo');
  await page.getByTestId('tile-inbox').click();
  await page.getByTestId(`request-${id}`).click();
  await status(page).filter({ hasText: '已转办' }).waitFor();
  expect(await page.getByTestId('dept-sign-due').innerText()).toContain('报到时限');
  expect(await page.getByTestId('act-resolve').count()).toBe(0);
  await page.getByTestId('act-deptReturn').waitFor();
  await e.shot('deptflow-1-dispatched');
  await page.getByTestId('act-sign').click();
  await fill(page, 'act-note', '已安排人员今日到场查看');
  await page.getByTestId('act-confirm').click();
  await page.getByTestId('dept-signed').waitFor();

  // 2. it asks once for 3 more days
  await page.getByTestId('act-requestExtension').click();
  await page.getByTestId('extend-3').click();
  await fill(page, 'act-note', '需更换灯杆，等待材料到货');
  await page.getByTestId('act-confirm').click();
  await page.getByTestId('dept-extension').filter({ hasText: '待社区审批' }).waitFor();
  expect(await page.getByTestId('act-requestExtension').count()).toBe(0);
  await e.shot('deptflow-2-extension-asked');

  // 3. leader-demo approves it (批准延期 shows only while one is pending)
  await signIn(page, 'leader-demo');
  await page.goto(handle);
  await page.getByTestId('dept-extension').filter({ hasText: '待社区审批' }).waitFor();
  await page.getByTestId('act-approveExtension').click();
  await page.getByTestId('act-confirm').click();
  await page.getByTestId('dept-extension').filter({ hasText: '已批准' }).waitFor();
  expect(await page.getByTestId('act-approveExtension').count()).toBe(0);
  await e.shot('deptflow-3-extension-approved');

  // 4. dept-demo resolves: the result and a photo are required
  await signIn(page, 'dept-demo');
  await page.goto(handle);
  await page.getByTestId('dept-extension').filter({ hasText: '已批准' }).waitFor();
  await page.getByTestId('act-resolve').click();
  await fill(page, 'act-note', '已更换灯杆并加固基础');
  await page.getByTestId('act-confirm').click();
  expect(await page.getByTestId('act-error').innerText()).toBe('部门办结需填写办理结果并上传至少一张照片');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('resolve-photo-add').click();
  await (await chooser).setFiles({ name: 'pole.png', mimeType: 'image/png', buffer: greyPng(16, 0x66) });
  await page.getByTestId('resolve-photo-0').waitFor();
  await page.getByText('上传中…').waitFor({ state: 'detached', timeout: 15000 });
  await e.shot('deptflow-4-resolve-form');
  await page.getByTestId('act-confirm').click();
  await status(page).filter({ hasText: '已办结待评价' }).waitFor();

  // 5. the community reads the result with its photo
  await signIn(page, 'community-admin-demo');
  await page.goto(handle);
  await page.getByTestId('handle-result').filter({ hasText: '已更换灯杆并加固基础' }).waitFor();
  const img = page.getByTestId('result-photos-0').locator('img');
  await img.waitFor();
  await page.waitForFunction(
    (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
    await img.elementHandle(),
    { timeout: 10000 },
  );
  expect(await page.getByTestId('step-sign').count()).toBeGreaterThan(0);
  await e.shot('deptflow-5-resolved');
});
