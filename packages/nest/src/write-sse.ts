// SSE for routes Nest's `@Sse()` cannot serve: POST with a JSON body (EventSource is GET-only, but
// fetch() readers are not). Writes the same events as `toSseEvents` to the raw response and
// aborts the upstream request when the client disconnects.
import type { MessageEvent } from '@nestjs/common';
import type { Observable } from 'rxjs';

/** The parts of node's ServerResponse (express' Response) this writes to. */
export interface SseResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  flushHeaders(): void;
  write(chunk: string): boolean;
  end(): unknown;
  on(event: 'close', listener: () => void): unknown;
  writableEnded: boolean;
}

/** Frames one event the way Nest's `@Sse()` does: `event:`, `id:`, `data:` lines. */
export function formatSseEvent(event: MessageEvent, id: number): string {
  const data = typeof event.data === 'string' ? event.data : JSON.stringify(event.data);
  const lines = data
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}`)
    .join('\n');
  return `${event.type ? `event: ${event.type}\n` : ''}id: ${id}\n${lines}\n\n`;
}

/** Streams `events` as `text/event-stream`; resolves when the stream ends or the client leaves. */
export function writeSse(
  response: SseResponse,
  events: Observable<MessageEvent>,
  headers: Record<string, string> = {},
): Promise<void> {
  response.statusCode = 200;
  response.setHeader('Content-Type', 'text/event-stream');
  response.setHeader('Cache-Control', 'no-cache');
  response.setHeader('Connection', 'keep-alive');
  response.setHeader('X-Accel-Buffering', 'no');
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.flushHeaders();
  return new Promise((resolve) => {
    let id = 0;
    const finish = () => {
      if (!response.writableEnded) response.end();
      resolve();
    };
    const subscription = events.subscribe({
      next: (event) => void response.write(formatSseEvent(event, ++id)),
      error: finish,
      complete: finish,
    });
    response.on('close', () => {
      subscription.unsubscribe();
      resolve();
    });
  });
}
