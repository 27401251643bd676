/**
 * 矛盾纠纷 and 信访 in a real browser on the h5 build:
 * (a) a resident's 邻里纠纷 request → worker-demo opens it as a dispute, mediates on the spot,
 *     records the agreement, prints the 调解协议书, follows up and closes it; the resident sees it;
 * (b) worker-demo registers a first-visit petition, accepts it and escalates it once; the community
 *     replies and records the petitioner's satisfaction; the figures count it as settled inside the grid.
 */
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './browser';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.stop());

let visits = 0;
async function signIn(page: Page, userId: string) {
  if (page.url().startsWith(e.stack.webUrl!)) await page.evaluate(() => localStorage.clear());
  await page.goto(`${e.stack.webUrl}/?visit=${++visits}#/pages/login/index`); // a full load: a fresh app
  await page.getByTestId(`login-${userId}`).click();
  await page.getByTestId('home-greet').filter({ hasText: '您好，' }).waitFor();
}

async function api(method: string, path: string, userId: string, body?: unknown) {
  const { token } = await fetch(`${e.stack.apiUrl}/v1/auth/dev-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  }).then((r) => r.json());
  const res = await fetch(`${e.stack.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return res.json();
}

/** Taro h5 inputs are web components around a real <input>/<textarea>. */
const input = (page: Page, testId: string, text: string) => page.getByTestId(testId).locator('input').fill(text);
const area = (page: Page, testId: string, text: string) => page.getByTestId(testId).locator('textarea').fill(text);
const statusIs = (page: Page, name: string) =>
  page.getByTestId('case-status').filter({ hasText: name }).first().waitFor();
async function openCases(page: Page, link = 'me-cases') {
  await page.goto(`${e.stack.webUrl}/#/pages/me/index`);
  await page.getByTestId(link).click();
}
const idFromUrl = (page: Page) => new URL(page.url().replace('#', '')).searchParams.get('id')!;

it('(a) a neighbour dispute mediated on the spot by the grid worker to an agreement, with the printable 调解协议书', async () => {
  const { page } = e;
  const req = await api('POST', '/v1/requests', 'resident-demo', {
    category: 'neighbor-dispute',
    description: '楼上卫生间漏水到我家天花板，沟通多次未果',
    ignoreSimilar: true,
  });

  await signIn(page, 'worker-demo');
  await openCases(page);
  await page.getByTestId(`from-request-${req.id}`).click();
  await page.getByTestId('from-request').waitFor();
  await input(page, 'party-0-name', '李强');
  await input(page, 'party-0-contact', '13912345678');
  await e.shot('cases-a1-register');
  await page.getByTestId('dispute-submit').click();
  await statusIs(page, '已登记');
  expect(await page.getByTestId('dispute-parties').innerText()).toMatch(
    /申请人\s*王丽[\s\S]*被申请人\s*李强 13912345678/,
  );

  await page.getByTestId('move-session').click();
  await input(page, 'f-place', '1号楼网格议事点');
  await area(page, 'f-notes', '现场查看漏水点，双方同意由楼上修缮防水，楼下不再追究');
  await page.getByTestId('move-submit').click();
  await statusIs(page, '调解中');

  await page.getByTestId('move-agree').click();
  await area(page, 'f-terms', '一、李强于十日内请人修缮卫生间防水；二、修缮费用由李强承担；三、王丽不再主张其他赔偿。');
  await page.getByTestId('f-signed-yes').click();
  await page.getByTestId('move-submit').click();
  await statusIs(page, '调解成功');
  await e.shot('cases-a2-agreed');

  await page.getByTestId('open-agreement').click();
  await page.getByTestId('agreement').waitFor();
  expect(await page.getByTestId('agreement-org').innerText()).toBe('新华社区人民调解委员会（印）');
  expect(await page.getByTestId('agreement').innerText()).toContain('李强于十日内请人修缮卫生间防水');
  await e.shot('cases-a3-agreement');
  await page.goBack();

  await page.getByTestId('move-close').click();
  await page.getByTestId('f-fulfilled-yes').click();
  await area(page, 'f-note', '十日后回访，防水已修好，双方满意');
  await page.getByTestId('move-submit').click();
  await statusIs(page, '已回访结案');
  const disputeId = idFromUrl(page);

  // the resident is a party: it is in 我的纠纷与信访
  await signIn(page, 'resident-demo');
  await openCases(page);
  expect(await page.getByTestId(`dispute-${disputeId}`).innerText()).toContain('已回访结案');

  const stats = await api('GET', '/v1/stats/grids/hz-hp-xh', 'community-admin-demo');
  expect(stats.disputes).toMatchObject({ mediatedOnSpot: 1, mediatedByCommunity: 0, agreed: 1 });
});

it('(b) a first-visit petition settled inside the grid after one escalation', async () => {
  const { page } = e;
  await signIn(page, 'worker-demo');
  await openCases(page);
  await page.getByTestId('tab-petition').click();
  await page.getByTestId('new-case').click();
  await input(page, 'p-subject', '小区停车位被长期占用');
  await area(page, 'p-content', '小区内公共停车位被个别业主长期用地锁占用，多次反映未解决');
  await page.getByTestId('grid-hz-hp-xh-c1-a1-b1-u1').click();
  await input(page, 'p-name', '周大海');
  await input(page, 'p-contact', '13655556666');
  await page.getByTestId('petition-submit').click();
  await statusIs(page, '已登记');
  const id = idFromUrl(page);

  await page.getByTestId('move-accept').click();
  await page.getByTestId('move-submit').click();
  await statusIs(page, '办理中');
  await page.getByTestId('move-escalate').click();
  await area(page, 'f-note', '涉及物业公司，需社区协调');
  await page.getByTestId('move-submit').click();
  await page.getByTestId('petition-level').filter({ hasText: '社区级' }).waitFor();
  await e.shot('cases-b1-escalated');

  await signIn(page, 'community-admin-demo');
  await openCases(page);
  await page.getByTestId('tab-petition').click();
  await page.getByTestId(`petition-${id}`).click();
  await page.getByTestId('move-reply').click();
  await area(page, 'f-reply', '社区已协调物业拆除地锁，恢复公共车位，并在楼栋公示');
  await page.getByTestId('move-submit').click();
  await statusIs(page, '已答复待评价');
  await page.getByTestId('move-rate').click();
  await page.getByTestId('f-stars-5').click();
  await page.getByTestId('move-submit').click();
  await statusIs(page, '已办结');
  expect(await page.getByTestId('case-timeline').innerText()).toMatch(
    /评价[\s\S]*答复[\s\S]*上报上一级[\s\S]*受理[\s\S]*登记/,
  );
  await e.shot('cases-b2-closed');

  await openCases(page, 'me-cases-stats');
  await page.getByTestId('fig-in-grid-rate').filter({ hasText: '100%' }).waitFor();
  expect(await page.getByTestId('bar-settled-community').innerText()).toContain('1');
  await e.shot('cases-b3-figures');
});
