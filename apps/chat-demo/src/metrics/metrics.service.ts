// Token counters in Prometheus format (spring-ai-observability-metric and the seed's
// SimpleMetricAdvisor): Spring AI's `gen_ai_client_token_usage_total` tagged by token type,
// system and model, and the seed's untagged `ai_*_tokens_total`, fed by AiModule's token-usage
// advisor; plus the default process metrics. One registry per app instance (tests boot several).
// The totals are kept here from the first request; prom-client (and the OpenTelemetry API it
// loads, ~90 files) is imported on the first scrape, so boot does not pay for it (cold start).
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { AI_TOKEN_USAGE, type ObservableTokenUsage } from '@repo/nest';
import type { Registry } from 'prom-client';

/** Tokens by type, in TOKEN_TYPES' order. */
type Counts = [input: number, output: number, total: number];
/**
 * Key: provider and model joined by NUL (neither can hold one). One entry per pair, its three
 * counts together: one key and one lookup per request rather than one per token type.
 */
type Totals = Map<string, Counts>;

const TOKEN_TYPES = ['input', 'output', 'total'] as const;

const SEED_COUNTERS = [
  ['ai_prompt_tokens_total', 'Prompt tokens (seed ai.prompt.tokens)', 0],
  ['ai_completion_tokens_total', 'Completion tokens (seed ai.completion.tokens)', 1],
  ['ai_total_tokens_total', 'Total tokens (seed ai.total.tokens)', 2],
] as const;

@Injectable()
export class MetricsService implements OnModuleDestroy {
  private readonly totals: Totals = new Map();
  private registry?: Promise<Registry>;
  private readonly unsubscribe: () => void;

  constructor(@Inject(AI_TOKEN_USAGE) usage: ObservableTokenUsage) {
    this.unsubscribe = usage.subscribe(({ provider, model, usage: used }) => {
      const key = `${provider}\0${model}`;
      let counts = this.totals.get(key);
      if (!counts) this.totals.set(key, (counts = [0, 0, 0]));
      counts[0] += used.promptTokens || 0;
      counts[1] += used.completionTokens || 0;
      counts[2] += used.totalTokens || 0;
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
}

async function createRegistry(totals: Totals): Promise<Registry> {
  const { collectDefaultMetrics, Counter, Registry } = await import('prom-client');
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Each counter reads the totals when scraped instead of being incremented as requests finish.
  new Counter({
    name: 'gen_ai_client_token_usage_total',
    help: 'Tokens used by chat requests (Spring AI gen_ai.client.token.usage)',
    labelNames: ['gen_ai_token_type', 'gen_ai_system', 'gen_ai_request_model'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [key, counts] of totals) {
        const [system = '', model = ''] = key.split('\0');
        TOKEN_TYPES.forEach((type, index) =>
          this.inc(
            { gen_ai_system: system, gen_ai_request_model: model, gen_ai_token_type: type },
            counts[index],
          ),
        );
      }
    },
  });
  for (const [name, help, index] of SEED_COUNTERS)
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc([...totals.values()].reduce((sum, counts) => sum + counts[index], 0));
      },
    });
  return registry;
}
