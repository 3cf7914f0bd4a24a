// The registry's environment resolution, table-driven, plus a real answer from the zero-config
// default (local-llm in-process).
import { userMessage } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { createModelRegistry } from './model-registry.js';
import { PROVIDER_NAMES } from './presets.js';
import { PROVIDER_ENV_VARS } from './provider-env.js';
import {
  ProviderNotConfiguredError,
  UnknownProviderError,
  UnsupportedCapabilityError,
} from './providers-errors.js';

type Row = [
  string,
  Record<string, string>,
  { chat: string; model: string; embedding: string; embeddingModel: string },
];

const rows: Row[] = [
  [
    'no keys → local',
    {},
    { chat: 'local', model: 'local', embedding: 'local', embeddingModel: 'local-embedding' },
  ],
  [
    'DEEPSEEK_API_KEY → deepseek chat, local embeddings (DeepSeek has none)',
    { DEEPSEEK_API_KEY: 'k' },
    {
      chat: 'deepseek',
      model: 'deepseek-v4-flash',
      embedding: 'local',
      embeddingModel: 'local-embedding',
    },
  ],
  [
    'order OPENAI before DEEPSEEK',
    { DEEPSEEK_API_KEY: 'k', OPENAI_API_KEY: 'k' },
    {
      chat: 'openai',
      model: 'gpt-5.4-mini',
      embedding: 'openai',
      embeddingModel: 'text-embedding-3-small',
    },
  ],
  [
    'deepseek chat, qwen embeddings (first configured with embeddings)',
    { DEEPSEEK_API_KEY: 'k', QWEN_API_KEY: 'k', QWEN_EMBEDDING_MODEL: 'text-embedding-v3' },
    {
      chat: 'deepseek',
      model: 'deepseek-v4-flash',
      embedding: 'qwen',
      embeddingModel: 'text-embedding-v3',
    },
  ],
  [
    'AI_PROVIDER / AI_MODEL pick the default',
    { DEEPSEEK_API_KEY: 'k', ZHIPU_API_KEY: 'k', AI_PROVIDER: 'zhipu', AI_MODEL: 'glm-4.7' },
    { chat: 'zhipu', model: 'glm-4.7', embedding: 'zhipu', embeddingModel: 'embedding-3' },
  ],
  [
    'Ollama by base URL, no key',
    { OLLAMA_BASE_URL: 'http://gpu-box:11434/v1', OLLAMA_MODEL: 'qwen3:8b' },
    { chat: 'ollama', model: 'qwen3:8b', embedding: 'ollama', embeddingModel: 'nomic-embed-text' },
  ],
  [
    'Doubao needs DOUBAO_MODEL to count as configured',
    { DOUBAO_API_KEY: 'k' },
    { chat: 'local', model: 'local', embedding: 'local', embeddingModel: 'local-embedding' },
  ],
  [
    'Doubao with an endpoint id; embeddings only with DOUBAO_EMBEDDING_MODEL',
    { DOUBAO_API_KEY: 'k', DOUBAO_MODEL: 'ep-2026-chat' },
    {
      chat: 'doubao',
      model: 'ep-2026-chat',
      embedding: 'local',
      embeddingModel: 'local-embedding',
    },
  ],
  [
    'EMBEDDING_PROVIDER / EMBEDDING_MODEL pick the embedder',
    {
      MOONSHOT_API_KEY: 'k',
      OPENAI_API_KEY: 'k',
      AI_PROVIDER: 'moonshot',
      EMBEDDING_PROVIDER: 'openai',
      EMBEDDING_MODEL: 'text-embedding-3-large',
    },
    {
      chat: 'moonshot',
      model: 'kimi-k2.6',
      embedding: 'openai',
      embeddingModel: 'text-embedding-3-large',
    },
  ],
];

