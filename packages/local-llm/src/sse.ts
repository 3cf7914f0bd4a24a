// Server-sent events for streamed completions: `data: <json>\n\n` frames, then `data: [DONE]`.
// Applies the stream faults (delay between frames, abrupt cut, one malformed frame) and reports
// to the exchange whether the client aborted before the end. Chunks are pulled one frame at a
// time, so a generator (a trained model sampling) runs only as fast as the client reads, and
// stops when the client leaves.
import { type Exchange, sleep } from './exchange.js';
import type { FaultConfig } from './types.js';

const encoder = new TextEncoder();
const MALFORMED_FRAME = 'data: {"choices": [{"delta": {"content": "\n\n';

export function sseResponse(
  chunks: Iterable<unknown>,
  exchange: Exchange,
  faults: FaultConfig = {},
): Response {
  exchange.streaming = true;
  const { signal } = exchange;
  const source = chunks[Symbol.iterator]();
  let sent = 0;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const onAbort = () => {
    exchange.abort();
    source.return?.();
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
        source.return?.();
        // Over TCP: close the socket without the final chunk; in-process: fail the reader.
        if (exchange.cutConnection) exchange.cutConnection();
        else c.error(new Error(`local-llm fault: stream cut after ${sent} chunks`));
        return;
      }
      let next: IteratorResult<unknown>;
      try {
        next = source.next();
      } catch (error) {
        // A generator that fails mid-stream errors the stream: the client sees a broken stream.
        exchange.finish();
        signal.removeEventListener('abort', onAbort);
        throw error;
      }
      if (!next.done) {
        sent++;
        const frame =
          sent === faults.malformedChunkAt
            ? MALFORMED_FRAME
            : `data: ${JSON.stringify(next.value)}\n\n`;
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
      source.return?.();
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
