import { createLocalLlm } from '@repo/local-llm';
import type { ChatModel } from '@repo/core';
import type { RetryOptions } from '@repo/providers';
import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../eval-run.js';
import { loadSuite, parseSuite } from '../suite/load-suite.js';
import { createMemoryCache } from './output-cache.js';
import { createModelResolver, normalizeProviderId, type ModelResolver } from './resolve-models.js';
import { runSuite } from './run-suite.js';

const fixture = new URL('../__fixtures__/capitals.eval.yaml', import.meta.url).pathname;

function localModels(retry?: RetryOptions) {
  const llm = createLocalLlm();
  return { llm, models: createModelResolver({ env: {}, localLlm: llm, retry }) };
}

const contextSuite = (count: number) =>
  parseSuite({
    prompts: ['Context: {{context}}\nQuestion: {{question}}'],
    providers: ['local'],
    tests: Array.from({ length: count }, (_, index) => ({
      description: `case ${index}`,
      vars: { question: `What is item ${index}?`, context: `Item ${index} is a lamp.` },
      assert: [{ type: 'icontains', value: 'lamp' }],
    })),
  });

describe('runSuite on the embedded model', () => {
  it('runs every case, scores it, and labels heuristic judging', async () => {
    const { models } = localModels();
    const run = await runSuite(await loadSuite(fixture), { models });
    expect(run.status).toBe('completed');
    expect(run.judge).toEqual({ provider: 'local', model: 'local', heuristic: true });
    expect(run.results.map((result) => [result.id, result.status])).toEqual([
      ['Paris|Context: {{context}} Question: {{ question }}|local', 'passed'],
      ['北京|Context: {{context}} Question: {{ question }}|local', 'passed'],
      ['wrong on purpose|Context: {{context}} Question: {{ question }}|local', 'failed'],
    ]);
    const paris = run.results[0]!;
    expect(paris.output).toBe(
      'Based on the context: Paris is the capital of France. Berlin is the capital of Germany.',
    );
    expect(paris.assertions.map((a) => [a.type, a.pass, a.method])).toEqual([
      ['latency', true, 'metric'],
      ['icontains', true, 'metric'],
      ['f1', true, 'metric'],
      ['answer-relevance', true, 'heuristic'],
    ]);
    // SQuAD F1: 13 output tokens ("based on context paris is capital of france berlin is capital
    // of germany"), 5 reference tokens, 5 in common: P = 5/13, R = 1, F1 = 10/18.
    expect(paris.assertions[2]?.score).toBeCloseTo(0.5556, 4);
    expect(paris.usage.totalTokens).toBeGreaterThan(0);
    expect(run.results[1]?.output).toBe('根据上下文：北京是中国的首都。');
    expect(run.results[2]?.score).toBe(0.5); // latency passed, not-icontains failed
    expect(run.summary).toMatchObject({
      total: 3,
      passed: 2,
      failed: 1,
      errors: 0,
      heuristic: true,
    });
    expect(run.summary.passRate).toBeCloseTo(2 / 3, 10);
  });

  it('answers a repeated request from the cache without calling the model', async () => {
    const { llm, models } = localModels();
    const cache = createMemoryCache();
    const suite = contextSuite(3);
    const first = await runSuite(suite, { models, cache });
    const calls = llm.requests().length;
    const second = await runSuite(suite, { models, cache });
    expect(llm.requests()).toHaveLength(calls);
    expect(second.results.map((r) => [r.cached, r.attempts])).toEqual([
      [true, 0],
      [true, 0],
      [true, 0],
    ]);
    expect(second.results.map((r) => r.output)).toEqual(first.results.map((r) => r.output));
    const uncached = await runSuite(suite, { models, cache: false });
    expect(uncached.results.every((r) => !r.cached)).toBe(true);
    expect(llm.requests()).toHaveLength(calls + 3);
  });

  it('gets past a rate limit by the model’s retry, honouring Retry-After, and counts it', async () => {
    const delays: number[] = [];
    const { llm, models } = localModels({ sleep: async (ms) => void delays.push(ms) });
    llm.faults({ status: 429, retryAfter: 2, times: 1 });
    const run = await runSuite(contextSuite(1), { models });
    expect(delays).toEqual([2000]);
    expect(run.results[0]).toMatchObject({ status: 'passed', attempts: 2 });
  });

  it('turns a provider failure into that case’s error and keeps going', async () => {
    const { llm, models } = localModels({ maxRetries: 1, sleep: async () => {} });
    llm.faults({ status: 500, times: 3 });
    const run = await runSuite(contextSuite(3), { models, concurrency: 1 });
    expect(run.results.map((r) => r.status)).toEqual(['error', 'passed', 'passed']);
    expect(run.results[0]?.attempts).toBe(2);
    expect(run.results[0]?.error).toMatch(/^ProviderUnavailableError: /);
    expect(run.summary).toMatchObject({ errors: 1, passed: 2 });
  });

  it('times a slow case out', async () => {
    const { llm, models } = localModels();
    llm.faults({ latencyMs: 2000, times: 1 });
    const run = await runSuite(contextSuite(2), {
      models,
      concurrency: 1,
      timeoutMs: 300,
    });
    expect(run.results.map((r) => r.status)).toEqual(['error', 'passed']);
    expect(run.results[0]?.error).toBe('timed out after 300 ms');
  });

  it('stops on cancellation and returns what finished', async () => {
    const { llm, models } = localModels();
    llm.faults({ latencyMs: 50 });
    const controller = new AbortController();
    const progress: RunProgress[] = [];
    const run = await runSuite(contextSuite(10), {
      models,
      concurrency: 2,
      signal: controller.signal,
      onProgress: (event) => {
        progress.push(event);
        if (event.done === 2) controller.abort();
      },
    });
    expect(run.status).toBe('cancelled');
    const statuses = run.results.map((r) => r.status);
    expect(statuses.filter((s) => s === 'passed').length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((s) => s === 'cancelled').length).toBeGreaterThanOrEqual(6);
    expect(run.summary.cancelled).toBe(statuses.filter((s) => s === 'cancelled').length);
    expect(progress.map((p) => p.done)).toEqual(progress.map((_, index) => index + 1));
  });

  it('keeps at most `concurrency` cases in flight', async () => {
    const { models } = localModels();
    let inFlight = 0;
    let peak = 0;
    const counting: ModelResolver = {
      embedding: models.embedding,
      chat: (id) => {
        const model = models.chat(id);
        return {
          ...model,
          provider: model.provider,
          modelId: model.modelId,
          stream: model.stream.bind(model),
          call: async (request) => {
            peak = Math.max(peak, ++inFlight);
            await new Promise((resolve) => setTimeout(resolve, 5));
            try {
              return await model.call(request);
            } finally {
              inFlight--;
            }
          },
        } satisfies ChatModel;
      },
    };
    const run = await runSuite(contextSuite(12), { models: counting, concurrency: 3 });
    expect(run.summary.passed).toBe(12);
    expect(peak).toBe(3);
  });

  it('crosses tests, prompts and providers, with prices giving cost', async () => {
    const { models } = localModels();
    const suite = parseSuite({
      prompts: [
        { raw: 'Say {{word}}', label: 'say' },
        { raw: 'Repeat {{word}}', label: 'repeat' },
      ],
      providers: [
        'local',
        {
          id: 'local:local-reasoner',
          label: 'priced',
          config: { prices: { inputPerMillion: 1, outputPerMillion: 2 } },
        },
      ],
      tests: [{ vars: { word: 'hello' }, assert: [{ type: 'icontains', value: '{{word}}' }] }],
    });
    const run = await runSuite(suite, { models });
    expect(run.results.map((r) => r.id)).toEqual([
      '#1|say|local',
      '#1|say|local:local-reasoner',
      '#1|repeat|local',
      '#1|repeat|local:local-reasoner',
    ]);
    expect(run.results.every((r) => r.status === 'passed')).toBe(true);
    const priced = run.results[1]!;
    expect(priced.provider).toBe('priced');
    expect(priced.cost).toBeCloseTo(
      (priced.usage.promptTokens * 1 + priced.usage.completionTokens * 2) / 1e6,
      12,
    );
    expect(run.results[0]?.cost).toBe(0);
  });

  it('refuses an unknown or unconfigured provider before calling anything', async () => {
    const { llm, models } = localModels();
    const suite = parseSuite({ prompts: ['hi'], providers: ['local', 'deepseek'], tests: [{}] });
    await expect(runSuite(suite, { models })).rejects.toThrow(/DEEPSEEK_API_KEY/);
    expect(llm.requests()).toHaveLength(0);
  });

  it("reads promptfoo's provider ids", () => {
    expect(normalizeProviderId('openai:chat:gpt-4o-mini')).toBe('openai:gpt-4o-mini');
    expect(normalizeProviderId('ollama:qwen3:8b')).toBe('ollama:qwen3:8b');
    expect(normalizeProviderId('local')).toBe('local');
  });
});

describe('checkSuiteModels', () => {
  it('names the missing key of a judge as well as of a provider, calling nothing', async () => {
    const { llm, models } = localModels();
    const { checkSuiteModels } = await import('./run-suite.js');
    const judged = parseSuite({
      prompts: ['hi'],
      providers: ['local'],
      tests: [{ assert: [{ type: 'llm-rubric', value: 'polite', provider: 'qwen' }] }],
    });
    expect(() => checkSuiteModels(judged, models)).toThrow(/QWEN_API_KEY/);
    expect(() => checkSuiteModels(judged, models, { judge: 'local' })).toThrow(/QWEN_API_KEY/);
    expect(() => checkSuiteModels(contextSuite(1), models)).not.toThrow();
    expect(llm.requests()).toHaveLength(0);
  });
});
