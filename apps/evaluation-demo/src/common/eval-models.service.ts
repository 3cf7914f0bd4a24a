// Which model answers and which judges (the seed: Doubao answers, DeepSeek judges). The answerer
// is the registry's default (AI_PROVIDER / the first configured key / the embedded model); the
// judge is EVAL_JUDGE, else the same default. Suite runs resolve their providers through
// @repo/evaluation's resolver, built on the same env, retries (AI_MAX_RETRIES) and embedded model
// (so tests can inject faults). The models' retries are the only ones: the runner and the judges
// call each model once, so a failing call reaches the provider at most 1 + AI_MAX_RETRIES times.
import { Inject, Injectable } from '@nestjs/common';
import type { ChatModel } from '@repo/core';
import { createModelResolver, type ModelResolver } from '@repo/evaluation';
import { AI_CONFIG, AI_MODEL_REGISTRY, APP_CONFIG, type AiConfig } from '@repo/nest';
import type { ModelRegistry } from '@repo/providers';
import type { AppConfig } from '../app-config.js';

@Injectable()
export class EvalModelsService {
  private runModels: ModelResolver | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AI_CONFIG) private readonly ai: AiConfig,
    @Inject(AI_MODEL_REGISTRY) private readonly registry: ModelRegistry,
  ) {}

  /** `provider[:model]` of the judge, undefined for the default model. */
  get judgeId(): string | undefined {
    return this.config.EVAL_JUDGE;
  }

  answerer(): ChatModel {
    return this.registry.chat();
  }

  judge(): ChatModel {
    return this.registry.chat(this.judgeId);
  }

  /** Built on first use: it creates the embedded model when `local` is in play. */
  resolver(): ModelResolver {
    this.runModels ??= createModelResolver({
      env: this.ai.env,
      localLlm: this.registry.localLlm(),
      ...(this.ai.registry.retry ? { retry: this.ai.registry.retry } : {}),
      ...(this.ai.registry.timeoutMs ? { timeoutMs: this.ai.registry.timeoutMs } : {}),
    });
    return this.runModels;
  }
}
