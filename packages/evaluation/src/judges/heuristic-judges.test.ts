// The offline fallbacks, with exact scores in English and Chinese (one character, one token).
import { tokenF1 } from '../metrics/exact-match.js';
import { describe, expect, it } from 'vitest';
import type { EvaluationRequest } from '../evaluator.js';
import {
  heuristicCorrectness,
  heuristicFactCheck,
  heuristicFaithfulness,
  heuristicPairwise,
  heuristicRelevancy,
  heuristicRubric,
  tokenCoverage,
} from './heuristic-judges.js';

const ask = (fields: Partial<EvaluationRequest>): EvaluationRequest => ({
  userText: '',
  response: '',
  ...fields,
});

describe('tokenF1 and tokenCoverage', () => {
  it('follow SQuAD: articles and punctuation dropped, multiset overlap', () => {
    expect(tokenF1('Paris', 'The capital is Paris.')).toBe(0.5);
    expect(tokenF1('the the', 'a')).toBe(1);
    expect(tokenF1('Paris', '')).toBe(0);
    expect(tokenF1('北京', '中国的首都是北京')).toBe(0.4);
  });

  it('counts distinct content tokens of the text found in the pool', () => {
    expect(tokenCoverage('Paris, Paris and Lyon', 'Paris is big')).toEqual({
      found: 1,
      total: 2,
      share: 0.5,
    });
    expect(tokenCoverage('the of', 'anything')).toEqual({ found: 0, total: 0, share: 0 });
  });
});

describe('heuristicRelevancy', () => {
  const context = ['Paris is the capital of France.'];

  it('with context: the response words found in the context, pass at 0.5', () => {
    const result = heuristicRelevancy(
      ask({ response: 'Paris is the capital of Germany.', context }),
    );
    expect(result).toEqual({
      pass: true,
      score: 2 / 3,
      method: 'heuristic',
      feedback:
        'Heuristic (no judge model): 2 of 3 content words of the response appear in the context (score 0.67, pass at 0.5).',
    });
  });

  it('without context: the question words found in the response', () => {
    const result = heuristicRelevancy(
      ask({ userText: 'What is the capital of France?', response: 'Paris.' }),
    );
    expect([result.pass, result.score]).toEqual([false, 0]);
    expect(result.feedback).toBe(
      'Heuristic (no judge model): 0 of 2 content words of the question appear in the response (no context given) (score 0, pass at 0.5).',
    );
  });

  it('works on Chinese characters', () => {
    const ok = heuristicRelevancy(
      ask({ response: '法国的首都是巴黎。', context: ['巴黎是法国的首都。'] }),
    );
    expect([ok.pass, ok.score]).toEqual([true, 1]);
    const half = heuristicRelevancy(
      ask({ response: '首都是柏林', context: ['巴黎是法国的首都。'] }),
    );
    expect([half.pass, half.score]).toEqual([true, 0.5]);
  });
});

describe('heuristicFactCheck', () => {
  const context = ['The Eiffel Tower is 330 metres tall and stands in Paris.'];

  it('scores the claim words found in the document, pass at 0.6', () => {
    const result = heuristicFactCheck(
      ask({ response: 'The Eiffel Tower was built in Rome in 1650.', context }),
    );
    expect([result.pass, result.score]).toEqual([false, 0.4]);
    expect(result.feedback).toBe(
      'Heuristic (no judge model): 2 of 5 content words of the claim appear in the document (score 0.4, pass at 0.6).',
    );
  });

  it('works on Chinese characters', () => {
    // 在 is a stop word: 长 城 北 京 all appear, 长 城 上 海 only half.
    const held = heuristicFactCheck(
      ask({ response: '长城在北京。', context: ['长城位于北京北部。'] }),
    );
    expect([held.pass, held.score]).toEqual([true, 1]);
    const moved = heuristicFactCheck(
      ask({ response: '长城在上海。', context: ['长城位于北京北部。'] }),
    );
    expect([moved.pass, moved.score]).toEqual([false, 0.5]);
  });
});

