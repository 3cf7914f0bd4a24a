// Chat stream → Server-Sent Events for `@Sse()` routes (Spring AI's `.stream()` as a Flux on
// WebFlux). One vocabulary: delta, reasoning, tool, usage, done, error. Errors become an `error`
// event (the status line is long gone), and unsubscribing (the client left) aborts the upstream
// request, so a closed tab stops spending tokens.
import type { MessageEvent } from '@nestjs/common';
import type { ChatStreamEvent, Usage } from '@repo/core';
import { Observable } from 'rxjs';
import { toHttpError } from './map-error.js';

export type ChatStreamSource =
  | AsyncIterable<ChatStreamEvent>
  /** Preferred: called per subscription with the signal to put into the chat request. */
  | ((signal: AbortSignal) => AsyncIterable<ChatStreamEvent>);

export interface SseOptions {
  /** Reported in `done` when the response does not say (it always does for our models). */
  provider?: string;
  model?: string;
  /** Aborted when the subscriber leaves; pass the one whose signal went into the request. */
  abort?: AbortController;
  /** Reported in `done`: the answer's id for feedback (`FEEDBACK_RESPONSE_ID`, @repo/feedback). */
  responseId?: string;
}

export type ChatSseEvent =
  | { type: 'delta'; data: { text: string } }
  | { type: 'reasoning'; data: { text: string } }
  | { type: 'tool'; data: { id: string; name: string; arguments: unknown; result?: unknown } }
  | { type: 'usage'; data: Usage }
  | {
      type: 'done';
      data: { finishReason: string; provider: string; model: string; responseId?: string };
    }
  | { type: 'error'; data: { statusCode: number; message: string } };

export function toSseEvents(
  source: ChatStreamSource,
  options: SseOptions = {},
): Observable<MessageEvent> {
  return new Observable<MessageEvent>((subscriber) => {
    const controller = options.abort ?? new AbortController();
    const stream = typeof source === 'function' ? source(controller.signal) : source;
    const toolArguments = new Map<string, unknown>();
    let sawUsage = false;
    void (async () => {
      try {
        for await (const event of stream) {
          if (subscriber.closed) break;
          for (const sse of toChatSseEvents(event, toolArguments, sawUsage, options)) {
            if (sse.type === 'usage') sawUsage = true;
            subscriber.next(sse);
          }
          if (event.type === 'finish' || event.type === 'error') break;
        }
      } catch (error) {
        if (!subscriber.closed) subscriber.next(errorEvent(error));
      }
      subscriber.complete();
    })();
    return () => {
      if (!controller.signal.aborted) controller.abort();
    };
  });
}

/** One chat stream event as zero or more SSE events. */
function toChatSseEvents(
  event: ChatStreamEvent,
  toolArguments: Map<string, unknown>,
  sawUsage: boolean,
  options: SseOptions,
): ChatSseEvent[] {
  switch (event.type) {
    case 'text-delta':
      return [{ type: 'delta', data: { text: event.text } }];
    case 'reasoning-delta':
      return [{ type: 'reasoning', data: { text: event.text } }];
    case 'tool-call': {
      const { id, name, arguments: args } = event.toolCall;
      toolArguments.set(id, args);
      return [{ type: 'tool', data: { id, name, arguments: args } }];
    }
    case 'tool-result': {
      const { toolCallId: id, name, result } = event.toolResult;
      return [{ type: 'tool', data: { id, name, arguments: toolArguments.get(id), result } }];
    }
    case 'usage':
      return [{ type: 'usage', data: event.usage }];
    case 'finish': {
      const { response } = event;
      const data: Extract<ChatSseEvent, { type: 'done' }>['data'] = {
        finishReason: event.finishReason,
        provider: response.provider || options.provider || 'unknown',
        model: response.model || options.model || 'unknown',
      };
      if (options.responseId !== undefined) data.responseId = options.responseId;
      const done: ChatSseEvent = { type: 'done', data };
      // Usage is always reported, even by a layer that only put it on the final response.
      const usage = response.totalUsage ?? response.usage;
      return sawUsage ? [done] : [{ type: 'usage', data: usage }, done];
    }
    case 'error':
      return [errorEvent(event.error)];
  }
}

function errorEvent(error: unknown): ChatSseEvent {
  const mapped = toHttpError(error);
  return {
    type: 'error',
    data: {
      statusCode: mapped.status,
      message: mapped.body?.message ?? 'The request was aborted.',
    },
  };
}
