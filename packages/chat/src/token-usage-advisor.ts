// Counts tokens per provider and model (the seed's SimpleMetricAdvisor, which fed the Micrometer
// counters `ai.prompt.tokens` / `ai.completion.tokens` / `ai.total.tokens`). Unlike the seed it
// has a stream variant (usage from the final event), tolerates missing counters, and tags by
// provider and model. `onUsage` is the hook for a real metrics registry (Prometheus).
import type { Advisor, ChatResponse, Usage } from '@repo/core';
import { observeStream } from './observe-stream.js';

export interface TokenUsageTotals {
  provider: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  reasoningTokens: number;
  requests: number;
}

export interface TokenUsageEvent {
  provider: string;
  model: string;
  /** Summed over every turn of the request (tool rounds included). */
  usage: Usage;
  mode: 'call' | 'stream';
}

export interface TokenUsageAdvisorOptions {
  onUsage?: (event: TokenUsageEvent) => void;
  name?: string;
  order?: number;
}

/** The seed's counter names, untagged, summed over every provider and model. */
export interface SeedTokenCounters {
  'ai.prompt.tokens': number;
  'ai.completion.tokens': number;
  'ai.total.tokens': number;
}

export interface TokenUsageAdvisor extends Advisor {
  totals(): TokenUsageTotals[];
  counters(): SeedTokenCounters;
  reset(): void;
}

export function createTokenUsageAdvisor(options: TokenUsageAdvisorOptions = {}): TokenUsageAdvisor {
  const totals = new Map<string, TokenUsageTotals>();

  const record = (response: ChatResponse, mode: TokenUsageEvent['mode']) => {
    const usage = response.totalUsage ?? response.usage;
    const key = `${response.provider}\u0000${response.model}`;
    const entry = totals.get(key) ?? {
      provider: response.provider,
      model: response.model,
      promptTokens: 0,
      completionTokens: 0,
      totalTokens: 0,
      reasoningTokens: 0,
      requests: 0,
    };
    // `|| 0` guards providers that omit a counter (the seed's advisor crashed on a null here).
    entry.promptTokens += usage.promptTokens || 0;
    entry.completionTokens += usage.completionTokens || 0;
    entry.totalTokens += usage.totalTokens || 0;
    entry.reasoningTokens += usage.reasoningTokens || 0;
    entry.requests += 1;
    totals.set(key, entry);
    options.onUsage?.({ provider: response.provider, model: response.model, usage, mode });
  };

  return {
    name: options.name ?? 'token-usage',
    order: options.order ?? 0,
    async adviseCall(request, next) {
      const advised = await next(request);
      record(advised.response, 'call');
      return advised;
    },
    adviseStream: (request, next) =>
      observeStream(next(request), { onFinish: (response) => record(response, 'stream') }),
    totals: () => [...totals.values()].map((entry) => ({ ...entry })),
    counters() {
      const sum = (pick: (entry: TokenUsageTotals) => number) =>
        [...totals.values()].reduce((total, entry) => total + pick(entry), 0);
      return {
        'ai.prompt.tokens': sum((entry) => entry.promptTokens),
        'ai.completion.tokens': sum((entry) => entry.completionTokens),
        'ai.total.tokens': sum((entry) => entry.totalTokens),
      };
    },
    reset: () => totals.clear(),
  };
}
