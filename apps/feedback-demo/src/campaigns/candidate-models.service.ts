// The models a campaign can compare. Offline, the embedded model under two configurations whose
// answers really differ (the whole answer, and the same cut to a few tokens); with a provider
// configured, `provider` or `provider:model` (`deepseek`, `qwen:qwen-max`) as AI_PROVIDER takes
// them. Candidates are generated through ChatClient, one request each; the model's own retries
// (AI_MAX_RETRIES) are the only ones.
import { Inject, Injectable } from '@nestjs/common';
import { createChatClient } from '@repo/chat';
import { InvalidInputError, type ChatModel, type ChatOptions } from '@repo/core';
import type { GenerateCandidate } from '@repo/feedback';
import { AI_MODEL_REGISTRY } from '@repo/nest';
import { isProviderName, type ModelRegistry } from '@repo/providers';

interface Preset {
  description: string;
  model: string;
  options: ChatOptions;
}

/** Offline presets: the same embedded model, configured so that the two answers differ. */
const PRESETS = new Map<string, Preset>([
  [
    'local-detailed',
    { description: 'The embedded model, whole answers', model: 'local', options: {} },
  ],
  [
    'local-brief',
    {
      description: 'The embedded model, answers cut to 8 tokens',
      model: 'local',
      options: { maxTokens: 8 },
    },
  ],
]);

export interface CandidateModel {
  name: string;
  description: string;
}

@Injectable()
export class CandidateModelsService {
  constructor(@Inject(AI_MODEL_REGISTRY) private readonly registry: ModelRegistry) {}

  list(): CandidateModel[] {
    const presets = [...PRESETS].map(([name, { description }]) => ({ name, description }));
    const providers = this.registry.configuredProviders
      .filter((name) => name !== 'local')
      .map((name) => ({ name, description: `${name}, its default model (or ${name}:<model>)` }));
    return [...presets, ...providers];
  }

  /** InvalidInputError naming each `models[i]` that cannot be resolved. */
  check(models: readonly string[]): void {
    const details = models.flatMap((name, i) => {
      try {
        this.resolve(name);
        return [];
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return [{ field: `models[${i}]`, reason }];
      }
    });
    if (details.length > 0)
      throw new InvalidInputError(
        `Unknown models: ${details.map((detail) => detail.field).join(', ')} (GET /api/feedback/models lists them)`,
        details,
      );
  }

  readonly generate: GenerateCandidate = async (name, prompt, signal) => {
    const { model, options } = this.resolve(name);
    const answer = await createChatClient(model)
      .prompt()
      .messages(prompt)
      .options(options)
      .signal(signal)
      .call();
    return {
      text: answer.content,
      model: answer.response.model,
      provider: answer.response.provider,
      parameters: { ...options },
    };
  };

  private resolve(name: string): { model: ChatModel; options: ChatOptions } {
    const preset = PRESETS.get(name);
    if (preset) return { model: this.registry.chat(preset.model), options: preset.options };
    const provider = name.split(':')[0] ?? '';
    if (!isProviderName(provider) || provider === 'local')
      throw new Error(
        `is not one of ${this.list()
          .map((model) => model.name)
          .join(', ')} or provider:model`,
      );
    if (!this.registry.configuredProviders.includes(provider))
      throw new Error(`names the ${provider} provider, which is not configured (set its API key)`);
    return { model: this.registry.chat(name), options: {} };
  }
}
