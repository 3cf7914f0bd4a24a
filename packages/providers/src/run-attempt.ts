// One non-streaming request attempt: fresh client handle (key read now), the caller's signal and
// the attempt's timeout, and the SDK's error mapped to core's. Used by embeddings, whose answer
// the SDK must parse (base64 vectors); chat call() has a lighter one (run-completion-attempt.ts). The SDK's own `timeout` stops at the response headers: a server that sends headers
// and then stalls the body would hang the call forever. So the attempt runs under our signal
// (attempt-signal.ts, the one streams use), whose timer covers the whole answer; its cost, one
// controller and one timer, is what a request that cannot hang is worth.
import type OpenAI from 'openai';
import { createAttemptSignal } from './attempt-signal.js';
import { mapProviderError } from './map-provider-error.js';
import type { ClientHandle } from './openai-client.js';

export interface AttemptSettings {
  clientFor: () => ClientHandle;
  provider: string;
  model: string;
  signal: AbortSignal | undefined;
  timeoutMs: number;
}

/** Per-request options for the SDK: the caller's signal and this attempt's timeout. */
export interface AttemptRequestOptions {
  signal?: AbortSignal;
  timeout: number;
}

export async function runAttempt<T>(
  settings: AttemptSettings,
  run: (client: OpenAI, options: AttemptRequestOptions) => Promise<T>,
): Promise<T> {
  let apiKey: string | undefined;
  const attempt = createAttemptSignal(settings.signal, settings.timeoutMs);
  try {
    const handle = settings.clientFor();
    apiKey = handle.apiKey;
    const result = await run(handle.client, {
      signal: attempt.signal,
      timeout: settings.timeoutMs,
    });
    attempt.complete();
    return result;
  } catch (error) {
    const { provider, model, timeoutMs } = settings;
    throw mapProviderError(error, {
      provider,
      model,
      timeoutMs,
      attempt,
      phase: 'request',
      apiKey,
    });
  } finally {
    attempt.dispose();
  }
}
