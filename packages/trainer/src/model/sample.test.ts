import { describe, expect, it } from 'vitest';
import { buildCharTokenizer } from '../tokenizer/build-tokenizer.js';
import { initWeights } from './config.js';
import { GptRunner } from './inference.js';
import { createRandom } from './rng.js';
import { generateChat, pickToken, type SampleOptions } from './sample.js';

// A vocabulary missing most Chinese characters, so answers are mostly byte tokens.
const tokenizer = buildCharTokenizer(['abc 语言']);
const config = { vocabSize: tokenizer.size, context: 64, layers: 1, dModel: 16, heads: 2 };
const weights = initWeights(config, 5);
// Larger weights make sharper, more varied distributions than the near-uniform start.
for (const values of weights.values()) for (let i = 0; i < values.length; i++) values[i]! *= 20;
const runner = new GptRunner(config, weights);

function run(prompt: string, options: SampleOptions) {
  const generator = generateChat(runner, tokenizer, [{ role: 'user', content: prompt }], options);
  const pieces: string[] = [];
  let next = generator.next();
  while (!next.done) {
    pieces.push(next.value);
    next = generator.next();
  }
  return { pieces, result: next.value };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('sampling', () => {
  it('never emits broken UTF-8, even when most tokens are bytes (200 seeded answers to Chinese prompts)', () => {
    let bytePieces = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const { pieces, result } = run('模型是什么？鲸鱼🐳', {
        seed,
        temperature: 1.5,
        maxTokens: 24,
      });
      expect(pieces.join('')).toBe(result.text);
      for (const piece of pieces) {
        expect(piece).not.toMatch(LONE_SURROGATE);
        expect(Buffer.from(piece, 'utf8').toString('utf8')).toBe(piece);
      }
      bytePieces += result.tokens.filter((id) => id >= 7 && id < 263).length;
    }
    expect(bytePieces).toBeGreaterThan(100);
  });

  it('is deterministic for a seed, and greedy at temperature 0, top-k 1 or a tiny top-p', () => {
    expect(run('abc', { seed: 9 }).result.text).toBe(run('abc', { seed: 9 }).result.text);
    const greedy = run('abc', { temperature: 0 }).result.tokens;
    expect(run('abc', { topK: 1, seed: 4 }).result.tokens).toEqual(greedy);
    expect(run('abc', { topP: 1e-6, seed: 4 }).result.tokens).toEqual(greedy);
  });

  it('gives the same text with and without the KV cache', () => {
    const cached = run('语言', { seed: 3, maxTokens: 20 }).result;
    expect(run('语言', { seed: 3, maxTokens: 20, kvCache: false }).result).toEqual(cached);
  });

  it('keeps to top-k and never picks a banned id', () => {
    const logits = Float32Array.from([5, 4, 3, 2, 1]);
    const random = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 300; i++)
      seen.add(pickToken(logits, { temperature: 1, topK: 2, topP: 1 }, random, new Set([0])));
    expect([...seen].sort()).toEqual([1, 2]);
  });

  it('refuses bad options, naming them', () => {
    expect(() => run('a', { temperature: -1 })).toThrow(/temperature/);
    expect(() => run('a', { topP: 0 })).toThrow(/topP/);
    expect(() => run('a', { topK: 0.5 })).toThrow(/topK/);
    expect(() => run('a', { maxTokens: 0 })).toThrow(/maxTokens/);
  });
});
