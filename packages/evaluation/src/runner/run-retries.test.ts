// One retry owner, proved over real HTTP: runSuite with createModelResolver's @repo/providers
// models (the openai SDK) against two local-llm servers on ports, one answering the cases and one
// judging them, with injected 500s and 429s counted where they land (/_local/request-counts). With
// maxRetries = N, a call that keeps failing reaches its server exactly 1 + N times (the runner
// and the judges add no loop of their own), and one that fails twice and then works gets through.
import { startLocalLlmServer, type LocalLlmServer, type RequestCounts } from '@repo/local-llm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseSuite } from '../suite/load-suite.js';
import { createModelResolver } from './resolve-models.js';
import { runSuite } from './run-suite.js';

let answers: LocalLlmServer;
let judge: LocalLlmServer;
beforeAll(async () => {
  [answers, judge] = await Promise.all([
    startLocalLlmServer({ port: 0, control: true }),
    startLocalLlmServer({ port: 0, control: true }),
  ]);
});
afterAll(() => Promise.all([answers.close(), judge.close()]));
beforeEach(() => Promise.all([answers, judge].map((server) => post(server, '/_local/reset'))));

async function post(server: LocalLlmServer, path: string, body?: object): Promise<void> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(response.status).toBe(200);
}

/** The judge's grades, exact (local-llm's own JSON would not fit the rubric's schema). */
const scriptGrades = (count: number) =>
  post(judge, '/_local/script', {
    replies: Array.from({ length: count }, () => ({
      content: '{"reason":"It names the item.","score":1,"pass":true}',
    })),
  });

async function chatRequests(server: LocalLlmServer): Promise<number> {
  const counts = (await (
    await fetch(`${server.url}/_local/request-counts`)
  ).json()) as RequestCounts;
  return counts.byPath['/v1/chat/completions'] ?? 0;
}

/** Two cases answered by `openai:local` (the answers server), each graded by the judge server. */
const suite = parseSuite({
  prompts: ['Context: {{context}}\nQuestion: {{question}}'],
  providers: ['openai:local'],
  tests: ['a lamp', 'a desk'].map((thing, index) => ({
    vars: { question: `What is item ${index}?`, context: `Item ${index} is ${thing}.` },
    assert: [{ type: 'llm-rubric', value: 'Names the item.' }],
  })),
});

function run(maxRetries: number) {
  const models = createModelResolver({
    env: {
      OPENAI_API_KEY: 'test',
      OPENAI_BASE_URL: answers.baseURL,
      DEEPSEEK_API_KEY: 'test',
      DEEPSEEK_BASE_URL: judge.baseURL,
    },
    retry: { maxRetries, initialDelayMs: 1, maxDelayMs: 5 },
  });
  // One case at a time, no cache: every count below is per call.
  return runSuite(suite, {
    models,
    judge: 'deepseek:local',
    heuristic: 'never',
    concurrency: 1,
    cache: false,
  });
}

describe('an eval run over HTTP: the model’s retry is the only one', () => {
  it.each([0, 1, 3])(
    'a lasting 500 on the answers: 1 + %i requests per case',
    async (maxRetries) => {
      await post(answers, '/_local/faults', { status: 500 });
      const result = await run(maxRetries);
      expect(result.results.map((r) => [r.status, r.attempts])).toEqual([
        ['error', 1 + maxRetries],
        ['error', 1 + maxRetries],
      ]);
      expect(result.results[0]?.error).toMatch(/^ProviderUnavailableError: /);
      expect(await chatRequests(answers)).toBe(2 * (1 + maxRetries));
      expect(await chatRequests(judge)).toBe(0);
    },
  );

  it('a lasting 429 on the answers: 1 + 2 requests per case, then RateLimitError', async () => {
    await post(answers, '/_local/faults', { status: 429 });
    const result = await run(2);
    expect(result.results.map((r) => [r.status, r.attempts])).toEqual([
      ['error', 3],
      ['error', 3],
    ]);
    expect(result.results[0]?.error).toMatch(/^RateLimitError: /);
    expect(await chatRequests(answers)).toBe(6);
  });

  it.each([500, 429])('a %i twice on the answers, then success: 3 requests', async (status) => {
    await post(answers, '/_local/faults', { status, times: 2 });
    await scriptGrades(2);
    const result = await run(2);
    expect(result.results.map((r) => [r.status, r.attempts])).toEqual([
      ['passed', 3],
      ['passed', 1],
    ]);
    expect(result.results.map((r) => r.output)).toEqual([
      'Based on the context: Item 0 is a lamp.',
      'Based on the context: Item 1 is a desk.',
    ]);
    expect(await chatRequests(answers)).toBe(3 + 1);
    expect(await chatRequests(judge)).toBe(2);
  });

  it.each([0, 2])(
    'a lasting 500 on the judge: 1 + %i requests per judge call',
    async (maxRetries) => {
      await post(judge, '/_local/faults', { status: 500 });
      const result = await run(maxRetries);
      expect(result.results.map((r) => [r.status, r.attempts])).toEqual([
        ['error', 1],
        ['error', 1],
      ]);
      expect(result.results[0]?.error).toMatch(/^ProviderUnavailableError: deepseek 500 /);
      expect(await chatRequests(answers)).toBe(2);
      expect(await chatRequests(judge)).toBe(2 * (1 + maxRetries));
    },
  );

  it('a 429 twice on the judge, then success: the first grading gets through', async () => {
    await post(judge, '/_local/faults', { status: 429, times: 2 });
    await scriptGrades(2);
    const result = await run(2);
    expect(result.results.map((r) => r.status)).toEqual(['passed', 'passed']);
    expect(result.results[0]?.assertions[0]).toMatchObject({
      type: 'llm-rubric',
      method: 'model',
      reason: 'It names the item.',
    });
    expect(await chatRequests(judge)).toBe(3 + 1);
  });
});
