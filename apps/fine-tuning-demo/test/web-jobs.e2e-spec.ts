// A job from the page in a real browser against the real app: a short SFT run submitted from the
// report's form (with an Idempotency-Key) draws its loss curve live and reaches succeeded; the
// chat side by side answers a Chinese prompt from both models; the compare shows a win rate and
// its rows; the jobs list shows the badge; Chinese labels; no console error on any page.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSlice } from './create-test-app.js';
import {
  canRun,
  describeSetup,
  foreignRequests,
  launchChromium,
  openPage,
  startApp,
  uploadThroughPage,
  type WatchedPage,
} from './web-browser.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CHINESE = '什么是微调？';

interface MetricsJson {
  points: Array<{ step: number; trainLoss: number; validLoss: number | null }>;
}

describeSetup();

describe.runIf(canRun)('a fine-tuning job in Chromium', { timeout: 90_000 }, () => {
  let app: NestExpressApplication;
  let origin: string;
  let browser: Browser | undefined;
  let watched: WatchedPage;
  let page: Page;
  let jobId: string;

  beforeAll(async () => {
    ({ app, origin } = await startApp());
    browser = await launchChromium();
    watched = await openPage(browser);
    page = watched.page;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('submits a short SFT job with an Idempotency-Key and opens its page', async () => {
    await page.goto(`${origin}/#/`);
    await page.waitForSelector('#app[data-state="ready"]');
    await uploadThroughPage(page, 'sft-40.jsonl', await bundledSlice('sft.jsonl', 40));
    await page.fill('#job-epochs', '1');
    await page.fill('#job-batch-size', '8');
    await page.fill('#job-alias', 'demo-tuned');
    const [submitted] = await Promise.all([
      page.waitForRequest((req) => req.method() === 'POST' && req.url().endsWith('/jobs')),
      page.click('#job-submit'),
    ]);
    expect(submitted.headers()['idempotency-key']).toMatch(UUID);
    expect(submitted.postDataJSON()).toMatchObject({
      backend: 'local-llm',
      model: 'tiny-gpt',
      method: 'supervised',
      hyperparameters: { nEpochs: 1, batchSize: 8 },
      alias: 'demo-tuned',
    });
    await page.waitForSelector('#app[data-view="job"]');
    jobId = decodeURIComponent(new URL(page.url()).hash.replace('#/jobs/', ''));
    expect(jobId).not.toBe('');
  });

  it('draws the loss curve from the metrics and reaches succeeded', async () => {
    await page.waitForSelector('#app[data-state="succeeded"]', { timeout: 80_000 });
    const res = await request(app.getHttpServer()).get(`/api/fine-tuning/jobs/${jobId}/metrics`);
    const { points } = res.body as MetricsJson;
    expect(points.length).toBeGreaterThan(1);
    await expect
      .poll(() => page.getAttribute('#loss-chart path.train-loss', 'data-points'))
      .toBe(String(points.length));
    const d = (await page.getAttribute('#loss-chart path.train-loss', 'd'))!;
    expect(d.match(/[ML][\d.]+ [\d.]+/g)).toHaveLength(points.length);
    expect(await page.locator('#loss-chart .tick').count()).toBeGreaterThan(4);
    expect(await page.locator('#loss-chart .axis-title').allTextContents()).toEqual([
      'Step',
      'Loss',
    ]);
    const status = await page.locator('#job-status').innerText();
    expect(status).toContain('succeeded');
    expect(status).toContain(`step ${points.at(-1)!.step}`);
    for (const action of ['cancel', 'pause', 'resume'])
      expect(await page.locator(`#job-${action}`).isDisabled()).toBe(true);
  });

  it('answers a Chinese prompt from the base and the tuned model side by side', async () => {
    await page.fill('#chat-prompt', CHINESE);
    await page.click('#chat-send');
    await page.waitForSelector('#chat-answers[data-state="answered"]');
    const base = await page.locator('.answer-base .answer-text').innerText();
    const tuned = await page.locator('.answer-tuned .answer-text').innerText();
    expect(base.trim()).not.toBe('');
    expect(tuned.trim()).not.toBe('');
    const baseModel = await page.locator('.answer-base .model-name').innerText();
    const tunedModel = await page.locator('.answer-tuned .model-name').innerText();
    expect(baseModel).toContain('tiny-gpt');
    expect(tunedModel).not.toBe(baseModel);
    const left = await page.locator('.answer-base').boundingBox();
    const right = await page.locator('.answer-tuned').boundingBox();
    expect(left!.x + left!.width).toBeLessThanOrEqual(right!.x);
  });

  it('compares base and tuned with the judge and shows the win rate and its rows', async () => {
    await page.fill('#compare-limit', '3');
    await page.click('#compare-start');
    await page.waitForSelector('#compare-result', { timeout: 60_000 });
    expect(await page.locator('#compare-result .win-rate').innerText()).toMatch(
      /Tuned wins [\d.]+%/,
    );
    expect(await page.locator('#compare-result tbody tr').count()).toBe(3);
  });

  it('lists the job with its badge, and switches the job page to Chinese', async () => {
    await page.click('#nav-jobs');
    await page.waitForSelector(`#jobs tr[data-id="${jobId}"][data-status="succeeded"]`);
    expect(await page.locator(`#jobs tr[data-id="${jobId}"] .badge`).innerText()).toBe('succeeded');
    expect(await page.locator(`#jobs tr[data-id="${jobId}"] a`).innerText()).toBe('demo-tuned');
    await page.click('#lang-toggle');
    expect(await page.locator(`#jobs tr[data-id="${jobId}"] .badge`).innerText()).toBe('已完成');
    await page.click(`#jobs tr[data-id="${jobId}"] a`);
    await page.waitForSelector('#app[data-state="succeeded"]');
    expect(await page.locator('#chat h2').innerText()).toBe('基础模型与微调模型对比');
    expect(await page.locator('#loss-chart .axis-title').allTextContents()).toEqual([
      '步数',
      '损失',
    ]);
    await page.click('#lang-toggle');
  });

  it('logged no console error, opened no dialog and asked nothing of another origin', () => {
    expect(watched.problems).toEqual([]);
    expect(foreignRequests(watched, origin)).toEqual([]);
  });
});
