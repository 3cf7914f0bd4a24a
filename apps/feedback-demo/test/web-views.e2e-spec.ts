// The labelling page's other views in Chromium against the real app: results (the SVG
// leaderboard, its table, the agreement figures) and home (campaigns with invite links, the
// 中文 toggle) after votes cast through the API; the rating view (1–5 on each criterion before
// the vote) and the correction view; and a vote whose POST fails, shown with the server's
// message and stored once after retries with the same id.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadyCampaign, labelQueue, type CampaignJson } from './create-test-app.js';
import {
  canRun,
  describeSetup,
  foreignRequests,
  launchChromium,
  openPage,
  startApp,
  voteWithKey,
  type WatchedPage,
} from './web-browser.js';

const MODELS = ['local-detailed', 'local-brief'];
const PROMPTS = ['What is 2 + 2?', '长城有多长？', 'Name a colour.'];

describeSetup();

describe.runIf(canRun)('the other views in Chromium', { timeout: 60_000 }, () => {
  let app: NestExpressApplication;
  let origin: string;
  let browser: Browser | undefined;
  let watched: WatchedPage;
  let campaign: CampaignJson;

  beforeAll(async () => {
    ({ app, origin } = await startApp());
    const body = { name: '长城 · views', prompts: PROMPTS, models: MODELS };
    ({ campaign } = await createReadyCampaign(app, body));
    await labelQueue(app, campaign.id, 'api-annotator', () => 'left');
    browser = await launchChromium();
    watched = await openPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const responseFeedback = async (responseId: string) =>
    JSON.stringify(
      (
        await request(app.getHttpServer()).get(
          `/api/feedback/responses/${encodeURIComponent(responseId)}`,
        )
      ).body,
    );

  it('draws the leaderboard, its table and the agreement figures', async () => {
    const { page } = watched;
    await page.goto(`${origin}/#/results/${campaign.id}`);
    const chart = page.getByRole('img', { name: 'Rating per model, with its interval' });
    await chart.waitFor();
    expect((await chart.boundingBox())!.width).toBeGreaterThan(300);
    expect(await chart.locator('.model-row').count()).toBe(2);
    expect(await chart.locator('.tick').count()).toBeGreaterThan(1);
    const rows = page.locator('#leaderboard-table tbody tr');
    expect(await rows.count()).toBe(2);
    expect((await rows.allInnerTexts()).join('\n')).toContain(MODELS[0]!);
    expect(await page.locator('dd[data-figure="votes"]').innerText()).toBe('3');
    expect(await page.locator('#annotator-table').innerText()).toContain('api-annotator');
    expect(await page.locator('#generation').innerText()).toContain('All answers generated');
  });

  it('lists the campaign on the home page with its invite link, in Chinese after the toggle', async () => {
    const { page } = watched;
    await page.goto(`${origin}/#/`);
    const row = page.locator(`tr[data-campaign-id="${campaign.id}"]`);
    await row.waitFor();
    expect(await row.locator('input.invite').inputValue()).toBe(
      `${origin}${campaign.invite!.path}`,
    );
    const models = page.locator('#create-campaign input[name="models"]');
    expect(await models.count()).toBeGreaterThanOrEqual(2);
    await page.click('#lang-toggle');
    await page.locator('h1', { hasText: '评测活动' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await row.locator('td').first().innerText()).toBe('长城 · views');
    await page.click('#lang-toggle');
  });

  it('rates both answers before the vote in #/rate, and saves a correction in #/correct', async () => {
    const { page, tasks } = watched;
    await page.goto(`${origin}${campaign.invite!.path.replace('/label/', '/rate/')}`);
    await page.fill('#annotator-name', 'rater 评分员');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#app[data-state="task"]');
    const rated = tasks.get((await page.getAttribute('.task', 'data-task-id'))!)!;
    await page.keyboard.press('2');
    expect(await page.locator('.status').innerText()).toContain('Rate both answers');
    for (const side of ['left', 'right'])
      for (const criterion of ['helpfulness', 'correctness', 'clarity'])
        await page.check(
          `input[name="rate-${side}-${criterion}"][value="${side === 'left' ? 2 : 5}"]`,
        );
    await voteWithKey(watched, '2');
    expect(watched.cast.at(-1)!.vote).toMatchObject({ taskId: rated.taskId, choice: 'right' });
    expect(await responseFeedback(rated.right.responseId)).toContain('"helpfulness":5');
    expect(await responseFeedback(rated.left.responseId)).toContain('"helpfulness":2');

    await page.goto(`${origin}/#/correct/${campaign.id}`);
    await page.waitForSelector('#app[data-state="task"]');
    const corrected = tasks.get((await page.getAttribute('.task', 'data-task-id'))!)!;
    await page.keyboard.press('1');
    await page.waitForSelector('#correction-text');
    expect(await page.inputValue('#correction-text')).toBe(corrected.left.text);
    await page.fill('#correction-text', '更好的回答：长城约两万一千公里。');
    await page.keyboard.press('Control+Enter');
    await page.locator('.status', { hasText: 'Correction saved' }).waitFor();
    expect(await responseFeedback(corrected.left.responseId)).toContain('长城约两万一千公里');
  });

  it('logged no console error, opened no dialog and asked nothing of another origin', () => {
    expect(watched.problems).toEqual([]);
    expect(foreignRequests(watched, origin)).toEqual([]);
  });

  it("shows a failed vote's error message, and stores it once after retries with the same id", async () => {
    const { campaign: single } = await createReadyCampaign(app, {
      name: 'retry',
      prompts: ['Hello'],
      models: MODELS,
    });
    const { page } = await openPage(browser!);
    const sent: string[] = [];
    const statuses: number[] = [];
    let refusals = 3;
    // Three refusals: the page's own two automatic retries, then the failure it shows.
    await page.route('**/api/feedback/votes', async (route) => {
      sent.push(route.request().postData() ?? '');
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
    await page.goto(`${origin}${single.invite!.path}`);
    await page.fill('#annotator-name', 'retrier');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#app[data-state="task"]');
    await page.keyboard.press('1');
    await page.waitForSelector('#app[data-state="failed"]', { timeout: 15_000 });
    expect(await page.locator('.status').innerText()).toContain('store busy, try again');
    await page.click('.status button.retry');
    await page.waitForSelector('#app[data-state="finished"]');
    expect(sent).toHaveLength(4);
    expect(new Set(sent).size).toBe(1);
    expect(statuses).toEqual([201]);
    const agreement = await request(app.getHttpServer()).get(
      `/api/feedback/campaigns/${single.id}/agreement`,
    );
    expect(agreement.body).toMatchObject({ votes: 1 });
  });
});
