// What the fine-tuning page's browser tests share: Debian's Chromium through playwright-core, the
// real app on a free port, and a page whose console errors, uncaught exceptions, dialogs and
// requests are collected (every test ends by asserting there were none, and nothing foreign).
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WEB_PAGE_ROOT } from '../src/web/web.module.js';
import { createTestApp } from './create-test-app.js';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The flags that keep Debian's Chromium quiet and quick in a container (docs/dependencies.md).
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Chromium is there and the page is built (`vite build`, part of the app's build). */
export const canRun = existsSync(CHROMIUM_PATH) && existsSync(join(WEB_PAGE_ROOT, 'index.html'));

/** Without Chromium or the built page there is nothing to test: a failing test names the fix. */
export function describeSetup(): void {
  describe('the fine-tuning page test setup', () => {
    it('has Chromium and the built page', () => {
      const chromiumHint = `Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH`;
      expect(existsSync(CHROMIUM_PATH), chromiumHint).toBe(true);
      const builtHint = `${WEB_PAGE_ROOT}/index.html is missing: run npm run build -w @repo/fine-tuning-demo`;
      expect(existsSync(join(WEB_PAGE_ROOT, 'index.html')), builtHint).toBe(true);
    });
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** The app listening on a free loopback port. */
export async function startApp(
  env: Record<string, string> = {},
): Promise<{ app: NestExpressApplication; origin: string }> {
  const app = await createTestApp(env);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, origin: `http://127.0.0.1:${port}` };
}

export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught exceptions and dialogs (an `alert` from injected content). */
  problems: string[];
  requests: string[];
}

export async function openPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
  });
  const page = await context.newPage();
  const watched: WatchedPage = { page, problems: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.problems.push(message.text());
  });
  page.on('pageerror', (error) => watched.problems.push(error.message));
  page.on('dialog', (dialog) => {
    watched.problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => watched.requests.push(request.url()));
  return watched;
}

/** Chooses a file in the upload box (a named in-memory file) and waits for its report page. */
export async function uploadThroughPage(page: Page, name: string, text: string): Promise<string> {
  await page.setInputFiles('#dataset-file', {
    name,
    mimeType: 'application/jsonl',
    buffer: Buffer.from(text),
  });
  await page.waitForSelector('#app[data-view="dataset"][data-state="ready"]');
  return decodeURIComponent(new URL(page.url()).hash.replace('#/datasets/', ''));
}

/** Only the page's own origin was asked for anything. */
export function foreignRequests(watched: WatchedPage, origin: string): string[] {
  return watched.requests.filter((url) => !url.startsWith(`${origin}/`));
}
