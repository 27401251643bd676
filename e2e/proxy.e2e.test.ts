/**
 * 红色代办 (red proxy agents) in a real browser on the h5 build, three users side by side (one
 * browser context each, so each keeps its own sign-in):
 * worker-demo (赵刚) registers an elder without WeChat (张桂兰) as a 帮扶对象 and opens a proxy task
 * for her with witnessed consent (本人签字、网格员见证) → agent-demo (陈红) sees it masked in 任务大厅
 * and claims it; agent-demo-2 (周强), on a stale 任务大厅, loses the claim → 陈红 sees the elder
 * unmasked, starts, applies for 老年助餐服务登记 (网上直办) on her behalf, completes the task linking
 * that application → 赵刚 confirms for the elder and rates 5 stars → 陈红's access has ended (masked
 * again) and her 代办员档案 counts one task at 5.0.
 *
 * The application on her behalf goes through the services form (pkg-services, pages/service with
 * `onBehalfOf` and `taskId`), whose result page leads back to the task.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { SERVICES } from '@gridlink/shared/services-catalog';
import { ROOT, startE2E, type E2E } from './browser';

let e: E2E;
let agentCtx: BrowserContext;
let agent2Ctx: BrowserContext;
beforeAll(async () => {
  e = await startE2E();
  const opts = { viewport: { width: 390, height: 844 }, locale: 'zh-CN' };
  agentCtx = await e.browser.newContext(opts);
  agent2Ctx = await e.browser.newContext(opts);
});
afterAll(async () => {
  await agentCtx?.close();
  await agent2Ctx?.close();
  await e?.stop();
});

/** A valid ID number (GB 11643 checksum) for someone born on 1941-06-15. */
function idNumber(body17 = '21090219410615002'): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return body17 + '10X98765432'[sum % 11];
}
const ELDER = { name: '张桂兰', phone: '13904185566', idNumber: idNumber(), unitId: 'hz-hp-xh-c1-a1-b1-u3' };
const SERVICE = SERVICES.find((s) => s.code === 'elderly-meal-service')!;

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

/** Presses 确定 on Taro's h5 modal (Taro.showModal). */
async function confirmModal(page: Page) {
  await page.locator('.taro-model__confirm').filter({ visible: true }).click();
}

/** e.shot() pictures the worker's page; this one any page. */
async function shot(page: Page, name: string) {
  await page.waitForTimeout(700);
  await page.screenshot({ path: path.join(ROOT, '.artifacts/e2e', `${name}.png`) });
}

const statusOf = (page: Page) => byId(page, 'task-status');
const idFromUrl = (page: Page) => /[?&]id=([^&]+)/.exec(page.url())?.[1] ?? '';

/** The bearer token the app keeps in localStorage (Taro h5 stores `{"data": value}`). */
async function tokenOf(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('gridlink.token'));
  if (!raw) throw new Error('not signed in');
  try {
    const v = JSON.parse(raw) as { data?: string } | string;
    return typeof v === 'string' ? v : (v.data ?? '');
  } catch {
    return raw;
  }
}

it('worker registers an elder and opens a witnessed task → agent claims in 任务大厅 → applies on her behalf → completes → worker confirms and rates', async () => {
  const worker = e.page;
  const agent = await agentCtx.newPage();
  const agent2 = await agent2Ctx.newPage();
  try {
    await story(worker, agent, agent2);
  } catch (err) {
    // leave pictures of all three screens for whoever reads the failure
    for (const [name, p] of [
      ['worker', worker],
      ['agent', agent],
      ['agent2', agent2],
    ] as const) {
      await shot(p, `proxy-debug-${name}`).catch(() => undefined);
      console.log(
        name,
        p.url(),
        (
          await p
            .locator('body')
            .innerText()
            .catch(() => '')
        ).slice(0, 1500),
      );
    }
    throw err;
  }
}, 240_000);