describe('createModelRegistry', () => {
  it.each(rows)('%s', (_name, env, expected) => {
    const registry = createModelRegistry(env);
    const chat = registry.chat();
    const embedding = registry.embedding();
    expect([registry.defaultProvider, chat.provider, chat.modelId]).toEqual([
      expected.chat,
      expected.chat,
      expected.model,
    ]);
    expect([registry.defaultEmbeddingProvider, embedding.provider, embedding.modelId]).toEqual([
      expected.embedding,
      expected.embedding,
      expected.embeddingModel,
    ]);
  });

  it('answers through local-llm with no keys at all', async () => {
    const registry = createModelRegistry({});
    registry.localLlm().script([{ content: 'Hello from the embedded model.' }]);
    const response = await registry.chat().call({ messages: [userMessage('hi')] });
    expect(response).toMatchObject({ provider: 'local', text: 'Hello from the embedded model.' });
    const vectors = await registry.embedding().embed({ input: ['a', 'b'] });
    expect(vectors.embeddings).toHaveLength(2);
    expect(vectors.embeddings[0]).toHaveLength(384);
    expect(
      registry
        .localLlm()
        .requests()
        .map((r) => r.path),
    ).toEqual(['/v1/chat/completions', '/v1/embeddings']);
  });

  it('serves several named models side by side (provider and provider:model)', () => {
    const registry = createModelRegistry({
      DEEPSEEK_API_KEY: 'k',
      OLLAMA_BASE_URL: 'http://localhost:11434/v1',
    });
    expect(registry.configuredProviders).toEqual(['deepseek', 'ollama', 'local']);
    expect(registry.chat('deepseek').modelId).toBe('deepseek-v4-flash');
    expect(registry.chat('deepseek:deepseek-reasoner').modelId).toBe('deepseek-v4-flash');
    expect(registry.chat('ollama:gpt-oss:120b').modelId).toBe('gpt-oss:120b');
    expect(registry.chat('local').provider).toBe('local');
    expect(registry.chat('deepseek')).toBe(registry.chat('deepseek'));
  });

  it('answers under an alias at once, and moves an alias to a new target', async () => {
    const registry = createModelRegistry({ DEEPSEEK_API_KEY: 'k' });
    registry.alias('客服-bot', 'local:ft:tiny-gpt:local:faq:ftjob-1');
    expect(registry.aliases()).toEqual({ '客服-bot': 'local:ft:tiny-gpt:local:faq:ftjob-1' });
    const model = registry.chat('客服-bot');
    expect([model.provider, model.modelId]).toEqual(['local', 'ft:tiny-gpt:local:faq:ftjob-1']);
    registry.localLlm().script([{ content: '您好' }]);
    await expect(model.call({ messages: [userMessage('你好')] })).resolves.toMatchObject({
      text: '您好',
    });
    registry.alias('客服-bot', 'deepseek');
    expect(registry.chat('客服-bot').provider).toBe('deepseek');
  });

  it.each([
    ['', 'local', /alias must be 1–64/],
    ['a:b', 'local', /alias must be 1–64/],
    ['deepseek', 'local', /alias "deepseek" is a provider's name/],
    ['bot', 'qwen:qwen-max', /QWEN_API_KEY/],
    ['bot', 'nope:x', /Unknown provider "nope"/],
  ])('refuses the alias %j → %j as bad input, naming why', (name, target, why) => {
    const registry = createModelRegistry({ DEEPSEEK_API_KEY: 'k' });
    expect(() => registry.alias(name, target)).toThrow(why);
    expect(() => registry.alias(name, target)).toThrow(
      expect.objectContaining({ kind: 'invalid_input' }),
    );
    expect(registry.aliases()).toEqual({});
  });

  it('refuses an alias of an alias', () => {
    const registry = createModelRegistry({});
    registry.alias('bot', 'local');
    expect(() => registry.alias('bot2', 'bot')).toThrow(/itself an alias/);
  });

  it('names the valid providers for an unknown AI_PROVIDER', () => {
    const error = (() => {
      try {
        createModelRegistry({ AI_PROVIDER: 'deepsek' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnknownProviderError);
    expect((error as UnknownProviderError).validNames).toEqual(PROVIDER_NAMES);
    expect((error as Error).message).toContain(
      'openai, deepseek, qwen, doubao, zhipu, moonshot, ollama, local',
    );
    expect((error as UnknownProviderError).details).toEqual([
      { field: 'AI_PROVIDER', reason: expect.stringContaining('deepseek') },
    ]);
  });

  it('names the missing variable when AI_PROVIDER is not configured', () => {
    expect(() => createModelRegistry({ AI_PROVIDER: 'qwen' })).toThrow(/QWEN_API_KEY/);
    expect(() => createModelRegistry({ AI_PROVIDER: 'doubao', DOUBAO_API_KEY: 'k' })).toThrow(
      ProviderNotConfiguredError,
    );
    expect(() => createModelRegistry({ AI_PROVIDER: 'ollama' })).toThrow(/OLLAMA_BASE_URL/);
    expect(() => createModelRegistry({}).chat('moonshot')).toThrow(/MOONSHOT_API_KEY/);
  });

  it('refuses DeepSeek and Moonshot as embedders with UnsupportedCapabilityError', () => {
    expect(() =>
      createModelRegistry({ DEEPSEEK_API_KEY: 'k', EMBEDDING_PROVIDER: 'deepseek' }),
    ).toThrow(UnsupportedCapabilityError);
    expect(() => createModelRegistry({ MOONSHOT_API_KEY: 'k' }).embedding('moonshot')).toThrow(
      /no embeddings endpoint/,
    );
  });

  it('describes the configuration without secrets', () => {
    const description = createModelRegistry({
      DEEPSEEK_API_KEY: 'sk-very-secret',
      OLLAMA_BASE_URL: 'http://user:pass@gpu-box:11434/v1',
    }).describe();
    const text = JSON.stringify(description);
    expect(text).not.toContain('sk-very-secret');
    expect(text).not.toContain('pass@');
    expect(description).toMatchObject({
      defaultProvider: 'deepseek',
      defaultModel: 'deepseek-v4-flash',
      defaultEmbeddingProvider: 'ollama',
    });
    expect(description.providers.find((p) => p.name === 'deepseek')).toEqual({
      name: 'deepseek',
      configured: true,
      baseURL: 'https://api.deepseek.com',
      chatModel: 'deepseek-v4-flash',
      embeddingModel: undefined,
      hasEmbeddings: false,
      apiKeySet: true,
    });
    expect(description.providers.find((p) => p.name === 'ollama')?.baseURL).toBe(
      'http://gpu-box:11434/v1',
    );
  });

  it('exports every variable name apps validate', () => {
    expect(PROVIDER_ENV_VARS).toContain('DOUBAO_EMBEDDING_MODEL');
    expect(PROVIDER_ENV_VARS.slice(0, 4)).toEqual([
      'AI_PROVIDER',
      'AI_MODEL',
      'EMBEDDING_PROVIDER',
      'EMBEDDING_MODEL',
    ]);
    expect(PROVIDER_ENV_VARS).toHaveLength(4 + 7 * 4);
  });
});
