// spring-ai-chat-doubao, -qwen and -ollama: one plain call each, with the seed's "json always"
// system prompt. Ollama's reasoning (deepseek-r1's <think> block, which the seed returned inline)
// stays out of the text: providers keep it as a separate reasoning part.
import { Inject, Injectable } from '@nestjs/common';
import { SeedChatService, type SeedAnswer } from '../common/seed-chat.service.js';
import { JSON_ALWAYS_SYSTEM_PROMPT } from '../common/system-prompts.js';

export type SeedProvider = 'doubao' | 'qwen' | 'ollama';

@Injectable()
export class ProviderChatService {
  constructor(@Inject(SeedChatService) private readonly seed: SeedChatService) {}

  chat(provider: SeedProvider, userInput: string): Promise<SeedAnswer> {
    return this.seed.ask(provider, { system: JSON_ALWAYS_SYSTEM_PROMPT, user: userInput });
  }
}
