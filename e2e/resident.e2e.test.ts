/** Resident story in a real browser: sign in as resident-demo, bind to a unit in the tree, see it on 我的. */
import { startE2E, type E2E } from './browser';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.stop());

it('resident-demo signs in, binds to 和谐家园 › 东片区 › 1号楼 › 二单元 and sees it on 我的', async () => {
  const { page, stack } = e;
  await page.goto(`${stack.webUrl}/#/pages/login/index`);
  await page.getByTestId('login-resident-demo').click();
  // the greeting shows the name once /v1/me has answered
  await page.getByTestId('home-greet').filter({ hasText: '王丽' }).waitFor();
  await e.shot('resident-1-home');

  await page.goto(`${stack.webUrl}/#/pages/me/index`);
  await page.getByTestId('me-unit').waitFor();
  expect(await page.getByTestId('me-unit').innerText()).toContain('幸福小区');
  await page.getByTestId('me-bind').click();

  for (const id of ['hz-hp-xh-c2', 'hz-hp-xh-c2-a1', 'hz-hp-xh-c2-a1-b1', 'hz-hp-xh-c2-a1-b1-u2']) {
    await page.getByTestId(`grid-${id}`).click();
  }
  await e.shot('resident-2-bind');
  await page.getByTestId('bind-confirm').click();

  await page.getByTestId('me-unit').filter({ hasText: '和谐家园' }).waitFor({ timeout: 15000 });
  expect(await page.getByTestId('me-unit').innerText()).toMatch(/和谐家园.*东片区.*1号楼.*二单元/);
  await e.shot('resident-3-me');

  // the server agrees: the binding is real, not a page state
  const login = await fetch(`${stack.apiUrl}/v1/auth/dev-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'resident-demo' }),
  }).then((r) => r.json());
  expect(login.user.unitId).toBe('hz-hp-xh-c2-a1-b1-u2');
});
