// Spring AI's MessageChatMemoryAdvisor: the conversation's window goes into the request as
// messages, after the system message and before the new user message; after the turn, the user
// message and every message the turn produced (tool calls, tool results, the answer) are appended.
// Unlike Spring, the user message is stored together with the answer, so a failed turn leaves no
// unanswered question behind and concurrent turns never interleave.
import type { Advisor, Message } from '@repo/core';
import { memoryAdvisor } from './memory-advisor-support.js';
import type { MemoryAdvisorOptions } from './memory-advisor-support.js';

export type MessageChatMemoryAdvisorOptions = MemoryAdvisorOptions;

export function createMessageChatMemoryAdvisor(options: MessageChatMemoryAdvisorOptions): Advisor {
  return memoryAdvisor(options, 'message-chat-memory', (advised, turn) => {
    const messages = advised.request.messages;
    let systemEnd = 0;
    while (messages[systemEnd]?.role === 'system') systemEnd++;
    const withHistory: Message[] = [
      ...messages.slice(0, systemEnd),
      ...turn.history,
      ...messages.slice(systemEnd),
    ];
    return { ...advised, request: { ...advised.request, messages: withHistory } };
  });
}
