/**
 * Shared e2e plumbing: the local stack (fresh table on the run's DynamoDB Local) serving the h5
 * build, and a headless Chromium page. Screenshots go to .artifacts/e2e/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startStack, type Stack } from '../functions/src/local/stack';

export const ROOT = path.resolve(__dirname, '..');
const H5 = path.join(ROOT, 'miniapp/dist/h5');
const SHOTS = path.join(ROOT, '.artifacts/e2e');

export interface E2E {
  stack: Stack;
  browser: Browser;
  page: Page;
  shot(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  if (!existsSync(path.join(H5, 'index.html')))
    throw new Error('h5 build missing: run `npm run build:web` (npm test builds it)');
  const stack = await startStack({
    dynamoEndpoint: process.env.DYNAMODB_ENDPOINT,
    tableName: `e2e-${randomBytes(5).toString('hex')}`,
    webDir: H5,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  mkdirSync(SHOTS, { recursive: true });
  return {
    stack,
    browser,
    page,
    shot: async (name) => {
      await page.waitForTimeout(700); // let Taro's page transition finish so the picture shows the page
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
    },
    stop: async () => {
      await browser.close();
      await stack.stop();
    },
  };
}
