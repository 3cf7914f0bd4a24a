// The labelling page in a real browser (Debian's Chromium driven by playwright-core) against the
// real app on a free port: an annotator labels a whole queue with the keyboard only, undoes the
// last vote and votes again; the DPO file exported afterwards holds exactly those votes, each
// answer on the side it was shown; model output that echoes HTML stays text; Chinese renders; the
// results and home pages draw their data; no console error and no request leaves the origin.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_PAGE_ROOT } from '../src/web/web.module.js';
import {
  createReadyCampaign,
  createTestApp,
  type CampaignJson,
  type TaskJson,
} from './create-test-app.js';

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
const installed = existsSync(CHROMIUM_PATH);
const built = existsSync(join(WEB_PAGE_ROOT, 'index.html'));

const HTML = '<img src=x onerror=alert(1)><b>x</b>';
const CHINESE = '请用一句话介绍长城，它有多长？';
const PROMPTS = [`Repeat this: ${HTML}`, CHINESE, 'What is 2 + 2?'];
/** Keys pressed on the queue's tasks, in order: left, tie, right. */
const KEYS = ['1', '3', '2'] as const;
const CHOICE_OF_KEY = { '1': 'left', '2': 'right', '3': 'tie', '4': 'both-bad' } as const;

interface Cast {
  task: TaskJson;
  vote: { id: string; taskId: string; choice: string; timeSpentMs: number; annotator: string };
  reveal: { left: string; right: string };
}

// Without Chromium or the built page there is nothing to test: fail, naming the fix (rule 14).
describe('the labelling page test setup', () => {
  it('has Chromium and the built page', () => {
    expect(
      installed,
      `Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH`,
    ).toBe(true);
    expect(
      built,
      `${WEB_PAGE_ROOT}/index.html is missing: run npm run build -w @repo/feedback-demo`,
    ).toBe(true);
  });
});

