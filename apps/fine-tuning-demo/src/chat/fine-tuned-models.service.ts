// Model names the chat and compare routes take, resolved to something that answers: an alias
// (registered in the model registry when its job succeeds, and again at boot from the stored
// records), a fine-tuned id (`ft:tiny-gpt:local:…`), a job's base model, or the registry's own
// `provider` / `provider:model`. `local:` models are called on the app's own local-llm, where the
// jobs trained them.
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InvalidInputError, userMessage, type ChatModel } from '@repo/core';
import { chatModelRef } from '@repo/fine-tuning';
import { AI_MODEL_REGISTRY } from '@repo/nest';
import { createProvider, type ModelRegistry, type Provider } from '@repo/providers';
import { LocalLlmService } from '../common/local-llm.service.js';
import type { JobStore } from '../jobs/job-store.js';
import type { AppJobRecord } from '../jobs/job-view.js';

export interface Answer {
  model: string;
  text: string;
  ms: number;
}

@Injectable()
export class FineTunedModelsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FineTunedModels');
  private readonly local: Provider;
  private store: JobStore | undefined;

  constructor(
    @Inject(AI_MODEL_REGISTRY) private readonly registry: ModelRegistry,
    @Inject(LocalLlmService) localLlm: LocalLlmService,
  ) {
    this.local = createProvider('local', { localLlm: localLlm.llm, retry: { maxRetries: 0 } });
  }

  /** Set by the follower, which owns the store (no import cycle). */
  attach(store: JobStore): void {
    this.store = store;
  }

  /** Registers a succeeded job's model under its alias (a no-op otherwise); never throws. */
  register(record: AppJobRecord): void {
    const target = chatModelRef({
      backend: record.backend,
      fineTunedModel: record.fineTunedModel ?? undefined,
    });
    if (record.alias === null || record.status !== 'succeeded' || target === undefined) return;
    if (this.registry.aliases()[record.alias] === target) return;
    try {
      this.registry.alias(record.alias, target);
    } catch (error) {
      // The registry's own rules (a provider it cannot reach without its key): the id still works.
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Alias "${record.alias}" not registered: ${reason}`);
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const record of (await this.store?.list()) ?? []) this.register(record);
  }

  /** The `provider:model` a name stands for; InvalidInputError naming `field` when none. */
  async resolve(name: string, field: string): Promise<string> {
    const alias = this.registry.aliases()[name];
    if (alias) return alias;
    if (name === 'tiny-gpt') return 'local:tiny-gpt';
    if (name.startsWith('ft:')) {
      const job = (await this.store?.list())?.find((record) => record.fineTunedModel === name);
      const ref = job && chatModelRef({ backend: job.backend, fineTunedModel: name });
      if (ref) return ref;
      if (name.startsWith('ft:tiny-gpt:')) return `local:${name}`;
      throw new InvalidInputError(`Unknown fine-tuned model "${name}".`, [
        { field, reason: 'is not the model of a job here (GET /api/fine-tuning/jobs lists them)' },
      ]);
    }
    try {
      this.registry.chat(name);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InvalidInputError(`Unknown model "${name}": ${reason}`, [
        { field, reason: `is not an alias, a fine-tuned id or a provider[:model] (${reason})` },
      ]);
    }
    return name;
  }

  model(ref: string): ChatModel {
    return ref.startsWith('local:')
      ? this.local.chat(ref.slice('local:'.length))
      : this.registry.chat(ref);
  }

  async answer(
    name: string,
    ref: string,
    prompt: string,
    maxTokens?: number,
    signal?: AbortSignal,
  ): Promise<Answer> {
    const started = performance.now();
    const response = await this.model(ref).call({
      messages: [userMessage(prompt)],
      ...(maxTokens === undefined ? {} : { options: { maxTokens } }),
      ...(signal ? { signal } : {}),
    });
    return { model: name, text: response.text, ms: Math.round(performance.now() - started) };
  }
}
