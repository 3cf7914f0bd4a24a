// Builds the openai SDK client lazily, when a request is made: the key is read then (never at
// import or construction, docs/conventions.md rule 9). One client per key value, reused across requests.
import { loadApiKey } from '@repo/core';
import OpenAI from 'openai';
import { providerEnvVars } from './provider-env.js';

export interface ConnectionOptions {
  /** Provider name: `deepseek`, `local`, `my-vllm`. Names the key variable by default. */
  provider: string;
  apiKey?: string;
  /** Environment variable holding the key (default `<PROVIDER>_API_KEY`). */
  apiKeyEnvVar?: string;
  /** False for servers without auth (Ollama, local-llm, a keyless vLLM): no key, no error. */
  requireApiKey?: boolean;
  baseURL?: string;
  /** Passed to the SDK: local-llm's in-process fetch, a recording fetch in tests, a proxy. */
  fetch?: typeof fetch;
  headers?: Record<string, string>;
  /** Where the key is looked up (default `process.env`, read at request time). */
  env?: Record<string, string | undefined>;
  /** Human name used in the missing-key message ("DeepSeek"). */
  label?: string;
}

export interface ClientHandle {
  client: OpenAI;
  /** The key in use, so errors can be scrubbed of it. */
  apiKey: string;
}

// The SDK refuses an empty key; servers without auth ignore whatever is sent.
const NO_KEY = 'not-needed';

export function createClientProvider(options: ConnectionOptions): () => ClientHandle {
  let cached: ClientHandle | undefined;
  return () => {
    const apiKey = resolveApiKey(options);
    if (cached?.apiKey === apiKey) return cached;
    const client = new OpenAI({
      apiKey,
      baseURL: options.baseURL ?? 'https://api.openai.com/v1',
      fetch: options.fetch,
      // Ours (retry.ts) is the only retry layer.
      maxRetries: 0,
      // Not the timeout in force: a non-streaming attempt passes its own `timeout` per request
      // (run-attempt.ts, run-completion-attempt.ts), which the SDK's timer applies until the
      // response headers arrive (the attempt's own timer covers the body); a stream passes attempt-signal.ts's signal, whose timer covers
      // the wait for headers and every silence between chunks, so this day-long value only has
      // to outlast it.
      timeout: 24 * 60 * 60 * 1000,
      defaultHeaders: options.headers,
      // Do not pick up OPENAI_ORG_ID / OPENAI_PROJECT_ID for other providers.
      organization: null,
      project: null,
      // Failures surface as typed errors; the SDK's own console logging would duplicate them.
      logLevel: 'off',
    });
    cached = { client, apiKey };
    return cached;
  };
}

function resolveApiKey(options: ConnectionOptions): string {
  const environmentVariableName = options.apiKeyEnvVar ?? providerEnvVars(options.provider).apiKey;
  if (options.requireApiKey === false) {
    const env = options.env ?? process.env;
    const optional = options.apiKey ?? env[environmentVariableName];
    return optional && optional.trim() !== '' ? optional.trim() : NO_KEY;
  }
  return loadApiKey({
    apiKey: options.apiKey,
    environmentVariableName,
    description: options.label ?? options.provider,
    env: options.env,
  });
}
