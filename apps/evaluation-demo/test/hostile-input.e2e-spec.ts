// Every endpoint against hostile input (@repo/nest/testing's bad-input suite): each sample is one
// valid request; its mutations must never reach a 5xx, invalid ones are 4xx naming the field, and
// /health answers afterwards. Runs the suites it starts (tiny ones) to the end.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { checkBadInputs, type SampleRequest } from '@repo/nest/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './create-test-app.js';

const SUITE = {
  description: '首都',
  prompts: ['Context: {{context}}\nQuestion: {{question}}'],
  providers: ['local'],
  tests: [
    {
      vars: { question: '中国的首都是哪里？', context: '北京是中国的首都。' },
      assert: [
        { type: 'contains', value: '北京' },
        { type: 'regex', value: '北京|上海' },
      ],
    },
  ],
};

const SAMPLES: SampleRequest[] = [
  {
    method: 'POST',
    path: '/api/eval/relevancy',
    body: { question: '明朝有多少位皇帝？', context: ['明朝共有十六位皇帝。'], answer: '十六位。' },
  },
  {
    method: 'POST',
    path: '/api/eval/runs',
    body: { suite: SUITE, concurrency: 1 },
    status: 202,
    // A test's vars may be any JSON (a list of documents, a number).
    anyType: ['suite.tests[0].vars.question', 'suite.tests[0].vars.context'],
  },
  { method: 'POST', path: '/api/eval/runs', body: { suite: 'qa' }, status: 202 },
  { method: 'GET', path: '/api/eval/runs' },
  { method: 'GET', path: '/api/eval/suites' },
  { method: 'GET', path: '/api/eval/runs/:id', params: { id: 'nope' }, status: 404 },
  { method: 'GET', path: '/api/eval/runs/:id/events', params: { id: 'nope' }, status: 404 },
  { method: 'GET', path: '/api/eval/runs/:id/report.html', params: { id: 'nope' }, status: 404 },
  { method: 'POST', path: '/api/eval/runs/:id/cancel', params: { id: 'nope' }, status: 404 },
  { method: 'GET', path: '/api/eval/compare', query: { a: 'x', b: 'y' }, status: 404 },
];

let app: NestExpressApplication;
// Room for the runs the mutations start, so a valid one is not a 429 instead.
beforeAll(async () => (app = await createTestApp({ EVAL_MAX_RUNNING: '16' })));
afterAll(() => app.close());

describe('hostile input', () => {
  it('never answers 5xx; invalid requests are 4xx with the field; /health survives', async () => {
    const report = await checkBadInputs(app.getHttpServer(), SAMPLES);
    expect(report.failures).toEqual([]);
    expect(report.sent).toBeGreaterThan(100);
  });
});
