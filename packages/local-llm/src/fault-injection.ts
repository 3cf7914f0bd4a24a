// Faults that act before a response starts (latency, error status with Retry-After), shared by
// chat completions and embeddings. Stream faults (cuts, malformed frames) live in sse.ts.
import { type Exchange, sleep } from './exchange.js';
import { errorResponse } from './openai-errors.js';
import type { FaultConfig } from './types.js';

/** 499: nginx's "client closed request"; nobody reads it, the client is gone. */
export const CLIENT_CLOSED = 499;

export async function preResponseFault(
  faults: FaultConfig | undefined,
  exchange: Exchange,
): Promise<Response | undefined> {
  if (!faults) return undefined;
  if (faults.latencyMs && !(await sleep(faults.latencyMs, exchange.signal)))
    return new Response(null, { status: CLIENT_CLOSED });
  if (faults.status) {
    const options = faults.retryAfter === undefined ? {} : { retryAfter: faults.retryAfter };
    return errorResponse(
      faults.status,
      faults.message ?? `Injected fault: HTTP ${faults.status}.`,
      options,
    );
  }
  return undefined;
}
