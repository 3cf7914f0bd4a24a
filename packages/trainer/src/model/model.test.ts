import { gptParameters } from '@repo/training-math';
import { describe, expect, it } from 'vitest';
import {
  countParameters,
  initWeights,
  weightShapes,
  type GptConfig,
  type Weights,
} from './config.js';
import { GptRunner } from './inference.js';
import { createRandom } from './rng.js';
import { TfGpt, type TokenBatch } from './tf-gpt.js';
import { loadTf } from './tf.js';

const tiny: GptConfig = { vocabSize: 23, context: 8, layers: 2, dModel: 8, heads: 2 };

/** Weights far from the near-uniform start, so the checks exercise every path. */
function randomWeights(config: GptConfig, seed: number, std = 0.4): Weights {
  const random = createRandom(seed);
  const weights = initWeights(config, seed);
  for (const values of weights.values())
    for (let i = 0; i < values.length; i++)
      values[i] = (values[i] as number) + random.normal() * std;
  return weights;
}

function batchOf(config: GptConfig, seed: number, batch = 2, length = 6): TokenBatch {
  const random = createRandom(seed);
  const ids = Int32Array.from({ length: batch * length }, () => random.below(config.vocabSize));
  const targets = Int32Array.from({ length: batch * length }, () => random.below(config.vocabSize));
  const weights = Float32Array.from({ length: batch * length }, (_, i) =>
    i % length === 0 ? 0 : 1,
  );
  return { ids, targets, weights, batch, length };
}

describe('the tiny GPT', () => {
  it('counts its parameters exactly (as training-math does) and by the seed article’s 12·L·d²', () => {
    const config: GptConfig = { vocabSize: 1000, context: 128, layers: 4, dModel: 128, heads: 4 };
    const stored = weightShapes(config).reduce(
      (sum, [, shape]) => sum + shape.reduce((a, b) => a * b, 1),
      0,
    );
    const count = countParameters(config);
    expect(count.exact).toBe(stored);
    expect(count.exact).toBe(gptParameters({ layers: 4, dModel: 128, vocab: 1000, context: 128 }));
    expect(count.exact).toBe(1000 * 128 + 128 * 128 + 4 * (12 * 128 * 128 + 13 * 128) + 2 * 128);
    expect(count.approximate).toBe(12 * 4 * 128 * 128);
    expect(count.embeddings).toBe(1128 * 128);
  });

  it('rejects a shape it cannot build, naming the field', () => {
    expect(() => new GptRunner({ ...tiny, heads: 3 }, initWeights(tiny))).toThrow(/heads/);
    expect(() => initWeights({ ...tiny, layers: 0 })).toThrow(/layers/);
  });

  it('gives the same next-token logits in TensorFlow.js and in the plain-TypeScript KV-cache pass', async () => {
    const tf = await loadTf();
    const weights = randomWeights(tiny, 7);
    const model = new TfGpt(tf, tiny, weights);
    const batch = batchOf(tiny, 3, 1, 7);
    const logp = tf.tidy(() => model.logProbs(batch.ids, 1, 7));
    const fromTf = (await logp.array()) as number[][];
    logp.dispose();
    const session = new GptRunner(tiny, weights).session();
    for (let t = 0; t < 7; t++) {
      const logits = session.feed(batch.ids[t] as number);
      const max = Math.max(...logits);
      const lse = max + Math.log(logits.reduce((s, v) => s + Math.exp(v - max), 0));
      for (let v = 0; v < tiny.vocabSize; v++)
        expect(logits[v]! - lse).toBeCloseTo(fromTf[t]![v]!, 4);
    }
    model.dispose();
  });

  it('computes gradients that agree with finite differences', async () => {
    const tf = await loadTf();
    const weights = randomWeights(tiny, 11, 0.3);
    const model = new TfGpt(tf, tiny, weights);
    const batch = batchOf(tiny, 5);
    const { loss, grads } = model.gradients(() => model.loss(batch));
    expect(loss).toBeGreaterThan(1);
    const lossAt = () => tf.tidy(() => model.loss(batch).dataSync()[0] as number);
    const random = createRandom(99);
    let checked = 0;
    const epsilon = 1e-2;
    for (const [name] of weightShapes(tiny)) {
      const values = Float32Array.from(weights.get(name)!);
      const grad = grads.get(name)!;
      for (let k = 0; k < 3; k++) {
        const i = random.below(values.length);
        const original = values[i]!;
        values[i] = original + epsilon;
        model.assign(name, values);
        const up = lossAt();
        values[i] = original - epsilon;
        model.assign(name, values);
        const down = lossAt();
        values[i] = original;
        model.assign(name, values);
        const numeric = (up - down) / (2 * epsilon);
        expect(Math.abs(numeric - grad[i]!)).toBeLessThan(2e-3 + 0.03 * Math.abs(numeric));
        checked++;
      }
    }
    expect(checked).toBe(weightShapes(tiny).length * 3);
    model.dispose();
  });
});
