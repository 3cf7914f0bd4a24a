// Per-model training limits: the longest example a fine-tuning job keeps before truncating it,
// and the tokenizer the model uses. Configuration, not logic: pass `contextTokens`/`encoding` to
// override, and check OpenAI's fine-tuning guide when a model is added.
import { InvalidInputError } from '@repo/core';
import { wholeNumber } from './check-options.js';

export type EncodingName = 'o200k_base' | 'cl100k_base';

export interface ModelLimits {
  /** Longest training example in tokens; longer ones are truncated. */
  contextTokens: number;
  encoding: EncodingName;
  /** Where the figure comes from. */
  source: 'docs' | 'assumed';
}

/** The cookbook's MAX_TOKENS_PER_EXAMPLE, used for models not in the table. */
export const DEFAULT_CONTEXT_TOKENS = 16_385;

export const MODEL_LIMITS: Record<string, ModelLimits> = {
  // OpenAI fine-tuning guide and Azure OpenAI's fine-tuning model table: "training example
  // context length 65,536" for these two snapshots; 16,385 for gpt-3.5-turbo-0125.
  'gpt-4o-mini-2024-07-18': { contextTokens: 65_536, encoding: 'o200k_base', source: 'docs' },
  'gpt-4o-2024-08-06': { contextTokens: 65_536, encoding: 'o200k_base', source: 'docs' },
  'gpt-3.5-turbo-0125': { contextTokens: 16_385, encoding: 'cl100k_base', source: 'docs' },
  // Not confirmed in a document we could read: the same limit as gpt-4o is assumed.
  'gpt-4.1-2025-04-14': { contextTokens: 65_536, encoding: 'o200k_base', source: 'assumed' },
  'gpt-4.1-mini-2025-04-14': { contextTokens: 65_536, encoding: 'o200k_base', source: 'assumed' },
  'gpt-4.1-nano-2025-04-14': { contextTokens: 65_536, encoding: 'o200k_base', source: 'assumed' },
};

export interface LimitOverrides {
  model?: string;
  contextTokens?: number;
  encoding?: EncodingName;
}

/** The limits for a model (the table, else the defaults), with explicit overrides applied. */
export function resolveLimits(options: LimitOverrides): ModelLimits {
  const known = options.model === undefined ? undefined : MODEL_LIMITS[options.model];
  const contextTokens = wholeNumber(
    options.contextTokens ?? known?.contextTokens ?? DEFAULT_CONTEXT_TOKENS,
    'contextTokens',
  );
  const encoding = options.encoding ?? known?.encoding ?? 'o200k_base';
  if (encoding !== 'o200k_base' && encoding !== 'cl100k_base')
    throw new InvalidInputError(`Unknown encoding "${String(encoding)}"`, [
      { field: 'encoding', reason: 'must be o200k_base or cl100k_base' },
    ]);
  const overridden = options.contextTokens !== undefined || options.encoding !== undefined;
  return { contextTokens, encoding, source: known && !overridden ? known.source : 'assumed' };
}
