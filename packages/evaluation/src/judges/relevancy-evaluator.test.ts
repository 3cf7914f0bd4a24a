// Spring's RelevancyEvaluator port: the verbatim prompt, its "contains yes" rule, the malformed
// reply, and the plumbing every judge shares (temperature 0, signal, errors, heuristic switch),
// here once against a scripted mock and once over HTTP through local-llm.
import { AbortedError, ProviderUnavailableError, textOf } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { createProvider } from '@repo/providers';
import { describe, expect, it } from 'vitest';
import type { EvaluationRequest } from '../evaluator.js';
import { createRelevancyEvaluator } from './relevancy-evaluator.js';

const request: EvaluationRequest = {
  userText: 'What is the capital of France?',
  response: 'The capital of France is Paris.',
  context: ['Paris is the capital of France.', { id: 'doc-2', text: 'France is in Europe.' }],
};

const sentPrompt = `Your task is to evaluate if the response for the query
is in line with the context information provided.

You have two options to answer. Either YES or NO.

Answer YES, if the response for the query
is in line with context information otherwise NO.

Query:
What is the capital of France?

Response:
The capital of France is Paris.

Context:
Paris is the capital of France.
France is in Europe.

Answer:
`;

function judgeWith(...replies: Array<string | Error>) {
  const model = new MockChatModel({ replies });
  return { model, evaluator: createRelevancyEvaluator({ model }) };
}

describe('createRelevancyEvaluator', () => {
  it("sends Spring's prompt as one user message at temperature 0 and passes on YES", async () => {
    const { model, evaluator } = judgeWith('YES');
    const result = await evaluator.evaluate(request);
    expect(evaluator.name).toBe('relevancy');
    expect(result).toEqual({
      pass: true,
      score: 1,
      method: 'model',
      feedback: 'The judge found the response in line with the context.',
      raw: 'YES',
      usage: { promptTokens: 59, completionTokens: 1, totalTokens: 60 },
    });
    expect(model.requests).toHaveLength(1);
    const sent = model.requests[0];
    expect(sent?.options).toEqual({ temperature: 0 });
    expect(sent?.messages).toHaveLength(1);
    expect(sent?.messages[0]?.role).toBe('user');
    expect(textOf(sent!.messages[0]!)).toBe(sentPrompt);
  });

  it('passes on a reply that merely contains "yes" (Spring\'s rule)', async () => {
    const result = await judgeWith('Yes, the response matches the context.').evaluator.evaluate(
      request,
    );
    expect([result.pass, result.score]).toEqual([true, 1]);
  });

  it('fails on "no."', async () => {
    const result = await judgeWith('no.').evaluator.evaluate(request);
    expect(result).toMatchObject({
      pass: false,
      score: 0,
      method: 'model',
      feedback: 'The judge found the response not in line with the context.',
      raw: 'no.',
    });
    expect(result.metadata).toBeUndefined();
  });

  it('gives a malformed result, not a throw, for a reply with neither yes nor no', async () => {
    const result = await judgeWith('Banana!').evaluator.evaluate(request);
    expect(result).toEqual({
      pass: false,
      score: 0,
      method: 'model',
      feedback: 'The judge\'s reply could not be read: expected YES or NO, got "Banana!".',
      raw: 'Banana!',
      usage: { promptTokens: 59, completionTokens: 1, totalTokens: 60 },
      metadata: { malformed: true },
    });
  });

  it('merges chatOptions over temperature 0 and takes a replacement template', async () => {
    const model = new MockChatModel({ replies: ['yes'] });
    const evaluator = createRelevancyEvaluator({
      model,
      chatOptions: { temperature: 0.3, maxTokens: 5 },
      promptTemplate: 'Q={query} R={response} C={context}',
    });
    await evaluator.evaluate({ userText: 'q', response: 'r' });
    expect(model.requests[0]?.options).toEqual({ temperature: 0.3, maxTokens: 5 });
    expect(textOf(model.requests[0]!.messages[0]!)).toBe('Q=q R=r C=');
  });

  it('rejects a template with a placeholder it cannot fill, when created', () => {
    expect(() =>
      createRelevancyEvaluator({ model: new MockChatModel(), promptTemplate: '{query} {answer}' }),
    ).toThrow(
      'promptTemplate uses unknown placeholders {answer}; this judge fills {query}, {response}, {context}.',
    );
  });

  it('lets a provider error through (the runner records it as a case error)', async () => {
    const error = new ProviderUnavailableError('upstream down', { status: 503 });
    await expect(judgeWith(error).evaluator.evaluate(request)).rejects.toBe(error);
  });

  it('passes the request signal and stops before calling when it has fired', async () => {
    const { model, evaluator } = judgeWith('YES');
    const controller = new AbortController();
    await evaluator.evaluate({ ...request, signal: controller.signal });
    expect(model.requests[0]?.signal).toBe(controller.signal);
    controller.abort();
    await expect(
      evaluator.evaluate({ ...request, signal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortedError);
    expect(model.requests).toHaveLength(1);
  });

  it('uses the heuristic for a local model by default, and when told to', async () => {
    const local = new MockChatModel({ provider: 'local' });
    const result = await createRelevancyEvaluator({ model: local }).evaluate(request);
    expect(result.method).toBe('heuristic');
    expect(local.requests).toHaveLength(0);
    const forced = createRelevancyEvaluator({ model: new MockChatModel(), heuristic: 'always' });
    expect((await forced.evaluate(request)).method).toBe('heuristic');
  });
});

describe('createRelevancyEvaluator over local-llm', () => {
  it('goes heuristic on the embedded model without a single request', async () => {
    const provider = createProvider('local');
    const result = await createRelevancyEvaluator({ model: provider.chat() }).evaluate(request);
    expect(result).toEqual({
      pass: true,
      score: 1,
      method: 'heuristic',
      feedback:
        'Heuristic (no judge model): 3 of 3 content words of the response appear in the context (score 1, pass at 0.5).',
    });
    expect(provider.localLlm?.requests()).toEqual([]);
  });

  it('judges through the openai SDK with heuristic: never', async () => {
    const provider = createProvider('local');
    provider.localLlm?.script([
      { content: 'YES', usage: { promptTokens: 80, completionTokens: 1 } },
    ]);
    const evaluator = createRelevancyEvaluator({ model: provider.chat(), heuristic: 'never' });
    const result = await evaluator.evaluate(request);
    expect(result).toEqual({
      pass: true,
      score: 1,
      method: 'model',
      feedback: 'The judge found the response in line with the context.',
      raw: 'YES',
      usage: { promptTokens: 80, completionTokens: 1, totalTokens: 81, reasoningTokens: 0 },
    });
    const sent = provider.localLlm?.requests().filter((r) => r.path === '/v1/chat/completions');
    expect(sent).toHaveLength(1);
    expect(sent?.[0]?.body).toMatchObject({
      model: 'local',
      temperature: 0,
      messages: [{ role: 'user', content: sentPrompt }],
    });
  });

  it('aborts a judge call in flight', async () => {
    const provider = createProvider('local');
    provider.localLlm?.faults({ latencyMs: 5_000 });
    const controller = new AbortController();
    const evaluator = createRelevancyEvaluator({ model: provider.chat(), heuristic: 'never' });
    const pending = evaluator.evaluate({ ...request, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
  });
});
