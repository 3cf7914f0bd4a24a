// Server-sent events for streamed completions: `data: <json>\n\n` frames, then `data: [DONE]`.
// Applies the stream faults (delay between frames, abrupt cut, one malformed frame) and reports
// to the exchange whether the client aborted before the end.
import { type Exchange, sleep } from './exchange.js';
import type { FaultConfig } from './types.js';

const encoder = new TextEncoder();
const MALFORMED_FRAME = 'data: {"choices": [{"delta": {"content": "\n\n';

export function sseResponse(
  chunks: unknown[],
  exchange: Exchange,
  faults: FaultConfig = {},
): Response {
  exchange.streaming = true;
  const { signal } = exchange;
  let sent = 0;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const onAbort = () => {
    exchange.abort();
    try {
      controller?.error(signal.reason);
    } catch {
      // Already closed or errored: nothing left to stop.
    }
  };

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    },
    async pull(c) {
      if (exchange.isDone) return;
      if (sent > 0 && faults.tokenLatencyMs && !(await sleep(faults.tokenLatencyMs, signal)))
        return;
      if (exchange.isDone) return;
      if (faults.cutAfterChunks !== undefined && sent >= faults.cutAfterChunks) {
        exchange.finish();
        signal.removeEventListener('abort', onAbort);
        // Over TCP: close the socket without the final chunk; in-process: fail the reader.
        if (exchange.cutConnection) exchange.cutConnection();
        else c.error(new Error(`local-llm fault: stream cut after ${sent} chunks`));
        return;
      }
      const chunk = chunks[sent];
      if (chunk !== undefined) {
        sent++;
        const frame =
          sent === faults.malformedChunkAt ? MALFORMED_FRAME : `data: ${JSON.stringify(chunk)}\n\n`;
        c.enqueue(encoder.encode(frame));
        return;
      }
      c.enqueue(encoder.encode('data: [DONE]\n\n'));
      exchange.finish();
      signal.removeEventListener('abort', onAbort);
      c.close();
    },
    cancel() {
      exchange.abort();
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    },
  });
}
