// The judges against a hosted model: run with `npm run test:live` and a provider key set
// (AI_PROVIDER / the first configured key picks the judge, as in the apps). Checks that each
// judge's prompt gets a reply it can read (never `malformed`) and the verdict a capable model
// gives on clear-cut cases, in English and Chinese. Skipped when only the embedded model is there.
import { createModelRegistry } from '@repo/providers';
import { describe, expect, it } from 'vitest';
import { createCorrectnessEvaluator } from './judges/correctness-evaluator.js';
import { createFactCheckingEvaluator } from './judges/fact-checking-evaluator.js';
import { createFaithfulnessEvaluator } from './judges/faithfulness-evaluator.js';
import { createPairwiseJudge } from './judges/pairwise-judge.js';
import { createRelevancyEvaluator } from './judges/relevancy-evaluator.js';
import { createRubricEvaluator } from './judges/rubric-evaluator.js';

const registry = createModelRegistry(process.env);
const hosted = registry.defaultProvider !== 'local';
const model = () => registry.chat();
const context = [
  '明朝从1368年延续到1644年，共有十六位皇帝。',
  'The Ming dynasty ruled China from 1368 to 1644.',
];

describe.skipIf(!hosted)(`judges on ${registry.defaultProvider} (live)`, () => {
  it('relevancy and fact-checking: yes for a supported answer, no for an unsupported one', async () => {
    const relevancy = createRelevancyEvaluator({ model: model() });
    const good = await relevancy.evaluate({
      userText: '明朝有多少位皇帝？',
      response: '明朝共有十六位皇帝。',
      context,
    });
    expect(good).toMatchObject({ pass: true, method: 'model' });
    const facts = createFactCheckingEvaluator({ model: model() });
    const wrong = await facts.evaluate({
      userText: '',
      response: 'The Ming dynasty ended in 1911.',
      context,
    });
    expect(wrong).toMatchObject({ pass: false, method: 'model' });
    expect(wrong.metadata?.malformed).toBeUndefined();
  }, 120_000);

  it('faithfulness names the unsupported claim; correctness and the rubric read structured replies', async () => {
    const faithfulness = await createFaithfulnessEvaluator({ model: model() }).evaluate({
      userText: 'When did the Ming dynasty rule?',
      response: 'The Ming dynasty ruled from 1368 to 1644. Its capital was always Nanjing.',
      context,
    });
    expect(faithfulness.method).toBe('model');
    expect(faithfulness.score).toBeCloseTo(0.5, 1);
    const correctness = await createCorrectnessEvaluator({ model: model() }).evaluate({
      userText: 'How many emperors did the Ming dynasty have?',
      response: 'Sixteen.',
      reference: 'The Ming dynasty had 16 emperors.',
    });
    expect(correctness).toMatchObject({ pass: true, method: 'model' });
    const rubric = await createRubricEvaluator({
      model: model(),
      rubric: 'The answer is in Chinese.',
    }).evaluate({
      userText: '明朝有多少位皇帝？',
      response: 'There were sixteen.',
    });
    expect(rubric).toMatchObject({ pass: false, method: 'model' });
  }, 180_000);

  it('pairwise: the consistent winner over both orders', async () => {
    const verdict = await createPairwiseJudge({ model: model() }).compare({
      question: 'What is the capital of France?',
      a: 'The capital of France is Paris.',
      b: 'France is a country in Europe with many cities.',
    });
    expect(verdict).toMatchObject({ winner: 'a', method: 'model' });
  }, 120_000);
});