describe('heuristicFaithfulness', () => {
  it('counts sentences mostly made of context words', () => {
    const result = heuristicFaithfulness(
      ask({
        response: 'Marie Curie won the Nobel Prize in Physics in 1903. She was born in Warsaw.',
        context: ['Marie Curie won the Nobel Prize in Physics in 1903.'],
      }),
      0.5,
    );
    expect([result.pass, result.score, result.metadata]).toEqual([
      true,
      0.5,
      { unsupportedClaims: ['She was born in Warsaw.'] },
    ]);
  });

  it('splits Chinese at 。 and names the unsupported sentence', () => {
    const result = heuristicFaithfulness(
      ask({
        response: '居里夫人获得了诺贝尔物理学奖。她出生于华沙。',
        context: ['居里夫人于1903年获得诺贝尔物理学奖。'],
      }),
      0.8,
    );
    expect(result).toEqual({
      pass: false,
      score: 0.5,
      method: 'heuristic',
      feedback:
        'Heuristic (no judge model): 1 of 2 sentences are mostly made of context words; not supported: "她出生于华沙。" (score 0.5, pass at 0.8).',
      metadata: { unsupportedClaims: ['她出生于华沙。'] },
    });
  });

  it('scores 1 for a response without sentences', () => {
    const result = heuristicFaithfulness(ask({ response: '...', context: ['x'] }), 0.8);
    expect([result.pass, result.score, result.feedback]).toEqual([
      true,
      1,
      'Heuristic (no judge model): the response makes no claims to check (score 1, pass at 0.8).',
    ]);
  });
});

describe('heuristicCorrectness', () => {
  it('is token F1 against the reference, pass at 0.5', () => {
    expect(
      heuristicCorrectness(ask({ response: 'Paris', reference: 'The capital is Paris' })),
    ).toMatchObject({ pass: true, score: 0.5 });
    expect(
      heuristicCorrectness(ask({ response: '北京', reference: '中国的首都是北京' })),
    ).toMatchObject({ pass: false, score: 0.4 });
  });
});

describe('heuristicRubric', () => {
  it('is the share of rubric words in the response, pass at the threshold or 0.5', () => {
    const request = ask({ response: 'Our refund policy gives you 30 days.' });
    const rubric = 'Mentions the refund policy and the 30 day limit';
    expect(heuristicRubric(request, rubric)).toMatchObject({ pass: true, score: 0.5 });
    expect(heuristicRubric(request, rubric, 0.6)).toMatchObject({ pass: false, score: 0.5 });
    const chinese = heuristicRubric(ask({ response: '我们的退款政策是三十天。' }), '提到退款政策');
    expect(chinese).toMatchObject({ pass: true, score: 4 / 6 });
  });
});

describe('heuristicPairwise', () => {
  it('compares token F1 against the reference', () => {
    expect(
      heuristicPairwise({ question: 'Capital?', a: 'Lyon', b: 'It is Paris', reference: 'Paris' }),
    ).toEqual({
      winner: 'b',
      feedback:
        'Heuristic (no judge model): A scores 0, B 0.5 (token F1 against the reference): B wins.',
    });
  });

  it('compares question coverage without a reference, Chinese included', () => {
    const verdict = heuristicPairwise({
      question: '法国的首都是哪里？',
      a: '法国的首都是巴黎。',
      b: '巴黎。',
    });
    expect(verdict.winner).toBe('a');
    expect(verdict.feedback).toBe(
      'Heuristic (no judge model): A scores 0.67, B 0 (question words covered): A wins.',
    );
  });

  it('calls scores within 0.05 a tie', () => {
    const verdict = heuristicPairwise({
      question: 'q',
      a: 'Paris is nice',
      b: 'Paris is big',
      reference: 'Paris',
    });
    expect(verdict.winner).toBe('tie');
    expect(verdict.feedback).toBe(
      'Heuristic (no judge model): A scores 0.5, B 0.5 (token F1 against the reference): a tie (within 0.05).',
    );
  });
});

describe('attribution phrases', () => {
  it('are not counted as claims or content words', async () => {
    const { heuristicFaithfulness, heuristicFactCheck, withoutAttribution } =
      await import('./heuristic-judges.js');
    expect(withoutAttribution('根据上下文：东京是日本的首都。')).toBe('东京是日本的首都。');
    expect(withoutAttribution('According to the provided context, Paris is big.')).toBe(
      'Paris is big.',
    );
    expect(withoutAttribution('Paris is big, according to the context.')).toBe(
      'Paris is big, according to the context.',
    );
    const request = {
      userText: '日本的首都是哪里？',
      response: '根据上下文：东京是日本的首都。',
      context: ['东京是日本的首都。'],
    };
    expect(heuristicFaithfulness(request, 0.8).score).toBe(1);
    expect(heuristicFactCheck(request).score).toBe(1);
    // A lead-in that is not an attribution phrase still counts: 6 of 12 characters, below 0.6.
    expect(
      heuristicFaithfulness({ ...request, response: '据说这篇文中：东京是日本的首都。' }, 0.8)
        .score,
    ).toBe(0);
  });
});
