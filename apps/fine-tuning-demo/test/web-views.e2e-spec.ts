// The page's own logic against answers the real app rarely gives on cue, served by playwright's
// request routing (the page itself comes from the real app): the jobs list refreshes until no job
// is live, the job buttons follow the status, the curve is drawn from `metrics` events, an upload
// shows its progress and a refusal's reason, and a retried submit (after a 429 with Retry-After or
// a 503) reuses its Idempotency-Key while a new click gets a new one.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canRun,
  describeSetup,
  launchChromium,
  openPage,
  startApp,
  type WatchedPage,
} from './web-browser.js';
import { BACKENDS, DATASET, job, json, routeJob, sseEvent } from './web-fixtures.js';

describeSetup();

describe.runIf(canRun)('the page against routed answers', { timeout: 60_000 }, () => {
  let app: NestExpressApplication;
  let origin: string;
  let browser: Browser | undefined;
  let watched: WatchedPage;
  let page: Page;

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

  it('reloads the jobs list while a job is live, and stops once none is', async () => {
    const statuses = ['queued', 'running', 'succeeded'];
    let calls = 0;
    await page.route('**/api/fine-tuning/jobs', (route) =>
      json(route, { data: [job(statuses[Math.min(calls++, statuses.length - 1)]!)] }),
    );
    await page.goto(`${origin}/#/jobs`);
    await page.waitForSelector('#app[data-state="ready"] tr[data-status="succeeded"]');
    expect(calls).toBe(3);
    expect(await page.locator('tr[data-id="job-1"] .badge').innerText()).toBe('succeeded');
    await page.unroute('**/api/fine-tuning/jobs');
  });

  it('enables cancel, pause and resume by status', async () => {
    await routeJob(page, 'running');
    await page.goto(`${origin}/#/jobs/job-1`);
    await page.waitForSelector('#app[data-state="running"]');
    const enabled = async () =>
      Promise.all(['cancel', 'pause', 'resume'].map((a) => page.isEnabled(`#job-${a}`)));
    expect(await enabled()).toEqual([true, true, false]);
    await page.click('#job-pause');
    await page.waitForSelector('#app[data-state="paused"]');
    expect(await enabled()).toEqual([true, false, true]);
    await page.goto('about:blank');
    await page.unrouteAll();
  });

  it('draws the loss curve and the status line from the metrics events alone', async () => {
    const points = [
      { step: 1, trainLoss: 2.5, validLoss: null },
      { step: 2, trainLoss: 2.1, validLoss: 2.4 },
      { step: 3, trainLoss: 1.9, validLoss: null },
    ];
    const stream = [
      sseEvent('status', job('running')),
      ...points.map((point) => sseEvent('metrics', point)),
      sseEvent('done', job('succeeded')),
    ].join('');
    await routeJob(page, 'running', stream);
    await page.goto(`${origin}/#/jobs/job-1`);
    await page.waitForSelector('#app[data-state="succeeded"]');
    expect(await page.getAttribute('path.train-loss', 'data-points')).toBe('3');
    expect(await page.getAttribute('path.valid-loss', 'data-points')).toBe('1');
    expect(await page.locator('#job-status').innerText()).toContain(
      'step 3 · train loss 1.900 · validation loss 2.400',
    );
    await page.goto('about:blank');
    await page.unrouteAll();
  });

  it('sends the same Idempotency-Key on a retry and a new one on a new click', async () => {
    const keys: string[] = [];
    await page.route('**/api/fine-tuning/datasets/ds-1', (route) => json(route, DATASET));
    await page.route('**/api/fine-tuning/backends', (route) => json(route, BACKENDS));
    await page.route('**/api/fine-tuning/jobs', (route) => {
      keys.push(route.request().headers()['idempotency-key']!);
      if (keys.length === 1)
        return route.fulfill({
          status: 429,
          headers: { 'Retry-After': '3' },
          contentType: 'application/json',
          body: JSON.stringify({ statusCode: 429, message: 'too many jobs' }),
        });
      if (keys.length === 2) return json(route, { statusCode: 503, message: 'busy' }, 503);
      return json(route, job('queued'), 201);
    });
    await page.goto(`${origin}/#/datasets/ds-1`);
    await page.waitForSelector('#app[data-state="ready"]');
    await page.click('#job-submit');
    await page.waitForSelector('#job-retry');
    const told = await page.locator('#submit-job .status').innerText();
    expect(told).toContain('too many jobs');
    expect(told).toContain('Try again in 3 s.');
    await page.click('#job-submit');
    await page.waitForFunction(() =>
      document.querySelector('#submit-job .status')?.textContent?.includes('busy'),
    );
    expect(keys).toHaveLength(2);
    expect(await page.locator('#job-retry').count()).toBe(1);
    await routeJob(page, 'queued');
    await page.click('#job-retry');
    await page.waitForSelector('#app[data-view="job"][data-state="queued"]');
    expect(keys).toHaveLength(3);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe(keys[1]);
    await page.goto('about:blank');
    await page.unrouteAll();
  });

  it('shows the upload under way, then the report; a refused upload shows why', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let uploads = 0;
    await page.route('**/api/fine-tuning/datasets', async (route) => {
      if (route.request().method() !== 'POST') return json(route, { data: [] });
      if (++uploads === 1) return json(route, { statusCode: 413, message: 'file too large' }, 413);
      await held;
      return json(route, DATASET, 201);
    });
    await page.route('**/api/fine-tuning/datasets/ds-1', (route) => json(route, DATASET));
    await page.route('**/api/fine-tuning/backends', (route) => json(route, BACKENDS));
    await page.goto(`${origin}/#/`);
    await page.waitForSelector('#app[data-state="ready"]');
    const file = (name: string) => ({
      name,
      mimeType: 'application/jsonl',
      buffer: Buffer.from('{}\n'),
    });
    await page.setInputFiles('#dataset-file', file('big.jsonl'));
    await page.waitForSelector('#upload .error');
    expect(await page.locator('#upload .status').innerText()).toContain('file too large');
    expect(await page.locator('#upload-progress').isHidden()).toBe(true);
    await page.setInputFiles('#dataset-file', file('train.jsonl'));
    await page.waitForSelector('#upload-progress:not([hidden])');
    expect(await page.locator('#upload .status').innerText()).toBe('Uploading train.jsonl…');
    release();
    await page.waitForSelector('#app[data-view="dataset"][data-state="ready"]');
    expect(await page.locator('#stat-examples').innerText()).toBe('40');
    await page.goto('about:blank');
    await page.unrouteAll();
  });

  it('logged no console error other than the routed failures', () => {
    const unexpected = watched.problems.filter(
      (text) => !/status of (413|429|503)|ERR_FAILED/.test(text),
    );
    expect(unexpected).toEqual([]);
  });
});
