// 20,000 feedback rows exported with a bounded page size: the export asks the store for one page
// at a time, and for the next only once the lines of the previous one have been consumed, so its
// memory does not grow with the table.
import { systemMessage, userMessage } from '@repo/core';
import type { TestDatabase } from '@repo/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackStore } from '../store/feedback-store.js';
import { toFeedbackRow } from '../store/feedback-rows.js';
import { feedback, feedbackTargets } from '../store/sql-schema.js';
import { normalizeFeedback } from '../store/validate-feedback.js';
import { toTargetRow } from '../store/validate-target.js';
import { exportFeedback } from './export-feedback.js';
import { openDatabase } from './__fixtures__/export-fixtures.js';

const ROWS = 20_000;
const PAGE = 500;
const BATCH = 1_000;

let database: TestDatabase;
let store: FeedbackStore;

beforeAll(async () => {
  ({ database, store } = await openDatabase());
  // Written in bulk through the store's own row builders: 20,000 single writes would only slow
  // the test down without testing anything more than the store's own suite does.
  for (let start = 0; start < ROWS; start += BATCH) {
    const targets = [];
    const rows = [];
    for (let i = start; i < start + BATCH; i++) {
      const target = toTargetRow({
        responseId: `r${i}`,
        prompt: [systemMessage('你是客服助手。'), userMessage(`第${i}个问题：怎么退货？`)],
        answer: `第${i}个回答：请在订单页面点击“申请退货”。`,
        model: 'qwen-plus',
      });
      targets.push(target);
      const vote = normalizeFeedback({
        id: `f${i}`,
        kind: 'thumbs',
        targetId: `r${i}`,
        value: i % 4 === 0 ? 'down' : 'up',
        annotator: { id: `user${i % 97}`, kind: 'end_user' },
      });
      rows.push(toFeedbackRow(vote, target.promptHash));
    }
    await database.db.insert(feedbackTargets).values(targets);
    await database.db.insert(feedback).values(rows);
  }
  // A hang guard only: 20,000 rows into WASM Postgres while turbo runs other suites on 2 cores.
}, 180_000);
afterAll(() => database.close());

describe('streaming export', () => {
  it(`exports ${ROWS} rows one page of ${PAGE} at a time`, { timeout: 180_000 }, async () => {
    let consumed = 0;
    const pages: Array<{ size: number; limit: number | undefined; consumedBefore: number }> = [];
    const targetLookups: number[] = [];
    const counted: FeedbackStore = {
      ...store,
      async listFeedback(options) {
        const page = await store.listFeedback(options);
        pages.push({ size: page.items.length, limit: options?.limit, consumedBefore: consumed });
        return page;
      },
      async getTargets(ids) {
        targetLookups.push(ids.length);
        return store.getTargets(ids);
      },
    };
    const exported = exportFeedback(counted, { format: 'kto', pageSize: PAGE });
    let trues = 0;
    for await (const line of exported.lines) {
      if (consumed === 0) expect(pages).toHaveLength(1); // nothing read ahead of the first line
      if (line.endsWith('"label":true}')) trues += 1;
      consumed += 1;
    }
    expect(consumed).toBe(ROWS);
    expect(trues).toBe(ROWS * 0.75);
    expect(pages).toHaveLength(ROWS / PAGE);
    expect(pages.every((page) => page.size === PAGE && page.limit === PAGE)).toBe(true);
    // Page k is asked for once the lines of pages before it are out, but for the last group of
    // the page before, which might go on into page k.
    expect(pages.map((page) => page.consumedBefore)).toEqual(
      pages.map((_, k) => Math.max(0, k * PAGE - 1)),
    );
    expect(targetLookups).toEqual(pages.map(() => PAGE));
    expect(exported.card()).toMatchObject({
      complete: true,
      rowsWritten: ROWS,
      feedbackRead: { thumbs: ROWS },
      provenance: { annotators: { total: 97 } },
    });
  });
});
