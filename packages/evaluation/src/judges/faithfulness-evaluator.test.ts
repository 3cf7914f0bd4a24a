// ragas faithfulness: claims first, then one verification call; the score is the supported share,
// unreadable JSON is re-asked once and then reported as malformed.
import { InvalidInputError, textOf } from '@repo/core';
import type { ChatRequest } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { createProvider } from '@repo/providers';
import { describe, expect, it } from 'vitest';
import type { EvaluationRequest } from '../evaluator.js';
import { createFaithfulnessEvaluator } from './faithfulness-evaluator.js';

const request: EvaluationRequest = {
  userText: 'Who was Marie Curie?',
  response: 'Marie Curie won the Nobel Prize in Physics in 1903. She was born in Warsaw.',
  context: [
    'Marie Curie won the Nobel Prize in Physics in 1903.',
    'She won the Chemistry prize in 1911.',
  ],
};
const claims = [
  'Marie Curie won the Nobel Prize in Physics.',
  'She won it in 1903.',
  'She was born in Warsaw.',
];
const claimsReply = {
  text: JSON.stringify({ claims }),
  usage: { promptTokens: 10, completionTokens: 5 },
};
const verdicts = claims.map((claim, index) => ({
  claim,
  reason: `reason ${index + 1}`,
  supported: index < 2,
}));
const verdictsReply = {
  text: JSON.stringify({ verdicts }),
  usage: { promptTokens: 20, completionTokens: 7 },
};

const lastUserText = (sent: ChatRequest | undefined) => textOf(sent!.messages.at(-1)!);

describe('createFaithfulnessEvaluator', () => {
  it('scores supported claims over all claims and names the unsupported ones', async () => {
    const model = new MockChatModel({ replies: [claimsReply, verdictsReply] });
    const result = await createFaithfulnessEvaluator({ model }).evaluate(request);
    expect(result).toEqual({
      pass: false,
      score: 2 / 3,
      method: 'model',
      feedback:
        '2 of 3 claims are supported by the context; not supported: "She was born in Warsaw.".',
      raw: `${claimsReply.text}\n\n${verdictsReply.text}`,
      usage: { promptTokens: 30, completionTokens: 12, totalTokens: 42 },
      metadata: { claims, verdicts, unsupportedClaims: ['She was born in Warsaw.'] },
    });
    expect(model.requests.map((sent) => sent.options?.temperature)).toEqual([0, 0]);
    const claimsPrompt = lastUserText(model.requests[0]);
    expect(claimsPrompt).toContain(
      'Question:\nWho was Marie Curie?\n\nAnswer:\n' + request.response,
    );
    const verdictsPrompt = lastUserText(model.requests[1]);
    expect(verdictsPrompt).toContain(
      'Context:\nMarie Curie won the Nobel Prize in Physics in 1903.\nShe won the Chemistry prize in 1911.\n\n' +
        'Claims:\n1. Marie Curie won the Nobel Prize in Physics.\n2. She won it in 1903.\n3. She was born in Warsaw.\n',
    );
  });

  it('passes at a lower threshold', async () => {
    const model = new MockChatModel({ replies: [claimsReply, verdictsReply] });
    const result = await createFaithfulnessEvaluator({ model, threshold: 0.6 }).evaluate(request);
    expect([result.pass, result.score]).toEqual([true, 2 / 3]);
  });

  it('scores 1 when the response makes no claims, without a second call', async () => {
    const model = new MockChatModel({ replies: ['{"claims": []}'] });
    const result = await createFaithfulnessEvaluator({ model }).evaluate(request);
    expect(result).toMatchObject({
      pass: true,
      score: 1,
      feedback: 'The response makes no factual claims to check.',
    });
    expect(model.requests).toHaveLength(1);
  });

  it('re-asks once after invalid JSON and uses the corrected reply', async () => {
    const model = new MockChatModel({
      replies: ['Sure! Here are the claims: claims', claimsReply, verdictsReply],
    });
    const result = await createFaithfulnessEvaluator({ model }).evaluate(request);
    expect(result.score).toBe(2 / 3);
    expect(model.requests).toHaveLength(3);
    expect(lastUserText(model.requests[1])).toMatch(/^Your previous answer could not be used:/);
  });

  it('is malformed when the JSON stays unusable after the re-ask', async () => {
    const model = new MockChatModel({
      replies: [claimsReply, '{"verdicts": "all fine"}', '{"verdicts": "all fine"}'],
    });
    const result = await createFaithfulnessEvaluator({ model }).evaluate(request);
    expect(result).toMatchObject({
      pass: false,
      score: 0,
      method: 'model',
      metadata: { malformed: true },
    });
    expect(result.feedback).toBe(
      "The judge's reply could not be read: The model's answer is not valid structured output after 2 attempts:\n" +
        '- verdicts: must be an array, not the string "all fine"',
    );
    expect(result.raw).toBe(`${claimsReply.text}\n\n{"verdicts": "all fine"}`);
    expect(model.requests).toHaveLength(3);
  });

  it('is malformed when the verdicts do not match the claims one for one', async () => {
    const short = JSON.stringify({ verdicts: verdicts.slice(0, 2) });
    const model = new MockChatModel({ replies: [claimsReply, short] });
    const result = await createFaithfulnessEvaluator({ model }).evaluate(request);
    expect(result.feedback).toBe(
      "The judge's reply could not be read: 3 claims were sent but 2 verdicts came back.",
    );
    expect(result.metadata).toEqual({ malformed: true });
  });

  it('rejects a threshold outside 0..1 and a request without context', async () => {
    expect(() =>
      createFaithfulnessEvaluator({ model: new MockChatModel(), threshold: 1.5 }),
    ).toThrow('threshold must be a number from 0 to 1, got 1.5.');
    const evaluator = createFaithfulnessEvaluator({ model: new MockChatModel() });
    await expect(evaluator.evaluate({ ...request, context: [] })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });

  it('round-trips through local-llm in native JSON-schema mode', async () => {
    const provider = createProvider('local');
    provider.localLlm?.script([{ content: claimsReply.text }, { content: verdictsReply.text }]);
    const evaluator = createFaithfulnessEvaluator({ model: provider.chat(), heuristic: 'never' });
    const result = await evaluator.evaluate(request);
    expect([result.method, result.score]).toEqual(['model', 2 / 3]);
    const bodies = provider.localLlm?.requests().map((r) => r.body as Record<string, unknown>);
    expect(bodies?.map((body) => (body.response_format as { type: string }).type)).toEqual([
      'json_schema',
      'json_schema',
    ]);
  });

  it('falls back to sentence overlap on the embedded model', async () => {
    const result = await createFaithfulnessEvaluator({
      model: createProvider('local').chat(),
    }).evaluate(request);
    expect(result).toEqual({
      pass: false,
      score: 0.5,
      method: 'heuristic',
      feedback:
        'Heuristic (no judge model): 1 of 2 sentences are mostly made of context words; not supported: "She was born in Warsaw." (score 0.5, pass at 0.8).',
      metadata: { unsupportedClaims: ['She was born in Warsaw.'] },
    });
  });
});
