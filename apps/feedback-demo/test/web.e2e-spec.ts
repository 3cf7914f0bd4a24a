// The labelling page in a real browser (Debian's Chromium, playwright-core) against the real app:
// an annotator labels a whole queue with the keyboard only, undoes the last vote and votes again,
// and the DPO file downloaded afterwards holds exactly the votes in force, each answer on the side
// it was shown. Model output that echoes HTML stays text; Chinese renders and wraps; no console
// error, no dialog and no request outside the page's origin.
import { readFile } from 'node:fs/promises';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadyCampaign, type CampaignJson, type TaskJson } from './create-test-app.js';
import {
  canRun,
  describeSetup,
  foreignRequests,
  launchChromium,
  openPage,
  pageState,
  shownTaskId,
  startApp,
  voteWithKey,
  type WatchedPage,
} from './web-browser.js';

const HTML = '<img src=x onerror=alert(1)><b>x</b>';
const CHINESE = '请用一句话介绍长城，它有多长？';
const PROMPTS = [`Repeat this: ${HTML}`, CHINESE, 'What is 2 + 2?'];
const MODELS = ['local-detailed', 'local-brief'];
/** Keys pressed on the queue's tasks, in order: left, tie, right. */
const KEYS = ['1', '3', '2'] as const;
const CHOICE_OF_KEY = { '1': 'left', '2': 'right', '3': 'tie', '4': 'both-bad' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describeSetup();

describe.runIf(canRun)('labelling a queue in Chromium', { timeout: 60_000 }, () => {
  let app: NestExpressApplication;
  let origin: string;
  let browser: Browser | undefined;
  let watched: WatchedPage;
  let page: Page;
  let campaign: CampaignJson;

  beforeAll(async () => {
    ({ app, origin } = await startApp());
    ({ campaign } = await createReadyCampaign(app, {
      name: '长城',
      prompts: PROMPTS,
      models: MODELS,
    }));
    browser = await launchChromium();
    watched = await openPage(browser);
    page = watched.page;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

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
      expect(await page.locator('.answers').innerText()).toContain(CHINESE.slice(0, 4));
      // Side by side, and the text wraps inside its card: nothing wider than the window.
      const left = await page.locator('.answer-left').boundingBox();
      const right = await page.locator('.answer-right').boundingBox();
      expect(left!.x + left!.width).toBeLessThanOrEqual(right!.x);
      const fits = () => document.documentElement.scrollWidth <= window.innerWidth;
      expect(await page.evaluate(fits)).toBe(true);
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
      const progress = `${index} done / ${KEYS.length - index} remaining`;
      expect(await page.locator('.progress-text').innerText()).toBe(progress);
      checked.push(...(await checkShownTask(watched.tasks.get((await shownTaskId(page))!)!)));
      await voteWithKey(watched, key);
    }
    expect(checked.sort()).toEqual(['chinese', 'html']);
    expect(await pageState(page)).toBe('finished');
    expect(await page.locator('.status').innerText()).toContain('All done');
    const { cast } = watched;
    expect(cast.map((c) => c.vote.choice)).toEqual(KEYS.map((key) => CHOICE_OF_KEY[key]));
    expect(new Set(cast.map((c) => c.vote.taskId)).size).toBe(PROMPTS.length);
    for (const { vote, reveal } of cast) {
      expect(vote.id).toMatch(UUID);
      expect(vote.annotator).toBe('王小明');
      expect(vote.timeSpentMs).toBeGreaterThanOrEqual(0);
      expect(new Set([reveal.left, reveal.right])).toEqual(new Set(MODELS));
    }
  });

  it('undoes the last vote with u, shows that task again, and takes a new vote', async () => {
    const last = watched.cast.at(-1)!;
    await page.keyboard.press('u');
    await page.waitForFunction(
      (id) =>
        document.querySelector<HTMLElement>('#app[data-state="task"] .task')?.dataset.taskId === id,
      last.vote.taskId,
    );
    expect(await page.locator('.status').innerText()).toContain('Vote undone');
    expect(await page.locator('.progress-text').innerText()).toBe('2 done / 1 remaining');
    await voteWithKey(watched, '1');
    expect(await pageState(page)).toBe('finished');
    expect(watched.cast.at(-1)!.vote).toMatchObject({ taskId: last.vote.taskId, choice: 'left' });
    expect(watched.cast.at(-1)!.vote.id).not.toBe(last.vote.id);
  });

  it('downloads a dpo-trl file holding exactly the decisive votes, each on its shown side', async () => {
    // The votes in force: the undone one replaced by the vote after it.
    const final = new Map(watched.cast.map((c) => [c.vote.taskId, c]));
    const byPrompt = (a: { prompt: string }, b: { prompt: string }) =>
      a.prompt.localeCompare(b.prompt);
    const expected = [...final.values()]
      .filter(({ vote }) => vote.choice === 'left' || vote.choice === 'right')
      .map(({ task, vote }) => {
        const [chosen, rejected] =
          vote.choice === 'left' ? [task.left, task.right] : [task.right, task.left];
        return {
          prompt: task.prompt.at(-1)!.content,
          chosen: chosen.text,
          rejected: rejected.text,
        };
      })
      .sort(byPrompt);
    expect(expected).toHaveLength(2);
    await page.goto(`${origin}/#/results/${campaign.id}`);
    await page.waitForSelector('#leaderboard svg');
    await page.selectOption('#export-format', 'dpo-trl');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#export-download'),
    ]);
    expect(download.suggestedFilename()).toBe(`${campaign.id}-dpo-trl.jsonl`);
    type Turn = { role: string; content: string };
    type Line = { prompt: Turn[]; chosen: Turn[]; rejected: Turn[] };
    const text = await readFile((await download.path())!, 'utf8');
    const exported = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Line)
      .map((line) => ({
        prompt: line.prompt.at(-1)!.content,
        chosen: line.chosen[0]!.content,
        rejected: line.rejected[0]!.content,
      }));
    expect(exported.sort(byPrompt)).toEqual(expected);
  });

  it('logged no console error, opened no dialog and asked nothing of another origin', () => {
    expect(watched.problems).toEqual([]);
    expect(foreignRequests(watched, origin)).toEqual([]);
    expect(watched.requests.length).toBeGreaterThan(10);
  });
});
