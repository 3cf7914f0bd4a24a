import { describe, expect, it } from 'vitest';
import { main as metrics } from '../examples/metrics.js';
import { main as quickStart } from '../examples/quick-start.js';

describe('README examples', () => {
  it('quick start: one judged answer and a suite, offline', async () => {
    expect(await quickStart()).toEqual({
      verdict: {
        pass: true,
        method: 'heuristic',
        // 明朝共有十六位皇帝: of 明 朝 共 有 十 六 位 皇 帝, only 有 is not in the context.
        feedback:
          'Heuristic (no judge model): 8 of 9 content words of the response appear in the context (score 0.89, pass at 0.5).',
      },
      outputs: [
        'Based on the context: Paris is the capital of France.',
        '根据上下文：东京是日本的首都。',
      ],
      summary: { passed: 2, total: 2, heuristic: true },
      junitTestcases: 2,
    });
  }, 30_000);

  it('metrics', async () => {
    expect(await metrics()).toEqual({
      exactMatch: 1, // "eiffel tower" after SQuAD normalisation
      f1: 0.5, // [in, paris, france] vs [paris]: P = 1/3, R = 1
      f1Chinese: 0.889, // 4 characters in common: P = 4/4, R = 4/5
      rougeL: 0.833, // LCS "the cat on the mat" = 5 of 6 tokens each way
      bleu: 0.639, // (5/6 · 4/6 · 3/5 · 2/4)^(1/4) = (1/6)^(1/4), add-one smoothing above unigrams
      levenshtein: 3,
      pairwise: { winner: 'a', method: 'heuristic' },
    });
  });
});
