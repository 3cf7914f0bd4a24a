// Lets an advisor watch a stream go by (the final response, a failure) without changing it: the
// stream counterpart of awaiting `next()` in `adviseCall`.
import type { ChatResponse, ChatStreamEvent } from '@repo/core';

export interface StreamObserver {
  onFinish?(response: ChatResponse): void;
  onError?(error: unknown): void;
}

export async function* observeStream(
  events: AsyncIterable<ChatStreamEvent>,
  observer: StreamObserver,
): AsyncGenerator<ChatStreamEvent> {
  try {
    for await (const event of events) {
      if (event.type === 'finish') observer.onFinish?.(event.response);
      yield event;
    }
  } catch (error) {
    observer.onError?.(error);
    throw error;
  }
}
