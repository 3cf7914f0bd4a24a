// One non-streaming request attempt: fresh client handle (key read now), the caller's signal and
// the timeout handed to the SDK, and the SDK's error mapped to core's. Shared by chat call() and
// embeddings. The SDK already makes an AbortController and a timer per request for its own
// `timeout`, so a second pair of ours would only add cost (it showed in the providers bench);
// streams need an idle timeout between chunks instead, which attempt-signal.ts provides.
import type OpenAI from 'openai';
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
  try {
    const handle = settings.clientFor();
    apiKey = handle.apiKey;
    const options: AttemptRequestOptions = { timeout: settings.timeoutMs };
    if (settings.signal) options.signal = settings.signal;
    return await run(handle.client, options);
  } catch (error) {
    const { provider, model, timeoutMs } = settings;
    throw mapProviderError(error, { provider, model, timeoutMs, phase: 'request', apiKey });
  }
}
