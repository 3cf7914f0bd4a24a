// promptfoo llm-rubric: {reason, score, pass} all required (no default pass), the threshold
// overrides the judge's pass, and bad JSON is re-asked once, then malformed.
import { InvalidInputError, textOf } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { createProvider } from '@repo/providers';
import { describe, expect, it } from 'vitest';
import type { EvaluationRequest } from '../evaluator.js';
import { createRubricEvaluator } from './rubric-evaluator.js';

const rubric = 'Mentions the refund policy and the 30 day limit';
const request: EvaluationRequest = {
  userText: 'Can I return my shoes?',
  response: 'Our refund policy gives you 30 days.',
};
const grade = JSON.stringify({ reason: 'Mentions both.', score: 0.7, pass: true });

describe('createRubricEvaluator', () => {
  it("sends the output and rubric and takes the judge's pass without a threshold", async () => {
    const model = new MockChatModel({ replies: [grade] });
    const result = await createRubricEvaluator({ model, rubric }).evaluate(request);
    expect(result).toMatchObject({
      pass: true,
      score: 0.7,
      method: 'model',
      feedback: 'Mentions both.',
      raw: grade,
      metadata: { judgePass: true },
    });
    expect(textOf(model.requests[0]!.messages.at(-1)!)).toMatch(
      /<Output>\nOur refund policy gives you 30 days\.\n<\/Output>\n<Rubric>\nMentions the refund policy and the 30 day limit\n<\/Rubric>$/,
    );
  });

  it('decides pass from the score when a threshold is set', async () => {
    const model = new MockChatModel({ replies: [grade] });
    const result = await createRubricEvaluator({ model, rubric, threshold: 0.8 }).evaluate(request);
    expect(result).toMatchObject({ pass: false, score: 0.7, metadata: { judgePass: true } });
  });

  it('re-asks after invalid JSON and accepts the valid reply', async () => {
    const model = new MockChatModel({
      replies: ['{"reason": "ok", "score": 0.9, "pass": tru', grade],
    });
    const result = await createRubricEvaluator({ model, rubric }).evaluate(request);
    expect([result.pass, result.score, result.raw]).toEqual([true, 0.7, grade]);
    expect(model.requests).toHaveLength(2);
  });

  it('never defaults a missing pass to true: it is malformed', async () => {
    const missing = '{"reason": "Looks fine.", "score": 1}';
    const model = new MockChatModel({ replies: [missing, missing] });
    const result = await createRubricEvaluator({ model, rubric }).evaluate(request);
    expect(result).toMatchObject({
      pass: false,
      score: 0,
      method: 'model',
      raw: missing,
      metadata: { malformed: true },
    });
    expect(result.feedback).toBe(
      "The judge's reply could not be read: The model's answer is not valid structured output after 2 attempts:\n" +
        '- pass: is required',
    );
  });

  it('sends a native response format when the model has one', async () => {
    const model = new MockChatModel({
      replies: [grade],
      capabilities: { structuredOutput: 'json-schema' },
    });
    await createRubricEvaluator({ model, rubric }).evaluate(request);
    expect(model.requests[0]?.options?.responseFormat).toMatchObject({
      type: 'json-schema',
      strict: true,
    });
    expect(model.requests[0]?.messages).toHaveLength(1);
  });

  it('rejects an empty rubric and a bad threshold', () => {
    const model = new MockChatModel();
    expect(() => createRubricEvaluator({ model, rubric: ' ' })).toThrow(InvalidInputError);
    expect(() => createRubricEvaluator({ model, rubric, threshold: -0.1 })).toThrow(
      'threshold must be a number',
    );
  });

  it('round-trips through local-llm with heuristic: never', async () => {
    const provider = createProvider('local');
    provider.localLlm?.script([{ content: grade }]);
    const evaluator = createRubricEvaluator({ model: provider.chat(), heuristic: 'never', rubric });
    expect(await evaluator.evaluate(request)).toMatchObject({
      pass: true,
      score: 0.7,
      method: 'model',
    });
  });

  it('falls back to rubric-word coverage on the embedded model', async () => {
    const evaluator = createRubricEvaluator({ model: createProvider('local').chat(), rubric });
    expect(await evaluator.evaluate(request)).toEqual({
      pass: true,
      score: 0.5,
      method: 'heuristic',
      feedback:
        'Heuristic (no judge model): 3 of 6 content words of the rubric appear in the response (score 0.5, pass at 0.5).',
    });
  });
});
