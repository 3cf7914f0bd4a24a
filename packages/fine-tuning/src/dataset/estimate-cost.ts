// What a hosted fine-tuning job would bill, the OpenAI cookbook's way: the epochs OpenAI picks
// for a dataset of this size (unless given), the tokens billed per epoch (each example capped
// at the model's context) and the price from the caller's price table. Prices are never kept in
// code: pass them in (example-prices.json shows the shape; check current pricing).
import { InvalidInputError } from '@repo/core';
import { wholeNumber } from './check-options.js';
import type { DatasetStats } from './dataset-stats.js';
import { MODEL_LIMITS } from './model-limits.js';

export const TARGET_EPOCHS = 3;
export const MIN_TARGET_EXAMPLES = 100;
export const MAX_TARGET_EXAMPLES = 25_000;
export const MIN_DEFAULT_EPOCHS = 1;
export const MAX_DEFAULT_EPOCHS = 25;

export interface PriceTable {
  currency?: string;
  /** Price per one million training tokens, by model name. */
  models: Record<string, { trainingPerMillionTokens: number }>;
}

export interface CostEstimate {
  model: string;
  examples: number;
  epochs: number;
  /** 'given' when the caller chose the epochs, else OpenAI's default rule. */
  epochsFrom: 'given' | 'default-rule';
  billingTokensPerEpoch: number;
  chargedTokens: number;
  pricePerMillionTokens: number;
  cost: number;
  currency: string;
}

/** The epochs OpenAI chooses by default for `examples` examples (cookbook rule). */
export function defaultEpochs(examples: number): number {
  wholeNumber(examples, 'examples');
  if (examples * TARGET_EPOCHS < MIN_TARGET_EXAMPLES)
    return Math.min(MAX_DEFAULT_EPOCHS, Math.floor(MIN_TARGET_EXAMPLES / examples));
  if (examples * TARGET_EPOCHS > MAX_TARGET_EXAMPLES)
    return Math.max(MIN_DEFAULT_EPOCHS, Math.floor(MAX_TARGET_EXAMPLES / examples));
  return TARGET_EPOCHS;
}

export function estimateCost(
  stats: Pick<DatasetStats, 'examples' | 'billingTokens' | 'contextTokens'>,
  options: { model: string; prices: PriceTable; epochs?: number },
): CostEstimate {
  const { model, prices } = options;
  const price = prices.models[model]?.trainingPerMillionTokens;
  if (price === undefined || !Number.isFinite(price) || price < 0)
    throw new InvalidInputError(`No training price for model "${model}"`, [
      {
        field: `prices.models.${model}`,
        reason: `add { trainingPerMillionTokens } (priced: ${Object.keys(prices.models).join(', ') || 'none'})`,
      },
    ]);
  const known = MODEL_LIMITS[model];
  if (known && known.contextTokens !== stats.contextTokens)
    throw new InvalidInputError(`Statistics were capped at ${stats.contextTokens} tokens`, [
      {
        field: 'model',
        reason: `validate with { model: '${model}' } (cap ${known.contextTokens})`,
      },
    ]);
  const epochs = wholeNumber(options.epochs ?? defaultEpochs(stats.examples), 'epochs');
  const chargedTokens = epochs * stats.billingTokens;
  return {
    model,
    examples: stats.examples,
    epochs,
    epochsFrom: options.epochs === undefined ? 'default-rule' : 'given',
    billingTokensPerEpoch: stats.billingTokens,
    chargedTokens,
    pricePerMillionTokens: price,
    cost: (chargedTokens / 1_000_000) * price,
    currency: prices.currency ?? 'USD',
  };
}
