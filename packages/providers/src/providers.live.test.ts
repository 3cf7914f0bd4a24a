// Hosted presets, one small round trip each: run with `npm run test:live` and the keys set.
// Each provider is skipped unless its variables are configured.
import { collectStream, userMessage } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { createModelRegistry } from './model-registry.js';
import { missingProviderVariables } from './provider-env.js';
import { CONFIGURABLE_PROVIDER_NAMES, PROVIDER_PRESETS } from './presets.js';

const env = process.env;

describe.each(CONFIGURABLE_PROVIDER_NAMES)('%s (live)', (name) => {
  const configured = missingProviderVariables(name, env).length === 0;

  it.skipIf(!configured)(
    'answers a call and a stream with non-zero usage',
    async () => {
      const chat = createModelRegistry(env).chat(name);
      const called = await chat.call({
        messages: [userMessage('Reply with the single word: pong')],
      });
      expect(called.text.toLowerCase()).toContain('pong');
      const streamed = await collectStream(
        chat.stream({ messages: [userMessage('Reply with the single word: pong')] }),
      );
      expect(streamed.text.toLowerCase()).toContain('pong');
      expect(streamed.usage.totalTokens).toBeGreaterThan(0);
    },
    60_000,
  );

  it.skipIf(!configured || !PROVIDER_PRESETS[name].hasEmbeddings)(
    'embeds',
    async () => {
      const { embeddings } = await createModelRegistry(env)
        .embedding(name)
        .embed({ input: ['hello'] });
      expect(embeddings[0]?.length).toBeGreaterThan(0);
    },
    60_000,
  );
});