describe.runIf(installed && built)('the labelling page in Chromium', { timeout: 60_000 }, () => {
  const problems: string[] = [];
  const requests: string[] = [];
  const tasks = new Map<string, TaskJson>();
  const cast: Cast[] = [];
  let app: NestExpressApplication;
  let browser: Browser | undefined;
  let page: Page;
  let origin: string;
  let campaign: CampaignJson & { models: string[] };

  beforeAll(async () => {
    app = await createTestApp();
    await app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const models = await request(app.getHttpServer()).get('/api/feedback/models');
    const names = (models.body as { models: Array<{ name: string }> }).models.map((m) => m.name);
    const created = await createReadyCampaign(app, {
      name: '长城 · web test',
      prompts: PROMPTS,
      models: names.slice(0, 2),
    });
    campaign = { ...created.campaign, models: names.slice(0, 2) };
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (req) => requests.push(req.url()));
    // What the page fetched and sent, to compare with the export. A body the page dropped by
    // navigating away is not recorded (the tests check what they rely on).
    page.on('response', (response) => void record(response).catch(() => undefined));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function record(response: Response): Promise<void> {
    const url = new URL(response.url());
    if (url.pathname.endsWith('/next') && response.status() === 200) {
      const task = (await response.json()) as TaskJson;
      tasks.set(task.taskId, task);
    }
    if (url.pathname === '/api/feedback/votes' && response.ok()) {
      const vote = response.request().postDataJSON() as Cast['vote'];
      const { reveal } = (await response.json()) as { reveal: Cast['reveal'] };
      cast.push({ task: tasks.get(vote.taskId)!, vote, reveal });
    }
  }

  const state = () => page.getAttribute('#app', 'data-state');
  const taskId = () => page.getAttribute('.task', 'data-task-id');

  /** Presses a choice key and waits for the next task (or the end of the queue). */
  async function vote(key: string): Promise<void> {
    const before = await taskId();
    const votes = cast.length;
    await page.keyboard.press(key);
    await page.waitForSelector('#app[data-state="reveal"]');
    await page.waitForFunction((previous) => {
      const main = document.querySelector<HTMLElement>('#app');
      const shown = document.querySelector<HTMLElement>('.task')?.dataset.taskId;
      return (
        main?.dataset.state === 'finished' || (main?.dataset.state === 'task' && shown !== previous)
      );
    }, before);
    await expect.poll(() => cast.length).toBe(votes + 1);
  }

  /** What must hold of the task on screen: HTML in an answer shown as text, Chinese rendered. */
  async function checkShownTask(task: TaskJson): Promise<string[]> {
    const prompt = task.prompt.at(-1)!.content;
    if (prompt.includes(HTML)) {
      const side = task.left.text.includes(HTML) ? 'left' : 'right';
      expect(task[side].text).toContain(HTML);
      expect(await page.locator(`.answer-${side} .answer-text`).innerText()).toContain(HTML);
      expect(await page.locator('.prompt').innerText()).toContain(HTML);
      expect(await page.locator('#app img, #app b, #app script').count()).toBe(0);
      return ['html'];
    }
    if (prompt === CHINESE) {
      expect(await page.locator('.prompt').innerText()).toContain(CHINESE);
      const answers = await page.locator('.answers').innerText();
      expect(answers).toContain(CHINESE.slice(0, 4));
      // Side by side, and the text wraps inside its card: nothing wider than the window.
      const [left, right] = await Promise.all([
        page.locator('.answer-left').boundingBox(),
        page.locator('.answer-right').boundingBox(),
      ]);
      expect(left!.x + left!.width).toBeLessThanOrEqual(right!.x);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
      return ['chinese'];
    }
    return [];
  }

  it('labels the whole queue with the keyboard only', async () => {
    await page.goto(`${origin}${campaign.invite!.path}`);
    await page.waitForSelector('#annotator-name');
    expect(page.url()).not.toContain('invite=');
    await page.keyboard.type('王小明');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#app[data-state="task"]');
    const checked: string[] = [];
    for (const [index, key] of KEYS.entries()) {
      expect(await page.locator('.progress-text').innerText()).toBe(
        `${index} done / ${KEYS.length - index} remaining`,
      );
      checked.push(...(await checkShownTask(tasks.get((await taskId())!)!)));
      await vote(key);
    }
    expect(checked.sort()).toEqual(['chinese', 'html']);
    expect(await state()).toBe('finished');
    expect(await page.locator('.status').innerText()).toContain('All done');
    expect(cast.map((c) => c.vote.choice)).toEqual(KEYS.map((key) => CHOICE_OF_KEY[key]));
    expect(new Set(cast.map((c) => c.vote.taskId)).size).toBe(PROMPTS.length);
    for (const { vote: sent, reveal } of cast) {
      expect(sent.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(sent.annotator).toBe('王小明');
      expect(sent.timeSpentMs).toBeGreaterThanOrEqual(0);
      expect(new Set([reveal.left, reveal.right])).toEqual(new Set(campaign.models));
    }
  });

  it('undoes the last vote with u, shows that task again, and takes a new vote', async () => {
    const last = cast.at(-1)!;
    await page.keyboard.press('u');
    await page.waitForFunction(
      (id) =>
        document.querySelector<HTMLElement>('#app[data-state="task"] .task')?.dataset.taskId === id,
      last.vote.taskId,
    );
    expect(await page.locator('.status').innerText()).toContain('Vote undone');
    expect(await page.locator('.progress-text').innerText()).toBe('2 done / 1 remaining');
    await vote('1');
    expect(await state()).toBe('finished');
    expect(cast.at(-1)!.vote).toMatchObject({ taskId: last.vote.taskId, choice: 'left' });
    expect(cast.at(-1)!.vote.id).not.toBe(last.vote.id);
  });

  it('exports (dpo-trl, downloaded from the results page) exactly the decisive votes, sides mapped', async () => {
    // The votes in force: the undone one replaced by the vote after it.
    const final = new Map(cast.map((c) => [c.vote.taskId, c]));
    const expected = [...final.values()]
      .filter(({ vote: v }) => v.choice === 'left' || v.choice === 'right')
      .map(({ task, vote: v }) => {
        const [chosen, rejected] =
          v.choice === 'left' ? [task.left, task.right] : [task.right, task.left];
        return {
          prompt: task.prompt.at(-1)!.content,
          chosen: chosen.text,
          rejected: rejected.text,
        };
      });
    await page.goto(`${origin}/#/results/${campaign.id}`);
    await page.waitForSelector('#leaderboard svg');
    await page.selectOption('#export-format', 'dpo-trl');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#export-download'),
    ]);
    expect(download.suggestedFilename()).toBe(`${campaign.id}-dpo-trl.jsonl`);
    const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\n');
    type Turn = { role: string; content: string };
    const exported = lines.map(
      (line) => JSON.parse(line) as { prompt: Turn[]; chosen: Turn[]; rejected: Turn[] },
    );
    const sortKey = (row: { prompt: string }) => row.prompt;
    expect(
      exported
        .map((row) => ({
          prompt: row.prompt.at(-1)!.content,
          chosen: row.chosen[0]!.content,
          rejected: row.rejected[0]!.content,
        }))
        .sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
    ).toEqual(expected.sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
    expect(expected.length).toBe(2);
  });

  it('draws the leaderboard, its table and the agreement figures', async () => {
    const chart = page.getByRole('img', { name: 'Rating per model, with its interval' });
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(await chart.locator('.model-row').count()).toBe(2);
    expect(await chart.locator('.tick').count()).toBeGreaterThan(1);
    const rows = page.locator('#leaderboard-table tbody tr');
    expect(await rows.count()).toBe(2);
    expect((await rows.allInnerTexts()).join('\n')).toContain(campaign.models[0]!);
    expect(await page.locator('dd[data-figure="votes"]').innerText()).toBe('3');
    expect(await page.locator('#annotator-table').innerText()).toContain('王小明');
    expect(await page.locator('#generation').innerText()).toContain('All answers generated');
  });

  it('lists the campaign on the home page with its invite link, in Chinese after the toggle', async () => {
    await page.goto(`${origin}/#/`);
    const row = page.locator(`tr[data-campaign-id="${campaign.id}"]`);
    await row.waitFor();
    expect(await row.locator('input.invite').inputValue()).toBe(
      `${origin}${campaign.invite!.path}`,
    );
    expect(
      await page.locator('#create-campaign input[name="models"]').count(),
    ).toBeGreaterThanOrEqual(2);
    await page.click('#lang-toggle');
    await page.locator('h1', { hasText: '评测活动' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await row.locator('td').first().innerText()).toBe('长城 · web test');
  });

  it('rates both answers before the vote in #/rate, and saves a correction in #/correct', async () => {
    await page.evaluate(() => {
      localStorage.setItem('feedback.annotator', 'rater 评分员');
      localStorage.setItem('feedback.lang', 'en');
    });
    // A new hash keeps the document (and its language): reload to read the stored one.
    await page.goto(`${origin}/#/rate/${campaign.id}`);
    await page.reload();
    await page.waitForSelector('#app[data-state="task"]');
    const rated = tasks.get((await taskId())!)!;
    await page.keyboard.press('2');
    expect(await page.locator('.status').innerText()).toContain('Rate both answers');
    for (const side of ['left', 'right'])
      for (const criterion of ['helpfulness', 'correctness', 'clarity'])
        await page.check(
          `input[name="rate-${side}-${criterion}"][value="${side === 'left' ? 2 : 5}"]`,
        );
    await vote('2');
    expect(cast.at(-1)!.vote).toMatchObject({ taskId: rated.taskId, choice: 'right' });
    const stored = await request(app.getHttpServer()).get(
      `/api/feedback/responses/${encodeURIComponent(rated.right.responseId)}`,
    );
    expect(stored.status).toBe(200);
    expect(JSON.stringify(stored.body)).toContain('"helpfulness":5');

    await page.goto(`${origin}/#/correct/${campaign.id}`);
    await page.waitForSelector('#app[data-state="task"]');
    const corrected = tasks.get((await taskId())!)!;
    await page.keyboard.press('1');
    await page.waitForSelector('#correction-text');
    expect(await page.inputValue('#correction-text')).toBe(corrected.left.text);
    await page.fill('#correction-text', '更好的回答：长城约两万一千公里。');
    await page.keyboard.press('Control+Enter');
    await page.locator('.status', { hasText: 'Correction saved' }).waitFor();
    const after = await request(app.getHttpServer()).get(
      `/api/feedback/responses/${encodeURIComponent(corrected.left.responseId)}`,
    );
    expect(JSON.stringify(after.body)).toContain('更好的回答：长城约两万一千公里。');
  });

  it('logged no console error, opened no dialog and asked nothing of another origin', () => {
    expect(problems).toEqual([]);
    expect(
      requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:')),
    ).toEqual([]);
    expect(requests.length).toBeGreaterThan(10);
  });
});

describe.runIf(installed && built)('a vote whose POST fails', { timeout: 60_000 }, () => {
  let app: NestExpressApplication;
  let browser: Browser | undefined;

  beforeAll(async () => {
    app = await createTestApp();
    await app.listen(0, '127.0.0.1');
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows the error body's message and is retried with the same id, stored once", async () => {
    const origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const { campaign } = await createReadyCampaign(app, {
      name: 'retry',
      prompts: ['Hello'],
      models: ['local-detailed', 'local-brief'],
    });
    const page = await browser!.newPage();
    const sent: Array<{ id: string; choice: string }> = [];
    const statuses: number[] = [];
    let refusals = 3;
    // Three refusals: the page's own two automatic retries, then the failure it shows.
    await page.route('**/api/feedback/votes', async (route) => {
      sent.push(route.request().postDataJSON() as { id: string; choice: string });
      if (refusals-- > 0)
        return route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({
            statusCode: 503,
            error: 'Service Unavailable',
            message: 'store busy, try again',
          }),
        });
      const response = await route.fetch();
      statuses.push(response.status());
      return route.fulfill({ response });
    });
    await page.goto(`${origin}${campaign.invite!.path}`);
    await page.fill('#annotator-name', 'retrier');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#app[data-state="task"]');
    await page.keyboard.press('1');
    await page.waitForSelector('#app[data-state="failed"]', { timeout: 15_000 });
    expect(await page.locator('.status').innerText()).toContain('store busy, try again');
    await page.click('.status button.retry');
    await page.waitForSelector('#app[data-state="finished"]');
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(statuses).toEqual([201]);
    const agreement = await request(app.getHttpServer()).get(
      `/api/feedback/campaigns/${campaign.id}/agreement`,
    );
    expect(agreement.body).toMatchObject({ votes: 1 });
  });
});
