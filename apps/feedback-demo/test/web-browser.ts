// What the labelling page's browser tests share: Debian's Chromium through playwright-core, the
// real app on a free port, a page whose console errors, dialogs and requests are collected, and
// a record of the tasks it was shown and the votes it cast (from its own traffic).
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WEB_PAGE_ROOT } from '../src/web/web.module.js';
import { createTestApp, type TaskJson } from './create-test-app.js';

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
  describe('the labelling page test setup', () => {
    it('has Chromium and the built page', () => {
      const chromiumHint = `Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH`;
      expect(existsSync(CHROMIUM_PATH), chromiumHint).toBe(true);
      const builtHint = `${WEB_PAGE_ROOT}/index.html is missing: run npm run build -w @repo/feedback-demo`;
      expect(existsSync(join(WEB_PAGE_ROOT, 'index.html')), builtHint).toBe(true);
    });
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** The app (open unless `env` sets FEEDBACK_ADMIN_TOKEN) listening on a free loopback port. */
export async function startApp(
  env: Record<string, string> = {},
): Promise<{ app: NestExpressApplication; origin: string }> {
  const app = await createTestApp(env);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, origin: `http://127.0.0.1:${port}` };
}

export interface Cast {
  task: TaskJson;
  vote: { id: string; taskId: string; choice: string; timeSpentMs: number; annotator: string };
  reveal: { left: string; right: string };
}

export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught exceptions and dialogs (an `alert` from model output). */
  problems: string[];
  requests: string[];
  /** Every task the page received from GET …/next, by id. */
  tasks: Map<string, TaskJson>;
  /** Every vote the server accepted, in order. */
  cast: Cast[];
}

export async function openPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
  });
  const page = await context.newPage();
  const watched: WatchedPage = { page, problems: [], requests: [], tasks: new Map(), cast: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.problems.push(message.text());
  });
  page.on('pageerror', (error) => watched.problems.push(error.message));
  page.on('dialog', (dialog) => {
    watched.problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => watched.requests.push(request.url()));
  // A body the page dropped by navigating away is not recorded (tests check what they rely on).
  page.on('response', (response) => void record(watched, response).catch(() => undefined));
  return watched;
}

async function record(watched: WatchedPage, response: Response): Promise<void> {
  const url = new URL(response.url());
  if (url.pathname.endsWith('/next') && response.status() === 200) {
    const task = (await response.json()) as TaskJson;
    watched.tasks.set(task.taskId, task);
  }
  if (url.pathname === '/api/feedback/votes' && response.ok()) {
    const vote = response.request().postDataJSON() as Cast['vote'];
    const { reveal } = (await response.json()) as { reveal: Cast['reveal'] };
    watched.cast.push({ task: watched.tasks.get(vote.taskId)!, vote, reveal });
  }
}

export const shownTaskId = (page: Page) => page.getAttribute('.task', 'data-task-id');
export const pageState = (page: Page) => page.getAttribute('#app', 'data-state');

/** Presses a choice key, then waits for the reveal, the next task (or the end) and the record. */
export async function voteWithKey(watched: WatchedPage, key: string): Promise<void> {
  const { page, cast } = watched;
  const before = await shownTaskId(page);
  const votes = cast.length;
  await page.keyboard.press(key);
  await page.waitForSelector('#app[data-state="reveal"]');
  await page.waitForFunction((previous) => {
    const state = document.querySelector<HTMLElement>('#app')?.dataset.state;
    const shown = document.querySelector<HTMLElement>('.task')?.dataset.taskId;
    return state === 'finished' || (state === 'task' && shown !== previous);
  }, before);
  await expect.poll(() => cast.length).toBe(votes + 1);
}

/** Only the page's own origin (and the blob: of a download) was asked for anything. */
export function foreignRequests(watched: WatchedPage, origin: string): string[] {
  return watched.requests.filter(
    (url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:'),
  );
}
