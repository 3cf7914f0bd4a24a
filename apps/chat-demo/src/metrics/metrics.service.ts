// Token counters in Prometheus format (spring-ai-observability-metric and the seed's
// SimpleMetricAdvisor): Spring AI's `gen_ai_client_token_usage_total` tagged by token type,
// system and model, and the seed's untagged `ai_*_tokens_total`, fed by AiModule's token-usage
// advisor; plus the default process metrics. One registry per app instance (tests boot several).
// The totals are kept here from the first request; prom-client (and the OpenTelemetry API it
// loads, ~90 files) is imported on the first scrape, so boot does not pay for it (cold start).
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { AI_TOKEN_USAGE, type ObservableTokenUsage } from '@repo/nest';
import type { Registry } from 'prom-client';

type TokenType = 'input' | 'output' | 'total';
/** Key: provider, model and token type joined by NUL (none of them can hold one). */
type Totals = Map<string, number>;

const SEED_COUNTERS = [
  ['ai_prompt_tokens_total', 'Prompt tokens (seed ai.prompt.tokens)', 'input'],
  ['ai_completion_tokens_total', 'Completion tokens (seed ai.completion.tokens)', 'output'],
  ['ai_total_tokens_total', 'Total tokens (seed ai.total.tokens)', 'total'],
] as const;

@Injectable()
export class MetricsService implements OnModuleDestroy {
  private readonly totals: Totals = new Map();
  private registry?: Promise<Registry>;
  private readonly unsubscribe: () => void;

  constructor(@Inject(AI_TOKEN_USAGE) usage: ObservableTokenUsage) {
    this.unsubscribe = usage.subscribe(({ provider, model, usage: used }) => {
      this.add(provider, model, 'input', used.promptTokens);
      this.add(provider, model, 'output', used.completionTokens);
      this.add(provider, model, 'total', used.totalTokens);
    });
  }

  /** The Prometheus text exposition and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    this.registry ??= createRegistry(this.totals);
    const registry = await this.registry;
    return { contentType: registry.contentType, body: await registry.metrics() };
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  private add(provider: string, model: string, type: TokenType, tokens: number): void {
    const key = `${provider}\0${model}\0${type}`;
    this.totals.set(key, (this.totals.get(key) ?? 0) + (tokens || 0));
  }
}

async function createRegistry(totals: Totals): Promise<Registry> {
  const { collectDefaultMetrics, Counter, Registry } = await import('prom-client');
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const entries = () => [...totals].map(([key, value]) => [key.split('\0'), value] as const);
  // Each counter reads the totals when scraped instead of being incremented as requests finish.
  new Counter({
    name: 'gen_ai_client_token_usage_total',
    help: 'Tokens used by chat requests (Spring AI gen_ai.client.token.usage)',
    labelNames: ['gen_ai_token_type', 'gen_ai_system', 'gen_ai_request_model'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [[system = '', model = '', type = ''], value] of entries())
        this.inc(
          { gen_ai_system: system, gen_ai_request_model: model, gen_ai_token_type: type },
          value,
        );
    },
  });
  for (const [name, help, type] of SEED_COUNTERS)
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(entries().reduce((sum, [key, value]) => (key[2] === type ? sum + value : sum), 0));
      },
    });
  return registry;
}
