/**
 * The command centre (指挥中心) in a real browser, desktop-sized: street-admin-demo opens it from 首页,
 * sees the street's figures and tree map, drills down to 新华社区, urges (督办) an overdue request in
 * the queue and exports the figures table to .xlsx (the file is read back with exceljs).
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { slaSweep } from '../functions/src/domain/requests/sweep';
import { startE2E, type E2E } from './browser';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.stop());

async function api(method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(e.stack.apiUrl + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const login = async (userId: string) =>
  (await api('POST', '/v1/auth/dev-login', undefined, { userId })).body.token as string;

it('street staff open the centre, drill down to a community, urge an overdue request and export a table', async () => {
  const { page, stack } = e;
  // an overdue request of 新华社区: reported by a resident, past its SLA (the sweep with a later clock)
  const resident = await login('resident-demo');
  const created = await api('POST', '/v1/requests', resident, {
    category: 'public-order',
    description: '小区广场夜间噪音扰民，持续一周',
    ignoreSimilar: true,
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect(await slaSweep(new Date(Date.now() + 13 * 3600_000).toISOString())).toBeGreaterThanOrEqual(1);

  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`${stack.webUrl}/?visit=1#/pages/login/index`);
  await page.getByTestId('login-street-admin-demo').click();
  await page.getByTestId('home-greet').filter({ hasText: '您好，' }).waitFor();
  await page.getByTestId('home-scoreboard').waitFor();
  await page.getByTestId('tile-centre').click();

  // the street: tree map of its communities, figures, the children's table
  await page.getByTestId('centre-map').waitFor({ timeout: 20000 });
  expect(await page.getByTestId('crumb-0').innerText()).toContain('和平街道');
  await page.getByTestId('centre-treemap').locator('canvas').first().waitFor({ state: 'attached' });
  await page.getByTestId('child-hz-hp-xh').waitFor();
  expect(Number(await page.getByTestId('fig-reported').locator('.centre-fig__value').innerText())).toBeGreaterThan(0);
  await e.shot('centre-1-street');

  // drill down to the community
  await page.getByTestId('child-hz-hp-xh').click();
  await page.getByTestId('crumb-1').filter({ hasText: '新华社区' }).waitFor();
  await page.getByTestId(`queue-${id}`).waitFor({ timeout: 15000 });
  expect(await page.getByTestId(`queue-${id}`).innerText()).toContain('督办 0 次');
  await e.shot('centre-2-community');

  // 督办
  await page.getByTestId(`urge-${id}`).click();
  await page.getByTestId(`queue-${id}`).filter({ hasText: '督办 1 次' }).waitFor();
  const street = await login('street-admin-demo');
  const detail = await api('GET', `/v1/requests/${id}`, street);
  expect((detail.body.timeline as { action: string }[]).some((t) => t.action === 'urge')).toBe(true);
  await e.shot('centre-3-urged');

  // export the figures table: the browser downloads the .xlsx, which opens and names the community
  const download = page.waitForEvent('download');
  await page.getByTestId('export-figures').click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(file)) as never);
  const sheet = wb.worksheets[0];
  expect(sheet.getRow(1).getCell(1).value).toBe('网格');
  expect(sheet.getRow(2).getCell(1).value).toBe('新华社区');
  await e.shot('centre-4-exported');
});
