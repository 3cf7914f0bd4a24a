// Turns a stream of events back into the response a `call()` would have returned. Used by
// providers (call built on stream), the chat client and tests.
import type { ChatResponse, ChatStreamEvent } from './chat-model.js';
import { AiError } from './ai-errors.js';

export async function collectStream(events: AsyncIterable<ChatStreamEvent>): Promise<ChatResponse> {
  for await (const event of events) {
    if (event.type === 'finish') return event.response;
    if (event.type === 'error') throw event.error;
  }
  throw new AiError('The stream ended without a finish event', { code: 'stream_incomplete' });
}

/** Only the text deltas of a stream, as a plain async iterable of strings. */
export async function* textStream(events: AsyncIterable<ChatStreamEvent>): AsyncIterable<string> {
  for await (const event of events) {
    if (event.type === 'text-delta') yield event.text;
    else if (event.type === 'error') throw event.error;
  }
}
