// spring-ai-chat-deepseek: the three PromptTemplate styles and the metered call. Token counts of
// every route reach /metrics through AiModule's token-usage advisor (the seed's
// SimpleMetricAdvisor, which only chatWithMetric had).
import { Inject, Injectable } from '@nestjs/common';
import { createPromptTemplate } from '@repo/prompting';
import { SeedChatService, type SeedAnswer } from '../common/seed-chat.service.js';
import { DEEPSEEK_SYSTEM_PROMPT } from '../common/system-prompts.js';
import type { PromptType } from './dto/chat-with-prompt.dto.js';

const JSON_PROMPT = '使用 json 格式输出这段文字： {content}';
// The seed's StTemplateRenderer with '<' and '>' delimiters.
const ANGLE_TEMPLATE = createPromptTemplate('使用 json 格式输出这段文字： <content>', {
  delimiters: ['<', '>'],
});

@Injectable()
export class DeepseekService {
  constructor(@Inject(SeedChatService) private readonly seed: SeedChatService) {}

  chatWithPrompt(userInput: string, promptType: PromptType = '01'): Promise<SeedAnswer> {
    const system = DEEPSEEK_SYSTEM_PROMPT;
    switch (promptType) {
      case '01':
        return this.seed.ask('deepseek', { system, user: userInput });
      case '02':
        return this.seed.ask('deepseek', {
          system,
          user: JSON_PROMPT,
          params: { content: userInput },
        });
      case '03':
        return this.seed.ask('deepseek', {
          system,
          user: ANGLE_TEMPLATE.render({ content: userInput }),
        });
    }
  }

  chatWithMetric(userInput: string): Promise<SeedAnswer> {
    return this.seed.ask('deepseek', { system: DEEPSEEK_SYSTEM_PROMPT, user: userInput });
  }
}
