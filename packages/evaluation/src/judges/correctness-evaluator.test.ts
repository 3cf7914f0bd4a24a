// promptfoo factuality: the fact.yaml prompt, category → configurable score, pass at 0.5, and a
// reference answer that must be there.
import { InvalidInputError, textOf } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { createProvider } from '@repo/providers';
import { describe, expect, it } from 'vitest';
import type { EvaluationRequest } from '../evaluator.js';
import { createCorrectnessEvaluator } from './correctness-evaluator.js';
import type { CorrectnessEvaluatorOptions } from './correctness-evaluator.js';

const request: EvaluationRequest = {
  userText: 'What is the capital of France?',
  response: 'Paris, which is also its largest city.',
  reference: 'Paris',
};
const verdict = (category: string, reason = 'It adds a true detail.') =>
  JSON.stringify({ reason, category });

async function judge(reply: string, options: Partial<CorrectnessEvaluatorOptions> = {}) {
  const model = new MockChatModel({ replies: [reply, reply] });
  const result = await createCorrectnessEvaluator({ model, ...options }).evaluate(request);
  return { result, model };
}

describe('createCorrectnessEvaluator', () => {
  it('sends fact.yaml with question, expert and submission, and scores a superset 1', async () => {
    const { result, model } = await judge(verdict('B'));
    expect(result).toMatchObject({
      pass: true,
      score: 1,
      method: 'model',
      feedback: '(B) superset: It adds a true detail.',
      metadata: { category: 'B' },
    });
    const prompt = textOf(model.requests[0]!.messages.at(-1)!);
    expect(prompt).toContain(
      '[Question]: What is the capital of France?\n************\n[Expert]: Paris\n************\n' +
        '[Submission]: Paris, which is also its largest city.\n',
    );
    expect(prompt).toContain(
      "(E) The answers differ, but these differences don't matter from the perspective of factuality.",
    );
    expect(model.requests[0]?.options?.temperature).toBe(0);
  });

  it('fails a disagreement with score 0', async () => {
    const { result } = await judge(verdict('D', 'The capital is not Lyon.'));
    expect(result).toMatchObject({
      pass: false,
      score: 0,
      feedback: '(D) disagree: The capital is not Lyon.',
    });
  });

  it("uses the caller's category scores; below 0.5 fails", async () => {
    const { result } = await judge(verdict('B'), { scores: { superset: 0.3 } });
    expect([result.pass, result.score]).toEqual([false, 0.3]);
    const lenient = await judge(verdict('D'), { scores: { disagree: 0.5 } });
    expect([lenient.result.pass, lenient.result.score]).toEqual([true, 0.5]);
  });

  it('is malformed for a category outside A-E, after one re-ask', async () => {
    const { result, model } = await judge(verdict('F'));
    expect(model.requests).toHaveLength(2);
    expect(result).toMatchObject({ pass: false, score: 0, metadata: { malformed: true } });
    expect(result.feedback).toMatch(/^The judge's reply could not be read: .*\n- category: /);
  });

  it('needs a reference, on both paths', async () => {
    for (const heuristic of ['never', 'always'] as const) {
      const evaluator = createCorrectnessEvaluator({ model: new MockChatModel(), heuristic });
      const error = await evaluator
        .evaluate({ ...request, reference: undefined })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).details).toEqual([
        { field: 'reference', reason: 'is required' },
      ]);
    }
  });

  it('rejects a category score outside 0..1', () => {
    expect(() =>
      createCorrectnessEvaluator({ model: new MockChatModel(), scores: { agree: 2 } }),
    ).toThrow('scores.agree must be a number from 0 to 1, got 2.');
  });

  it('round-trips through local-llm with heuristic: never', async () => {
    const provider = createProvider('local');
    provider.localLlm?.script([{ content: verdict('C', 'Same answer.') }]);
    const evaluator = createCorrectnessEvaluator({ model: provider.chat(), heuristic: 'never' });
    const result = await evaluator.evaluate(request);
    expect(result).toMatchObject({
      pass: true,
      score: 1,
      method: 'model',
      feedback: '(C) agree: Same answer.',
    });
  });

  it('falls back to token F1 on the embedded model', async () => {
    const result = await createCorrectnessEvaluator({
      model: createProvider('local').chat(),
    }).evaluate(request);
    expect(result).toEqual({
      pass: false,
      score: 0.25,
      method: 'heuristic',
      feedback:
        'Heuristic (no judge model): token F1 of the response against the reference (score 0.25, pass at 0.5).',
    });
  });
});
