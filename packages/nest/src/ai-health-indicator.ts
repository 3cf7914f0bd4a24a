// A Terminus health indicator for the model (Spring Boot actuator's health contributor). By
// default it reports the configuration only (provider, model), which costs nothing and never
// spends tokens; `{ deep: true }` makes one tiny call (1 token) and reports its latency.
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { userMessage } from '@repo/core';
import type { ModelRegistry } from '@repo/providers';
import { AI_MODEL_REGISTRY } from './ai-tokens.js';
import { toHttpError } from './map-error.js';

export interface AiHealthCheckOptions {
  /** Make a real, 1-token call to the default model (default false: config only). */
  deep?: boolean;
  /** Deep check time limit (default 5000 ms). */
  timeoutMs?: number;
}

@Injectable()
export class AiHealthIndicator {
  constructor(
    @Inject(AI_MODEL_REGISTRY) private readonly registry: ModelRegistry,
    @Inject(HealthIndicatorService) private readonly health: HealthIndicatorService,
  ) {}

  async check<const Key extends string = 'ai'>(
    key: Key = 'ai' as Key,
    options: AiHealthCheckOptions = {},
  ): Promise<HealthIndicatorResult<Key>> {
    const described = this.registry.describe();
    const info = {
      provider: described.defaultProvider,
      model: described.defaultModel ?? 'default',
      embeddingProvider: described.defaultEmbeddingProvider,
      configuredProviders: [...this.registry.configuredProviders],
    };
    const indicator = this.health.check(key);
    if (!options.deep) return indicator.up({ ...info, checked: 'config' });
    const started = performance.now();
    try {
      const response = await this.registry.chat().call({
        messages: [userMessage('ping')],
        options: { maxTokens: 1, timeoutMs: options.timeoutMs ?? 5000 },
      });
      return indicator.up({
        ...info,
        model: response.model,
        checked: 'call',
        latencyMs: Math.round(performance.now() - started),
      });
    } catch (error) {
      const mapped = toHttpError(error);
      return indicator.down({
        ...info,
        checked: 'call',
        statusCode: mapped.status,
        message: mapped.body?.message ?? 'aborted',
      });
    }
  }
}
