// One request/response exchange: links the client's abort signal to the recorded request, so
// `aborted` is true only when the client went away before the response was complete.
import type { RecordedRequest } from './types.js';

// Set by the Node server per request: drops the TCP connection after flushing what was written,
// which a web-standard stream cannot express (erroring it makes the adaptor log and append text).
const connectionCutters = new WeakMap<Request, () => void>();

export function onConnectionCut(request: Request, cut: () => void): void {
  connectionCutters.set(request, cut);
}

export class Exchange {
  private done = false;
  /** Set by handlers that return a stream: the stream reports its own end. */
  streaming = false;

  readonly signal: AbortSignal;
  /** Drops the connection abruptly when the transport can (Node server); undefined in-process. */
  readonly cutConnection: (() => void) | undefined;

  constructor(
    request: Request,
    private readonly record: RecordedRequest | undefined,
  ) {
    const signal = request.signal;
    this.signal = signal;
    this.cutConnection = connectionCutters.get(request);
    if (signal.aborted) this.abort();
    else signal.addEventListener('abort', () => this.abort(), { once: true });
  }

  get isDone(): boolean {
    return this.done;
  }

  abort(): void {
    if (this.done) return;
    this.done = true;
    if (this.record) this.record.aborted = true;
  }

  finish(): void {
    this.done = true;
  }
}

/** Waits `ms`; resolves false when the client aborted meanwhile. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!signal.aborted);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
