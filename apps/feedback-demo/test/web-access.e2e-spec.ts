// The labelling page against an app with FEEDBACK_ADMIN_TOKEN, in Chromium: the home page asks
// for the admin token on its 401 and then creates a campaign through its form; an annotator in
// another browser context, holding only the invite link, labels the queue (the token goes as
// X-Invite-Token) and sees the results, but an export (admin only) asks for the admin token.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canRun,
  describeSetup,
  launchChromium,
  openPage,
  startApp,
  voteWithKey,
} from './web-browser.js';

const ADMIN_TOKEN = 'web-test-admin-token-0123456789abcdef';

describeSetup();

describe.runIf(canRun)('the page with FEEDBACK_ADMIN_TOKEN set', { timeout: 60_000 }, () => {
  let app: NestExpressApplication;
  let origin: string;
  let browser: Browser | undefined;
  let invite = '';

  beforeAll(async () => {
    ({ app, origin } = await startApp({ FEEDBACK_ADMIN_TOKEN: ADMIN_TOKEN }));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('asks for the admin token, then creates a campaign with the form', async () => {
    const { page } = await openPage(browser!);
    await page.goto(`${origin}/#/`);
    await page.waitForSelector('#admin-token');
    await page.fill('#admin-token', ADMIN_TOKEN);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#create-campaign');
    expect(await page.evaluate(() => sessionStorage.getItem('feedback.adminToken'))).toBe(
      ADMIN_TOKEN,
    );
    await page.fill('#campaign-name', '访问控制');
    await page.fill('#campaign-prompts', 'What is 2 + 2?\n长城有多长？');
    await page.click('#create-campaign button[type="submit"]');
    const row = page.locator('#campaign-table tbody tr', { hasText: '访问控制' });
    await row.waitFor();
    invite = await row.locator('input.invite').inputValue();
    expect(invite).toMatch(new RegExp(`^${origin}/#/label/[^?]+\\?invite=.+`));
  });

  it('lets an annotator with only the invite link label and see results, not export', async () => {
    const watched = await openPage(browser!);
    const { page } = watched;
    const apiHeaders: Array<Record<string, string>> = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiHeaders.push(request.headers());
    });
    await page.goto(invite);
    await page.fill('#annotator-name', '受邀者');
    await page.keyboard.press('Enter');
    // The candidates may still be generating: the page polls until the first task is there.
    await page.waitForSelector('#app[data-state="task"]', { timeout: 30_000 });
    await voteWithKey(watched, '1');
    await voteWithKey(watched, '2');
    expect(await page.getAttribute('#app', 'data-state')).toBe('finished');
    const token = new URL(invite.replace('/#/', '/')).searchParams.get('invite');
    expect(apiHeaders.length).toBeGreaterThan(3);
    for (const headers of apiHeaders) {
      expect(headers['x-invite-token']).toBe(token);
      expect(headers.authorization).toBeUndefined();
    }
    await page.click('.done a');
    await page.locator('#leaderboard svg').waitFor();
    await page.click('#export-download');
    await page.waitForSelector('#admin-token');
    expect(watched.problems.every((text) => text.includes('401'))).toBe(true);
  });
});
