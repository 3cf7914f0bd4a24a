// One non-streaming chat attempt, its timeout covering the whole answer (headers and body) like
// run-attempt.ts's, but without an AbortController of its own. A controller per call (its
// AbortSignal, the SDK's listener on it, a timer) was the largest single item of ours in the chat
// bench's CPU profile, for a signal that fires in a tiny share of calls. Here the SDK's own
// per-request `timeout` (its controller, which every call has anyway) covers the wait for the
// headers, the caller's signal goes to the SDK as it is, and the body is read here, where a
// deadline for the time left (coarse-deadlines.ts: one shared timer) can cancel the read: a server
// that sends headers and stalls the body still gets a TimeoutError, and its connection is closed.
// A caller's signal reaches the SDK through a per-call link, though: the SDK adds a listener to
// the signal it is given and never removes it, which on a signal that outlives many calls (a batch
// job's cancel switch) piles up one listener, and its controller, per call.
import type { ChatResponse } from '@repo/core';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import { watchDeadline } from './coarse-deadlines.js';
import { fromChatCompletion } from './from-openai-response.js';
import { mapProviderError } from './map-provider-error.js';
import type { AttemptSettings } from './run-attempt.js';

export async function runCompletionAttempt(
  settings: AttemptSettings,
  body: ChatCompletionCreateParamsNonStreaming,
): Promise<ChatResponse> {
  const { provider, model, signal, timeoutMs } = settings;
  const deadline = Date.now() + timeoutMs;
  let apiKey: string | undefined;
  const read = { timedOut: false };
  const link = signal && linkSignal(signal);
  try {
    const handle = settings.clientFor();
    apiKey = handle.apiKey;
    // asResponse(): the response once its headers are in (an error status has thrown by then,
    // as an APIError), with the body left to read.
    const response = await handle.client.chat.completions
      .create(body, { signal: link?.signal, timeout: timeoutMs })
      .asResponse();
    const completion = JSON.parse(await readBody(response, deadline - Date.now(), read));
    return fromChatCompletion(completion as ChatCompletion, provider, model);
  } catch (error) {
    const attempt = {
      timeoutMs,
      timedOut: () => read.timedOut,
      callerAborted: () => !read.timedOut && signal?.aborted === true,
    };
    throw mapProviderError(error, {
      provider,
      model,
      timeoutMs,
      attempt,
      phase: 'request',
      apiKey,
    });
  } finally {
    link?.detach();
  }
}

/** A signal that follows `source` until detached; the SDK's listener goes on it, not on `source`. */
function linkSignal(source: AbortSignal): { signal: AbortSignal; detach(): void } {
  const controller = new AbortController();
  const follow = () => controller.abort(source.reason);
  if (source.aborted) follow();
  else source.addEventListener('abort', follow, { once: true });
  return { signal: controller.signal, detach: () => source.removeEventListener('abort', follow) };
}

/** The body as text; its read is cancelled (the connection closed) when `ms` pass first. */
async function readBody(
  response: Response,
  ms: number,
  read: { timedOut: boolean },
): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const stopWatching = watchDeadline(ms, () => {
    read.timedOut = true;
    reader.cancel().catch(() => {});
  });
  try {
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    // A cancelled read ends like a finished one: the flag says which it was.
    if (read.timedOut) throw new Error(`Timed out after ${ms} ms reading the answer`);
    // Nearly every answer arrives in one chunk: decoded where it lies instead of copied first.
    const [only] = chunks;
    const bytes = chunks.length === 1 && only ? only : Buffer.concat(chunks);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  } finally {
    stopWatching();
  }
}
