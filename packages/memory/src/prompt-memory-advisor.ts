// Spring AI's PromptChatMemoryAdvisor: the conversation's window is rendered as text into the
// system message (Spring's default template and `USER:text` lines; only user and assistant text,
// as Spring does), for models or prompts that work better with history as context than as turns.
// Storing is the same as the message advisor's: the user message and the whole turn, after it.
import { systemMessage, textOf } from '@repo/core';
import type { Advisor, Message } from '@repo/core';
import { memoryAdvisor } from './memory-advisor-support.js';
import type { MemoryAdvisorOptions } from './memory-advisor-support.js';

/** Spring AI's default: `{instructions}` is the request's system text, `{memory}` the history. */
export const DEFAULT_PROMPT_MEMORY_TEMPLATE = `{instructions}

Use the conversation memory from the MEMORY section to provide accurate answers.

---------------------
MEMORY:
{memory}
---------------------

`;

export interface PromptChatMemoryAdvisorOptions extends MemoryAdvisorOptions {
  /** Holds `{instructions}` and `{memory}`. Default `DEFAULT_PROMPT_MEMORY_TEMPLATE`. */
  template?: string;
}

export function renderMemory(history: readonly Message[]): string {
  return history
    .filter((message) => message.role === 'user' || message.role === 'assistant')
    .map((message) => `${message.role.toUpperCase()}:${textOf(message)}`)
    .join('\n');
}

export function createPromptChatMemoryAdvisor(options: PromptChatMemoryAdvisorOptions): Advisor {
  const template = options.template ?? DEFAULT_PROMPT_MEMORY_TEMPLATE;
  return memoryAdvisor(options, 'prompt-chat-memory', (advised, turn) => {
    const messages = advised.request.messages;
    const system = messages[0]?.role === 'system' ? messages[0] : undefined;
    const values: Record<string, string> = {
      instructions: system ? textOf(system) : '',
      memory: renderMemory(turn.history),
    };
    // One pass, so a `{memory}` inside the instructions or history is not expanded again.
    const text = template.replace(
      /\{(instructions|memory)\}/g,
      (_, key: string) => values[key] ?? '',
    );
    const rest = system ? messages.slice(1) : messages;
    return {
      ...advised,
      request: { ...advised.request, messages: [systemMessage(text), ...rest] },
    };
  });
}
