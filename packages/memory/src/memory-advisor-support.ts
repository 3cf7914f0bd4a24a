// What the two memory advisors share: the conversation id of a request, the new user messages to
// store, the messages a turn produced (call: the response's `messages`; stream: the chat client's
// context key, set before the `finish` event) and the turn appended in one write.
import { CHAT_CONTEXT_KEYS, InvalidInputError } from '@repo/core';
import type { AdvisedRequest, Advisor, ChatResponse, Message } from '@repo/core';
import type { ChatMemory } from './chat-memory.js';
import { CHAT_MEMORY_CONVERSATION_ID_KEY, DEFAULT_CONVERSATION_ID } from './chat-memory.js';

/** Spring AI's DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER (HIGHEST_PRECEDENCE + 1000): outside most advisors. */
export const DEFAULT_CHAT_MEMORY_ORDER = -1000;

export interface MemoryAdvisorOptions {
  memory: ChatMemory;
  /** Advisor context key of the conversation id. Default `chat_memory_conversation_id`. */
  conversationIdKey?: string;
  /** Used when the request carries no id. Default `default`. */
  defaultConversationId?: string;
  /** Context key where the chat client leaves a stream's messages. Default `chat.messages`. */
  messagesContextKey?: string;
  order?: number;
  name?: string;
}

export interface MemoryTurn {
  conversationId: string;
  /** The request's trailing user messages: stored with the answer after the turn. */
  userMessages: Message[];
  history: Message[];
}

export async function startTurn(
  options: MemoryAdvisorOptions,
  { request, context }: AdvisedRequest,
): Promise<MemoryTurn> {
  const raw = context.get(options.conversationIdKey ?? CHAT_MEMORY_CONVERSATION_ID_KEY);
  const conversationId = raw ?? options.defaultConversationId ?? DEFAULT_CONVERSATION_ID;
  if (typeof conversationId !== 'string' || conversationId === '')
    throw new InvalidInputError('The conversation id must be a non-empty string', [
      { field: 'conversationId', reason: 'must be a non-empty string' },
    ]);
  let start = request.messages.length;
  while (start > 0 && request.messages[start - 1]?.role === 'user') start--;
  const stored = await options.memory.get(conversationId);
  return {
    conversationId,
    userMessages: request.messages.slice(start),
    // Only role and parts go to the model (no ordinal, createdAt, repaired).
    history: stored.map(({ role, parts }) => ({ role, parts }) as Message),
  };
}

/** Appends the user messages and the turn's output together: a failed turn stores nothing. */
export async function finishTurn(
  options: MemoryAdvisorOptions,
  turn: MemoryTurn,
  produced: readonly Message[],
): Promise<void> {
  await options.memory.add(turn.conversationId, [...turn.userMessages, ...produced]);
}

export function streamedMessages(
  options: MemoryAdvisorOptions,
  context: Map<string, unknown>,
  response: ChatResponse,
): Message[] {
  const messages = context.get(options.messagesContextKey ?? CHAT_CONTEXT_KEYS.messages);
  // Absent when an inner advisor answered without running the model (a safeguard refusal).
  return Array.isArray(messages) ? (messages as Message[]) : [response.message];
}

/**
 * An advisor that rewrites the request with the memory, runs the turn, then stores it; call and
 * stream share this so both modes store exactly the same messages.
 */
export function memoryAdvisor(
  options: MemoryAdvisorOptions,
  defaultName: string,
  augment: (request: AdvisedRequest, turn: MemoryTurn) => AdvisedRequest,
): Advisor {
  return {
    name: options.name ?? defaultName,
    order: options.order ?? DEFAULT_CHAT_MEMORY_ORDER,
    async adviseCall(advised, next) {
      const turn = await startTurn(options, advised);
      const response = await next(augment(advised, turn));
      await finishTurn(options, turn, response.messages ?? [response.response.message]);
      return response;
    },
    adviseStream(advised, next) {
      return (async function* () {
        const turn = await startTurn(options, advised);
        const request = augment(advised, turn);
        for await (const event of next(request)) {
          // Stored before `finish` is passed on: a consumer that stops at `finish` still has it saved.
          if (event.type === 'finish')
            await finishTurn(
              options,
              turn,
              streamedMessages(options, request.context, event.response),
            );
          yield event;
        }
      })();
    },
  };
}
