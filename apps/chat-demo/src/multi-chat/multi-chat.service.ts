// spring-ai-chat-multi and -multi-openai: two providers in one app. The seed needed
// `spring.ai.chat.client.enabled=false` and hand-built beans; here each is `clients.get(name)`.
// Fixed seed bugs: the Doubao answer was labelled "OpenAI", and multi-chat-openai returned an
// empty body (answers went to the log only, errors were swallowed).
import { Inject, Injectable } from '@nestjs/common';
import { SeedChatService, type SeedAnswer } from '../common/seed-chat.service.js';
import { JSON_ALWAYS_SYSTEM_PROMPT } from '../common/system-prompts.js';

/** Both answers as one text; `provider` lists who answered, in order ("deepseek, doubao"). */
function combine(deepseek: SeedAnswer, doubao: SeedAnswer): SeedAnswer {
  return {
    text: `DeepSeek: ${deepseek.text}\nDoubao: ${doubao.text}`,
    provider: `${deepseek.provider}, ${doubao.provider}`,
  };
}

@Injectable()
export class MultiChatService {
  constructor(@Inject(SeedChatService) private readonly seed: SeedChatService) {}

  /** /api/multi-chat/chat: "who are you?" to DeepSeek (json-always prompt), then to Doubao. */
  async multiChat(): Promise<SeedAnswer> {
    const user = 'who are you?';
    const deepseek = await this.seed.ask('deepseek', { system: JSON_ALWAYS_SYSTEM_PROMPT, user });
    const doubao = await this.seed.ask('doubao', { user });
    return combine(deepseek, doubao);
  }

  /** /api/multi-chat-openai/chat: the capital of France at temperature 0.5 and 0.7, in parallel. */
  async multiChatOpenai(): Promise<SeedAnswer> {
    const user = 'What is the capital of France?';
    const [deepseek, doubao] = await Promise.all([
      this.seed.ask('deepseek', { user, options: { temperature: 0.5 } }),
      this.seed.ask('doubao', { user, options: { temperature: 0.7 } }),
    ]);
    return combine(deepseek, doubao);
  }
}
