// One non-streaming request attempt: fresh client handle (key read now), its own timeout/abort
// signal, and the SDK's error mapped to core's. Shared by chat call() and embeddings; streams
// need the same steps spread over a generator (openai-compatible-chat-model.ts).
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

export async function runAttempt<T>(
  settings: AttemptSettings,
  run: (client: OpenAI, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const attempt = createAttemptSignal(settings.signal, settings.timeoutMs);
  let apiKey: string | undefined;
  try {
    const handle = settings.clientFor();
    apiKey = handle.apiKey;
    const result = await run(handle.client, attempt.signal);
    attempt.complete();
    return result;
  } catch (error) {
    const { provider, model } = settings;
    throw mapProviderError(error, { provider, model, attempt, phase: 'request', apiKey });
  } finally {
    attempt.dispose();
  }
}
