// Calls a preset's chat model against a replaying fetch and returns what went on the wire: the
// exact JSON body and URL a provider would receive.
import type { ChatRequest } from '@repo/core';
import { createProvider } from '../create-provider.js';
import { createReplayFetch } from '../testing/index.js';

export const completion = {
  id: 'chatcmpl-9',
  object: 'chat.completion',
  created: 1,
  model: 'answered-model',
  choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
};

export async function sent(
  provider: string,
  request: ChatRequest,
  model?: string,
  env: Record<string, string> = {},
) {
  const { fetch, requests } = createReplayFetch({ json: completion });
  await createProvider(provider, { apiKey: 'k', fetch, env }).chat(model).call(request);
  return { body: requests[0]?.body as Record<string, unknown>, url: requests[0]?.url };
}
