// spring-ai-chat-memory-local's ChatMemoryService: one ChatClient call with the message memory
// advisor and the request's conversation id. The seed fell back to the id "naming-20250528";
// here it is Spring's own default, "default".
import { Inject, Injectable } from '@nestjs/common';
import type { ChatClient } from '@repo/chat';
import { userMessage } from '@repo/core';
import {
  CHAT_MEMORY_CONVERSATION_ID_KEY,
  DEFAULT_CONVERSATION_ID,
  DEFAULT_MAX_MESSAGE_BYTES,
  messageSizeBytes,
  MessageTooLargeError,
} from '@repo/memory';
import { AI_CHAT_CLIENT } from '@repo/nest';
import { MemoryStoreService } from '../memory/memory-store.service.js';

/** The seed's system prompt (spring-ai-chat-memory-local). */
export const SEED_SYSTEM_PROMPT =
  'You are deepseek chat bot, you answer questions in a concise and accurate manner.';

export interface ChatAnswer {
  text: string;
  provider: string;
}

@Injectable()
export class ChatMemoryService {
  constructor(
    @Inject(AI_CHAT_CLIENT) private readonly client: ChatClient,
    @Inject(MemoryStoreService) private readonly store: MemoryStoreService,
  ) {}

  async chat(message: string, conversationId = DEFAULT_CONVERSATION_ID): Promise<ChatAnswer> {
    rejectOversized(message);
    const answer = await this.client
      .prompt()
      .system(SEED_SYSTEM_PROMPT)
      .user(message)
      .advisors(await this.store.advisor())
      .advisorContext({ [CHAT_MEMORY_CONVERSATION_ID_KEY]: conversationId })
      .call();
    return { text: answer.content, provider: answer.response.provider };
  }
}

/** The repository would refuse to store it after the model call; refuse before spending one. */
function rejectOversized(message: string): void {
  // The repository's own measure of the user message the advisor will store.
  const sizeBytes = messageSizeBytes(userMessage(message));
  if (sizeBytes > DEFAULT_MAX_MESSAGE_BYTES)
    throw new MessageTooLargeError({
      field: 'message',
      sizeBytes,
      limitBytes: DEFAULT_MAX_MESSAGE_BYTES,
    });
}
