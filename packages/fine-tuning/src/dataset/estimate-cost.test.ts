import { readFileSync } from 'node:fs';
import { InvalidInputError } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { defaultEpochs, estimateCost, type PriceTable } from './estimate-cost.js';

const examplePrices = JSON.parse(
  readFileSync(new URL('./example-prices.json', import.meta.url), 'utf8'),
) as PriceTable;

describe('defaultEpochs (the cookbook rule)', () => {
  it('raises epochs for small sets, lowers them for large ones, else 3', () => {
    expect(defaultEpochs(10)).toBe(10); // 30 < 100 → min(25, 100 // 10)
    expect(defaultEpochs(3)).toBe(25); // min(25, 33)
    expect(defaultEpochs(50)).toBe(3); // 150 ≥ 100
    expect(defaultEpochs(8000)).toBe(3); // 24,000 ≤ 25,000
    expect(defaultEpochs(9000)).toBe(2); // 27,000 > 25,000 → max(1, 25000 // 9000)
    expect(defaultEpochs(20_000)).toBe(1); // max(1, 25000 // 20000)
  });

  it('refuses an empty dataset', () => {
    expect(() => defaultEpochs(0)).toThrow(InvalidInputError);
  });
});

describe('estimateCost', () => {
  const prices: PriceTable = {
    currency: 'USD',
    models: { 'my-model': { trainingPerMillionTokens: 2 } },
  };
  const stats = { examples: 50, billingTokens: 400_000, contextTokens: 16_385 };

  it('bills epochs × capped tokens at the configured price', () => {
    expect(estimateCost(stats, { model: 'my-model', prices })).toEqual({
      model: 'my-model',
      examples: 50,
      epochs: 3,
      epochsFrom: 'default-rule',
      billingTokensPerEpoch: 400_000,
      chargedTokens: 1_200_000,
      pricePerMillionTokens: 2,
      cost: 2.4,
      currency: 'USD',
    });
    expect(estimateCost(stats, { model: 'my-model', prices, epochs: 5 })).toMatchObject({
      epochs: 5,
      epochsFrom: 'given',
      chargedTokens: 2_000_000,
      cost: 4,
    });
  });

  it('reads the example price table (a file, not code)', () => {
    const mini = { examples: 10, billingTokens: 50_000, contextTokens: 65_536 };
    const estimate = estimateCost(mini, { model: 'gpt-4o-mini-2024-07-18', prices: examplePrices });
    const price = examplePrices.models['gpt-4o-mini-2024-07-18']!.trainingPerMillionTokens;
    expect(estimate.epochs).toBe(10);
    expect(estimate.chargedTokens).toBe(500_000);
    expect(estimate.cost).toBeCloseTo(0.5 * price, 10);
  });

  it('names what is missing or inconsistent', () => {
    expect(() => estimateCost(stats, { model: 'other', prices })).toThrow(
      expect.objectContaining({
        details: [expect.objectContaining({ field: 'prices.models.other' })],
      }),
    );
    // statistics capped at 16,385 cannot price a 65,536-token model
    expect(() =>
      estimateCost(stats, { model: 'gpt-4o-2024-08-06', prices: examplePrices }),
    ).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field: 'model' })] }));
    expect(() => estimateCost(stats, { model: 'my-model', prices, epochs: 0 })).toThrow(
      InvalidInputError,
    );
  });
});
