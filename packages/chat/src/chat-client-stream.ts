// The value `.stream()` returns: the events, the text alone, or the same response `.call()` gives
// (Spring AI's `.stream().content()` / `.chatResponse()`). Starting is lazy, so building the
// request (template errors included) fails on first iteration, where stream errors are expected.
import { AiError, CHAT_CONTEXT_KEYS, textStream } from '@repo/core';
import type { ChatResponse, ChatStreamEvent, Message } from '@repo/core';
import type { ChatClientStream } from './chat-client-types.js';
import { StreamConsumedError } from './chat-errors.js';
import { toClientResponse } from './run-request.js';

export interface StartedStream {
  events: AsyncIterable<ChatStreamEvent>;
  context: Map<string, unknown>;
}

export function createChatClientStream(start: () => StartedStream): ChatClientStream {
  let consumed = false;
  let started: StartedStream | undefined;
  const open = (): StartedStream => {
    if (consumed) throw new StreamConsumedError();
    consumed = true;
    started = start();
    return started;
  };
  const stream: ChatClientStream = {
    [Symbol.asyncIterator]: () => open().events[Symbol.asyncIterator](),
    textStream: () => textStream(stream),
    async collect() {
      let final: ChatResponse | undefined;
      for await (const event of stream) {
        if (event.type === 'finish') final = event.response;
        else if (event.type === 'error') throw event.error;
      }
      if (!final)
        throw new AiError('The chat stream ended without a finish event', {
          code: 'stream_incomplete',
        });
      const context = started?.context ?? new Map<string, unknown>();
      // Absent when an advisor answered without running the loop (a safeguard refusal).
      const messages = (context.get(CHAT_CONTEXT_KEYS.messages) as Message[] | undefined) ?? [
        final.message,
      ];
      return toClientResponse(final, messages, context);
    },
  };
  return stream;
}
