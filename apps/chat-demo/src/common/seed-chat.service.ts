// The seed's per-provider routes answer from their provider when it is configured and from the
// embedded model otherwise (the seed failed at boot without its key). `X-AI-Provider` tells the
// caller which one answered.
import { Inject, Injectable } from '@nestjs/common';
import type { ChatClient, ChatClients } from '@repo/chat';
import type { ChatOptions } from '@repo/core';
import { AI_CHAT_CLIENTS, AI_MODEL_REGISTRY } from '@repo/nest';
import type { ModelRegistry, ProviderName } from '@repo/providers';

export interface SeedAnswer {
  text: string;
  /** The provider that answered (`local` when the route's provider is not configured). */
  provider: string;
}

export interface SeedPrompt {
  system?: string;
  user: string;
  params?: Record<string, unknown>;
  options?: ChatOptions;
}

@Injectable()
export class SeedChatService {
  constructor(
    @Inject(AI_CHAT_CLIENTS) private readonly clients: ChatClients,
    @Inject(AI_MODEL_REGISTRY) private readonly registry: ModelRegistry,
  ) {}

  /** The route's provider when configured, else the embedded model. */
  clientFor(provider: ProviderName): ChatClient {
    const configured = this.registry.configuredProviders.includes(provider);
    return this.clients.get(configured ? provider : 'local');
  }

  async ask(provider: ProviderName, prompt: SeedPrompt): Promise<SeedAnswer> {
    let spec = this.clientFor(provider).prompt().user(prompt.user, prompt.params);
    if (prompt.system !== undefined) spec = spec.system(prompt.system);
    if (prompt.options) spec = spec.options(prompt.options);
    const answer = await spec.call();
    return { text: answer.content, provider: answer.response.provider };
  }
}
