import { Inject, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { ChatClient, ChatClients } from '@repo/chat';
import type { ChatModel, EmbeddingModel } from '@repo/core';
import type { ModelRegistry } from '@repo/providers';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { createTestApp } from './__fixtures__/test-app.js';
import { AiConfigError } from './ai-config.js';
import { AiModule } from './ai-module.js';
import { LOCAL_MODEL_NOTICE } from './ai-providers.js';
import {
  AI_CHAT_CLIENT,
  AI_CHAT_CLIENTS,
  AI_EMBEDDING_MODEL,
  AI_MODEL_REGISTRY,
  AI_TOKEN_USAGE,
} from './ai-tokens.js';
import { lazyChatModel } from './lazy-models.js';
import type { ObservableTokenUsage } from './observable-token-usage.js';

async function compile(module: ReturnType<typeof AiModule.forRoot>) {
  return Test.createTestingModule({ imports: [module] }).compile();
}

describe('AiModule.forRoot', () => {
  it('with no key, logs one line saying it uses the embedded model and how to switch', async () => {
    const log = vi.fn();
    await compile(AiModule.forRoot({ env: {}, logger: { log } }));
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(
      'No provider key set: using the embedded local model (local-llm). Set DEEPSEEK_API_KEY (or another provider key, see .env.example) to use a hosted model.',
    );
    expect(LOCAL_MODEL_NOTICE).toBe(log.mock.calls[0]?.[0]);
  });

  it('with a key, names the chosen provider and model and never the key', async () => {
    const log = vi.fn();
    await compile(AiModule.forRoot({ env: { DEEPSEEK_API_KEY: 'sk-secret' }, logger: { log } }));
    expect(log).toHaveBeenCalledWith(
      'Chat model: deepseek (deepseek-v4-flash); embeddings: local (local-embedding); configured providers: deepseek, local.',
    );
    expect(JSON.stringify(log.mock.calls)).not.toContain('sk-secret');
  });

  it('fails the boot with one message listing each bad variable', async () => {
    const boot = compile(
      AiModule.forRoot({ env: { AI_PROVIDER: 'nope', QWEN_BASE_URL: 'x' }, logger: false }),
    );
    await expect(boot).rejects.toBeInstanceOf(AiConfigError);
    await expect(boot).rejects.toThrow(/AI_PROVIDER: .*\n {2}- QWEN_BASE_URL: /);
  });

  it('provides registry, default client, named clients, embedder and token usage', async () => {
    const moduleRef = await compile(AiModule.forRoot({ env: {}, logger: false }));
    const registry = moduleRef.get<ModelRegistry>(AI_MODEL_REGISTRY);
    const chat = moduleRef.get<ChatClient>(AI_CHAT_CLIENT);
    const clients = moduleRef.get<ChatClients>(AI_CHAT_CLIENTS);
    const usage = moduleRef.get<ObservableTokenUsage>(AI_TOKEN_USAGE);
    const embedder = moduleRef.get<EmbeddingModel>(AI_EMBEDDING_MODEL);
    const seen: unknown[] = [];
    usage.subscribe((event) => seen.push(event));

    const answer = await chat.prompt('Hello!').call();
    expect(answer.content).toBe('[local-llm] This is the offline local model. You said: "Hello!"');
    const named = await clients.get('local').prompt('Hi').call();
    expect(named.response.provider).toBe('local');
    expect(seen).toEqual([
      {
        provider: 'local',
        model: 'local',
        mode: 'call',
        usage: { promptTokens: 8, completionTokens: 19, totalTokens: 27, reasoningTokens: 0 },
      },
      expect.objectContaining({ provider: 'local', mode: 'call' }),
    ]);
    expect(usage.counters()['ai.total.tokens']).toBe(27 + 26);
    const { embeddings } = await embedder.embed({ input: ['a cat'] });
    expect(embeddings[0]).toHaveLength(384);
    expect(
      registry
        .localLlm()
        .requests()
        .map((r) => r.path),
    ).toEqual(['/v1/chat/completions', '/v1/chat/completions', '/v1/embeddings']);
  });

  it('forRootAsync takes options from an injected factory; global for feature modules', async () => {
    @Injectable()
    class Settings {
      env = { QWEN_API_KEY: 'k' };
    }
    @Module({ providers: [Settings], exports: [Settings] })
    class SettingsModule {}
    @Injectable()
    class Feature {
      constructor(@Inject(AI_MODEL_REGISTRY) readonly registry: ModelRegistry) {}
    }
    @Module({ providers: [Feature] })
    class FeatureModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [
        AiModule.forRootAsync({
          imports: [SettingsModule],
          inject: [Settings],
          useFactory: (settings: Settings) => ({ env: settings.env, logger: false }),
        }),
        FeatureModule,
      ],
    }).compile();
    expect(moduleRef.get(Feature).registry.defaultProvider).toBe('qwen');
  });
});

describe('lazy models', () => {
  it('builds nothing until the first use', async () => {
    const create = vi.fn((): ChatModel => ({
      provider: 'p',
      modelId: 'm',
      call: async () => Promise.reject(new Error('unused')),
      stream: () => ({
        [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }) }),
      }),
    }));
    const model = lazyChatModel(create);
    expect(create).not.toHaveBeenCalled();
    expect(model.provider).toBe('p');
    expect(model.modelId).toBe('m');
    expect(create).toHaveBeenCalledTimes(1);
  });
});

describe('AiHealthIndicator', () => {
  it('reports the config by default and makes one tiny call when deep', async () => {
    const app = await createTestApp();
    const registry = app.get<ModelRegistry>(AI_MODEL_REGISTRY);
    const shallow = await request(app.getHttpServer()).get('/health');
    expect(shallow.body).toEqual({
      ai: {
        status: 'up',
        provider: 'local',
        model: 'local',
        embeddingProvider: 'local',
        configuredProviders: ['local'],
        checked: 'config',
      },
    });
    expect(registry.localLlm().requests()).toHaveLength(0);

    const deep = await request(app.getHttpServer()).get('/health?deep=true');
    expect(deep.body.ai).toMatchObject({ status: 'up', checked: 'call', model: 'local' });
    expect(registry.localLlm().requests()[0]?.body).toMatchObject({ max_tokens: 1 });

    registry.localLlm().faults({ status: 401, times: 1 });
    const down = await request(app.getHttpServer()).get('/health?deep=true');
    expect(down.body.ai).toMatchObject({ status: 'down', checked: 'call', statusCode: 502 });
    await app.close();
  });
});
