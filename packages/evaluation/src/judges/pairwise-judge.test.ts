// MT-Bench pairwise with position swap: a winner only when both orders agree, `inconsistent`
// otherwise; the reference-guided prompt when a reference is given; both calls concurrent.
import { AbortedError, textOf } from '@repo/core';
import type { ChatModel } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { createProvider } from '@repo/providers';
import { describe, expect, it } from 'vitest';
import { PAIRWISE_REFERENCE_SYSTEM_PROMPT, PAIRWISE_SYSTEM_PROMPT } from './judge-prompts.js';
import { createPairwiseJudge } from './pairwise-judge.js';
import type { PairwiseInput } from './pairwise-judge.js';

const input: PairwiseInput = {
  question: 'What is the capital of France?',
  a: 'The capital of France is Paris.',
  b: 'Lyon.',
};
const reply = (text: string) => ({ text, usage: { promptTokens: 50, completionTokens: 10 } });

async function compare(replies: string[], extra: Partial<PairwiseInput> = {}) {
  const model = new MockChatModel({ replies: replies.map(reply) });
  const verdict = await createPairwiseJudge({ model }).compare({ ...input, ...extra });
  return { verdict, model };
}

describe('createPairwiseJudge', () => {
  it('keeps the winner when both orders agree, mapping the swapped verdict back', async () => {
    const { verdict, model } = await compare([
      'A explains it. [[A]]',
      'Assistant B is right. [[B]]',
    ]);
    expect(verdict).toEqual({
      winner: 'a',
      verdicts: ['a', 'a'],
      method: 'model',
      feedback: 'Both orders agree: A is better.',
      raw: ['A explains it. [[A]]', 'Assistant B is right. [[B]]'],
      usage: { promptTokens: 100, completionTokens: 20, totalTokens: 120 },
    });
    const [first, second] = model.requests;
    expect(first?.options).toEqual({ temperature: 0 });
    expect(textOf(first!.messages[0]!)).toBe(PAIRWISE_SYSTEM_PROMPT);
    expect(textOf(first!.messages[1]!)).toBe(
      "[User Question]\nWhat is the capital of France?\n\n[The Start of Assistant A's Answer]\nThe capital of France is Paris.\n" +
        "[The End of Assistant A's Answer]\n\n[The Start of Assistant B's Answer]\nLyon.\n[The End of Assistant B's Answer]",
    );
    expect(textOf(second!.messages[1]!)).toContain("[The Start of Assistant A's Answer]\nLyon.\n");
  });

  it('calls A-then-A-after-swap inconsistent (position bias)', async () => {
    const { verdict } = await compare(['[[A]]', '[[A]]']);
    expect(verdict).toMatchObject({
      winner: 'inconsistent',
      verdicts: ['a', 'b'],
      feedback: 'Inconsistent: with A shown first, A is better; with B shown first, B is better.',
    });
  });

  it('reads a tie in both orders as a tie, and the last verdict mark in a reply', async () => {
    const { verdict } = await compare(['I must answer [[A]] or [[B]]... Final: [[C]]', '[[C]]']);
    expect([verdict.winner, verdict.verdicts]).toEqual(['tie', ['tie', 'tie']]);
  });

  it('turns a reply without a verdict into inconsistent, not a throw', async () => {
    const { verdict } = await compare(['Both are fine, really.', '[[B]]']);
    expect(verdict).toMatchObject({
      winner: 'inconsistent',
      verdicts: ['invalid', 'a'],
      feedback:
        'Inconsistent: with A shown first, no readable [[A]]/[[B]]/[[C]] verdict; with B shown first, A is better.',
    });
  });

  it('uses the reference-guided prompt when given a reference', async () => {
    const { model } = await compare(['[[A]]', '[[B]]'], { reference: 'Paris' });
    expect(textOf(model.requests[0]!.messages[0]!)).toBe(PAIRWISE_REFERENCE_SYSTEM_PROMPT);
    expect(textOf(model.requests[0]!.messages[1]!)).toContain(
      '[The Start of Reference Answer]\nParis\n[The End of Reference Answer]\n\n',
    );
  });

  it('starts both calls before either answers', { timeout: 2_000 }, async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    const inner = new MockChatModel({ defaultReply: '[[C]]' });
    const model: ChatModel = {
      provider: 'mock',
      modelId: 'gated',
      async call(request) {
        if (++started === 2) release();
        await gate;
        return inner.call(request);
      },
      stream: (request) => inner.stream(request),
    };
    const verdict = await createPairwiseJudge({ model }).compare(input);
    expect([started, verdict.winner]).toEqual([2, 'tie']);
  });

  it('honours an aborted signal and lets provider errors through', async () => {
    const controller = new AbortController();
    controller.abort();
    const judge = createPairwiseJudge({
      model: new MockChatModel({ defaultReply: new Error('down') }),
    });
    await expect(judge.compare({ ...input, signal: controller.signal })).rejects.toBeInstanceOf(
      AbortedError,
    );
    await expect(judge.compare(input)).rejects.toThrow('down');
  });

  it('round-trips through local-llm with heuristic: never', async () => {
    const provider = createProvider('local');
    provider.localLlm?.script([{ content: 'B is wrong. [[A]]' }, { content: 'A is wrong. [[B]]' }]);
    const verdict = await createPairwiseJudge({
      model: provider.chat(),
      heuristic: 'never',
    }).compare(input);
    expect([verdict.winner, verdict.method]).toEqual(['a', 'model']);
    expect(provider.localLlm?.requests()).toHaveLength(2);
  });

  it('falls back to the heuristic on the embedded model', async () => {
    const verdict = await createPairwiseJudge({ model: createProvider('local').chat() }).compare(
      input,
    );
    expect(verdict).toEqual({
      winner: 'a',
      verdicts: ['a', 'a'],
      method: 'heuristic',
      feedback: 'Heuristic (no judge model): A scores 1, B 0 (question words covered): A wins.',
    });
  });
});