async function story(worker: Page, agent: Page, agent2: Page) {
  // 1. 赵刚 (grid worker) registers 张桂兰 as a 帮扶对象: 我的 › 帮扶对象 › 登记
  await signIn(worker, 'worker-demo');
  await worker.goto(`${e.stack.webUrl}/#/pages/me/index`);
  await byId(worker, 'me-proxy-care').click();
  await byId(worker, 'care-new').click();
  await type(worker, 'care-name', ELDER.name);
  await type(worker, 'care-phone', ELDER.phone);
  await type(worker, 'care-id', ELDER.idNumber);
  await byId(worker, 'care-need-elderly_alone').click();
  await byId(worker, 'care-need-no_wechat').click();
  await byId(worker, `grid-${ELDER.unitId}`).click();
  await byId(worker, 'care-unit').waitFor();
  await type(worker, 'care-note', '82 岁独居，不会用微信，子女在外地');
  await e.shot('proxy-01-register-elder');
  await byId(worker, 'care-submit').click();
  await byId(worker, 'care-detail-name').filter({ hasText: ELDER.name }).waitFor();
  const recipientId = (await byId(worker, 'care-detail-code').innerText()).trim();
  expect(recipientId).toMatch(/^cr-/);
  expect(await byId(worker, 'care-detail-phone').innerText()).toBe(ELDER.phone);
  await e.shot('proxy-02-care-detail');

  // 2. … and opens a task for her: a service (老年助餐服务登记), consent witnessed by the worker
  await byId(worker, 'care-detail-request').click();
  await byId(worker, `recipient-${recipientId}`).waitFor();
  expect(await byId(worker, `recipient-${recipientId}`).getAttribute('aria-checked')).toBe('true');
  await byId(worker, 'kind-service').click();
  await type(worker, 'service-filter', '助餐');
  await byId(worker, `service-${SERVICE.code}`).click();
  await byId(worker, 'service-chosen').waitFor();
  await type(worker, 'request-desc', '老人行动不便、不会用微信，请代为办理老年助餐服务登记');
  // the only consent that fits a grid worker: 本人签字（网格员见证）; the others are greyed out
  expect(await byId(worker, 'consent-witnessed_signature').getAttribute('aria-checked')).toBe('true');
  expect(await byId(worker, 'consent-in_app').getAttribute('aria-disabled')).toBe('true');
  expect(await byId(worker, 'consent-family').getAttribute('aria-disabled')).toBe('true');
  // no consent, no task
  await byId(worker, 'request-submit').click();
  expect(await byId(worker, 'request-error').innerText()).toBe('请先确认已取得本人授权');
  await type(worker, 'consent-note', '本人已在纸质授权书上签字，网格员赵刚当面见证');
  await byId(worker, 'consent-given').click();
  await byId(worker, 'deadline-24').click();
  await e.shot('proxy-03-request-witnessed');
  await byId(worker, 'request-submit').click();
  await statusOf(worker).filter({ hasText: '待认领' }).waitFor();
  const taskId = idFromUrl(worker);
  expect(taskId).toBeTruthy();
  expect(await byId(worker, 'task-consent').innerText()).toBe('本人签字（网格员见证）');
  await e.shot('proxy-04-task-open');

  // 3. both agents open 任务大厅 from 首页 › 红色代办; the elder is masked there
  await signIn(agent2, 'agent-demo-2');
  await byId(agent2, 'tile-proxy').click();
  await byId(agent2, `task-${taskId}`).waitFor();

  await signIn(agent, 'agent-demo');
  await byId(agent, 'tile-proxy').click();
  const card = byId(agent, `task-${taskId}`);
  await card.waitFor();
  expect(await card.innerText()).toContain('为 张**');
  expect(await card.innerText()).not.toContain(ELDER.phone);
  await shot(agent, 'proxy-05-hall-masked');

  // 4. 陈红 claims it in the hall and lands on the task, now seeing the elder unmasked
  await card.getByTestId('action-claim').click();
  await confirmModal(agent);
  await statusOf(agent).filter({ hasText: '已认领' }).waitFor();
  expect(idFromUrl(agent)).toBe(taskId);
  expect(await byId(agent, 'recipient-phone').innerText()).toBe(ELDER.phone);
  expect(await byId(agent, 'recipient-id').innerText()).toBe(ELDER.idNumber);
  expect(await byId(agent, 'access-hint').innerText()).toContain('任务确认办结后，访问即结束');
  await shot(agent, 'proxy-06-claimed-unmasked');

  // 5. 周强, on a stale hall, tries too: exactly one wins
  await byId(agent2, `task-${taskId}`).getByTestId('action-claim').click();
  await confirmModal(agent2);
  await agent2.getByText('任务已被其他代办员认领').first().waitFor();
  await shot(agent2, 'proxy-07-claim-lost');

  // 6. 陈红 starts; 代为申请办事 opens the services form in the elder's name (onBehalfOf + taskId)
  await byId(agent, 'action-start').click();
  await statusOf(agent).filter({ hasText: '办理中' }).waitFor();
  await byId(agent, 'action-apply').click();
  await agent.waitForURL(/pkg-services\/pages\/service\/index/);
  expect(agent.url()).toContain(`code=${SERVICE.code}`);
  expect(agent.url()).toContain(`onBehalfOf=${recipientId}`);
  expect(agent.url()).toContain(`taskId=${taskId}`);
  await byId(agent, 'apply-behalf').waitFor();
  // the elder's details, not the agent's (the form is not prefilled from 陈红's profile)
  expect(await byId(agent, 'input-elderName').locator('input').inputValue()).toBe('');
  await type(agent, 'input-elderName', ELDER.name);
  await type(agent, 'input-elderIdNumber', ELDER.idNumber);
  await type(agent, 'input-phone', ELDER.phone);
  await byId(agent, 'input-meals-午餐').click();
  await byId(agent, 'input-diningMode').click();
  await agent.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true }).click();
  await agent
    .locator('.weui-picker__action', { hasText: '确定' })
    .filter({ visible: true })
    .waitFor({ state: 'hidden' });
  await shot(agent, 'proxy-08-apply-on-behalf');
  await byId(agent, 'apply-submit').click();
  await agent.waitForURL(/pkg-services\/pages\/result\/index/);
  const appId = idFromUrl(agent);
  expect(appId).toBeTruthy();
  await byId(agent, 'result-back-task').waitFor();
  await shot(agent, 'proxy-09-application-done');

  // the server agrees: it is the elder's application, filled in by 陈红, completed online at once
  const token = await tokenOf(agent);
  const app = (await (
    await fetch(`${e.stack.apiUrl}/v1/applications/${appId}`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as {
    id: string;
    status: string;
    applicantId: string;
    actedBy?: { id: string };
    resultNumber?: string;
  };
  expect(app).toMatchObject({
    id: appId,
    status: 'completed',
    applicantId: recipientId,
    actedBy: { id: 'agent-demo' },
  });
  await byId(agent, 'result-back-task').click();

  // 7. back on the task: 办理完成 with a note; the application made for her is offered and chosen
  await statusOf(agent).filter({ hasText: '办理中' }).waitFor();
  expect(idFromUrl(agent)).toBe(taskId);
  await byId(agent, 'action-complete').click();
  await byId(agent, `complete-app-${app.id}`).waitFor();
  expect(await byId(agent, `complete-app-${app.id}`).getAttribute('aria-checked')).toBe('true');
  await type(agent, 'complete-note', '已为老人在线办理老年助餐服务登记，已办结；已电话告知老人');
  await shot(agent, 'proxy-10-complete-form');
  await byId(agent, 'complete-submit').click();
  await statusOf(agent).filter({ hasText: '已办完待确认' }).waitFor();
  expect(await byId(agent, 'task-result-app').innerText()).toContain(app.id);
  expect(await agent.getByTestId('action-confirm').count()).toBe(0); // the agent cannot confirm her own work

  // 8. 赵刚 confirms for the elder (我的 › 我的代办) and rates
  await worker.goto(`${e.stack.webUrl}/#/pages/me/index`);
  await byId(worker, 'me-proxy-requested').click();
  await byId(worker, `task-${taskId}`).filter({ hasText: '已办完待确认' }).waitFor();
  await byId(worker, `task-open-${taskId}`).click();
  await byId(worker, 'action-confirm').click();
  await confirmModal(worker);
  await statusOf(worker).filter({ hasText: '已确认' }).waitFor();
  expect(await byId(worker, 'task-confirmed-by').innerText()).toContain('赵刚（网格员）');
  await byId(worker, 'star-5').click();
  await type(worker, 'rating-comment', '代办员陈红办事利索，老人很满意');
  await byId(worker, 'rating-submit').click();
  await byId(worker, 'rating-view').waitFor();
  expect(await byId(worker, 'rating-view').innerText()).toContain('非常满意');
  await byId(worker, 'step-rate').waitFor();
  await e.shot('proxy-11-confirmed-rated');

  // 9. 陈红's access ended with the task: masked again; her profile counts it
  await agent.goto(`${e.stack.webUrl}/#/pkg-proxy/pages/task/index?id=${taskId}&again=1`);
  await statusOf(agent).filter({ hasText: '已确认' }).waitFor();
  expect(await byId(agent, 'mask-hint').innerText()).toContain('权限已随之结束');
  expect(await byId(agent, 'recipient-phone').innerText()).toBe('139****5566');
  await shot(agent, 'proxy-12-access-ended');
  await agent.goto(`${e.stack.webUrl}/#/pages/me/index`);
  await byId(agent, 'me-proxy-agent').click();
  await byId(agent, 'agent-done').filter({ hasText: '1' }).waitFor();
  expect(await byId(agent, 'agent-rating').innerText()).toBe('5.0');
  await shot(agent, 'proxy-13-agent-profile');

  // and the server agrees: no more acting on her behalf once the task is confirmed
  const form = {
    elderName: ELDER.name,
    elderIdNumber: ELDER.idNumber,
    phone: ELDER.phone,
    meals: ['午餐'],
    diningMode: '送餐上门',
  };
  const late = await fetch(`${e.stack.apiUrl}/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ serviceCode: SERVICE.code, form, onBehalfOf: recipientId }),
  });
  expect(late.status).toBe(403);
}
