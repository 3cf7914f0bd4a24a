// The dataset pages in a real browser (Debian's Chromium, playwright-core) against the real app:
// a clean file chosen in the picker gets an ok report with the right example count, a file with
// errors gets its issues listed by line with HTML from the file shown as text (no element, no
// dialog), a dropped file is uploaded too, the language toggle switches to Chinese and is
// remembered, and no page logs a console error or asks another origin for anything.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser, Page } from 'playwright-core';
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

const HTML = '<img src=x onerror=alert(1)>';
const row = (messages: object[]) => JSON.stringify({ messages });
const USER = { role: 'user', content: '长城有多长？' };
const ASSISTANT = { role: 'assistant', content: `Here: ${HTML}` };
/** Line 2 is not JSON, line 3 has an unknown role, line 4 no assistant message. */
const BAD_FILE = [
  row([{ role: 'system', content: 'Be brief.' }, USER, ASSISTANT]),
  '{"messages": [',
  row([{ role: HTML, content: 'x' }, USER, ASSISTANT]),
  row([{ role: 'system', content: HTML }, USER]),
].join('\n');

describeSetup();

describe.runIf(canRun)('the dataset pages in Chromium', { timeout: 60_000 }, () => {
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

  it('uploads a clean file from the picker and shows an ok report with 40 examples', async () => {
    await page.goto(`${origin}/#/`);
    await page.waitForSelector('#app[data-view="home"][data-state="ready"]');
    expect(await page.locator('#datasets').innerText()).toContain('No dataset yet');
    const id = await uploadThroughPage(page, 'sft-40.jsonl', await bundledSlice('sft.jsonl', 40));
    expect(await page.getAttribute('#banner', 'data-ok')).toBe('true');
    expect(await page.locator('#banner').innerText()).toContain('Ready to train: 40 examples');
    expect(await page.locator('#stat-examples').innerText()).toBe('40');
    expect(await page.locator('#stat-format').innerText()).toBe('sft');
    expect(await page.locator('#job-submit').isEnabled()).toBe(true);
    expect(await page.locator('#job-backend').inputValue()).toBe('local-llm');
    expect(await page.locator('#job-model').inputValue()).toBe('tiny-gpt');
    await page.click('.brand');
    await page.waitForSelector(`#datasets tr[data-id="${id}"]`);
    const listed = await page.locator(`#datasets tr[data-id="${id}"]`).innerText();
    expect(listed).toContain('sft-40.jsonl');
    expect(listed).toContain('ok');
  });

  it('lists the issues of a file with errors by line, HTML from the file as text', async () => {
    await page.goto(`${origin}/#/`);
    await page.waitForSelector('#app[data-state="ready"]');
    await uploadThroughPage(page, 'bad.jsonl', BAD_FILE);
    expect(await page.getAttribute('#banner', 'data-ok')).toBe('false');
    const lines = await page.locator('#issues tbody tr td:first-child').allInnerTexts();
    for (const line of ['2', '3', '4']) expect(lines).toContain(line);
    const issues = await page.locator('#issues').innerText();
    expect(issues).toContain(HTML);
    expect(issues).toContain('unrecognized_role');
    expect(await page.locator('#app img, #app script').count()).toBe(0);
    expect(await page.locator('#job-submit').isDisabled()).toBe(true);
  });

  it('uploads a dropped file', async () => {
    await page.goto(`${origin}/#/`);
    await page.waitForSelector('#app[data-state="ready"]');
    const text = await bundledSlice('sft.jsonl', 12, 3);
    const transfer = await page.evaluateHandle((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'dropped.jsonl', { type: 'application/jsonl' }));
      return data;
    }, text);
    await page.dispatchEvent('#dropzone', 'drop', { dataTransfer: transfer });
    await page.waitForSelector('#app[data-view="dataset"][data-state="ready"]');
    expect(await page.locator('h1 .filename').innerText()).toBe('dropped.jsonl');
    expect(await page.locator('#stat-examples').innerText()).toBe('12');
  });

  it('switches the labels to Chinese, and keeps Chinese after a reload', async () => {
    expect(await page.locator('#lang-toggle').innerText()).toBe('中文');
    await page.click('#lang-toggle');
    await page.waitForSelector('#app[data-state="ready"]');
    expect(await page.locator('h1').innerText()).toContain('校验报告');
    expect(await page.locator('#stats h2').innerText()).toBe('统计');
    expect(await page.locator('#job-submit').innerText()).toBe('提交任务');
    expect(await page.locator('.brand').innerText()).toBe('数据集');
    expect(await page.locator('#lang-toggle').innerText()).toBe('English');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.reload();
    await page.waitForSelector('#app[data-state="ready"]');
    expect(await page.locator('#nav-jobs').innerText()).toBe('任务');
    await page.click('#lang-toggle');
    expect(await page.locator('#nav-jobs').innerText()).toBe('Jobs');
  });

  it('logged no console error, opened no dialog and asked nothing of another origin', () => {
    expect(watched.problems).toEqual([]);
    expect(foreignRequests(watched, origin)).toEqual([]);
  });
});
