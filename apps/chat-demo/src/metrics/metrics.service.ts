// Token counters in Prometheus format (spring-ai-observability-metric and the seed's
// SimpleMetricAdvisor): Spring AI's `gen_ai_client_token_usage_total` tagged by token type,
// system and model, and the seed's untagged `ai_*_tokens_total`, fed by AiModule's token-usage
// advisor; plus the default process metrics. One registry per app instance (tests boot several).
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { AI_TOKEN_USAGE, type ObservableTokenUsage } from '@repo/nest';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

@Injectable()
export class MetricsService implements OnModuleDestroy {
  readonly registry = new Registry();
  private readonly unsubscribe: () => void;

  constructor(@Inject(AI_TOKEN_USAGE) usage: ObservableTokenUsage) {
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    const tokens = new Counter({
      name: 'gen_ai_client_token_usage_total',
      help: 'Tokens used by chat requests (Spring AI gen_ai.client.token.usage)',
      labelNames: ['gen_ai_token_type', 'gen_ai_system', 'gen_ai_request_model'] as const,
      registers,
    });
    const seed = {
      prompt: new Counter({
        name: 'ai_prompt_tokens_total',
        help: 'Prompt tokens (seed ai.prompt.tokens)',
        registers,
      }),
      completion: new Counter({
        name: 'ai_completion_tokens_total',
        help: 'Completion tokens (seed ai.completion.tokens)',
        registers,
      }),
      total: new Counter({
        name: 'ai_total_tokens_total',
        help: 'Total tokens (seed ai.total.tokens)',
        registers,
      }),
    };
    this.unsubscribe = usage.subscribe(({ provider, model, usage: used }) => {
      const labels = { gen_ai_system: provider, gen_ai_request_model: model };
      tokens.inc({ ...labels, gen_ai_token_type: 'input' }, used.promptTokens || 0);
      tokens.inc({ ...labels, gen_ai_token_type: 'output' }, used.completionTokens || 0);
      tokens.inc({ ...labels, gen_ai_token_type: 'total' }, used.totalTokens || 0);
      seed.prompt.inc(used.promptTokens || 0);
      seed.completion.inc(used.completionTokens || 0);
      seed.total.inc(used.totalTokens || 0);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }
}
