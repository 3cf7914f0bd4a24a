// The token-usage advisor with subscribers: one advisor on every client of the app, and any
// number of listeners (a Prometheus exporter, a budget) attached later, after DI has built them.
import { createTokenUsageAdvisor, type TokenUsageAdvisor, type TokenUsageEvent } from '@repo/chat';

export type TokenUsageListener = (event: TokenUsageEvent) => void;

export interface ObservableTokenUsage extends TokenUsageAdvisor {
  /** Calls `listener` after every request with its summed usage; returns the unsubscribe. */
  subscribe(listener: TokenUsageListener): () => void;
}

export function createObservableTokenUsage(): ObservableTokenUsage {
  const listeners = new Set<TokenUsageListener>();
  const advisor = createTokenUsageAdvisor({
    onUsage: (event) => {
      for (const listener of listeners) listener(event);
    },
  });
  return Object.assign(advisor, {
    subscribe(listener: TokenUsageListener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  });
}
