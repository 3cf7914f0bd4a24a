// Spring's FactCheckingEvaluator port: the claim is the response, the document the context; only a
// bare yes or no is read, and both prompt variants are sent exactly.
import { InvalidInputError, textOf } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { createProvider } from '@repo/providers';
import { describe, expect, it } from 'vitest';
import type { EvaluationRequest } from '../evaluator.js';
import { createFactCheckingEvaluator } from './fact-checking-evaluator.js';

const request: EvaluationRequest = {
  userText: 'How tall is the Eiffel Tower?',
  response: 'The Eiffel Tower is 330 metres tall.',
  context: ['The Eiffel Tower is 330 metres tall and stands in Paris.'],
};

async function judge(reply: string, variant?: 'default' | 'bespoke-minicheck') {
  const model = new MockChatModel({ replies: [reply] });
  const result = await createFactCheckingEvaluator({ model, variant }).evaluate(request);
  return { result, prompt: textOf(model.requests[0]!.messages[0]!), model };
}

describe('createFactCheckingEvaluator', () => {
  it("sends Spring's prompt with the context as document and the response as claim", async () => {
    const { result, prompt, model } = await judge('YES');
    expect(prompt).toBe(
      'Evaluate whether or not the following claim is supported by the provided document.\n' +
        'Respond with "yes" if the claim is supported, or "no" if it is not.\n\n' +
        'Document:\nThe Eiffel Tower is 330 metres tall and stands in Paris.\n\n' +
        'Claim:\nThe Eiffel Tower is 330 metres tall.\n',
    );
    expect(model.requests[0]?.options).toEqual({ temperature: 0 });
    expect(result).toMatchObject({
      pass: true,
      score: 1,
      method: 'model',
      feedback: 'The judge found the claim supported by the document.',
    });
  });

  it('reads "no." as a fail and " Yes! " as a pass', async () => {
    expect((await judge('no.')).result).toMatchObject({ pass: false, score: 0, raw: 'no.' });
    expect((await judge(' Yes! ')).result).toMatchObject({ pass: true, score: 1 });
  });

  it('calls anything but a bare yes or no malformed, even a sentence starting with yes', async () => {
    const { result } = await judge('Yes, the response is supported.');
    expect(result).toMatchObject({
      pass: false,
      score: 0,
      feedback:
        'The judge\'s reply could not be read: expected YES or NO, got "Yes, the response is supported.".',
      raw: 'Yes, the response is supported.',
      metadata: { malformed: true },
    });
  });

  it('sends only Document and Claim for bespoke-minicheck', async () => {
    const { prompt } = await judge('Yes', 'bespoke-minicheck');
    expect(prompt).toBe(
      'Document:\nThe Eiffel Tower is 330 metres tall and stands in Paris.\n\n' +
        'Claim:\nThe Eiffel Tower is 330 metres tall.\n',
    );
  });

  it('needs a context, on the model and heuristic paths alike', async () => {
    for (const heuristic of ['never', 'always'] as const) {
      const evaluator = createFactCheckingEvaluator({ model: new MockChatModel(), heuristic });
      const error = await evaluator
        .evaluate({ ...request, context: [' '] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).details).toEqual([
        { field: 'context', reason: 'is required' },
      ]);
    }
  });

  it('round-trips through local-llm with heuristic: never', async () => {
    const provider = createProvider('local');
    provider.localLlm?.script([{ content: 'No' }]);
    const evaluator = createFactCheckingEvaluator({ model: provider.chat(), heuristic: 'never' });
    const result = await evaluator.evaluate(request);
    expect(result).toMatchObject({ pass: false, score: 0, method: 'model', raw: 'No' });
    const body = provider.localLlm?.requests()[0]?.body as { messages: Array<{ content: string }> };
    expect(body.messages[0]?.content).toContain('Claim:\nThe Eiffel Tower is 330 metres tall.\n');
  });

  it('falls back to the heuristic on the embedded model', async () => {
    const result = await createFactCheckingEvaluator({
      model: createProvider('local').chat(),
    }).evaluate(request);
    expect(result).toEqual({
      pass: true,
      score: 1,
      method: 'heuristic',
      feedback:
        'Heuristic (no judge model): 5 of 5 content words of the claim appear in the document (score 1, pass at 0.6).',
    });
  });
});
