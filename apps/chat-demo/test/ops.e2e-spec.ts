// /metrics (Prometheus), /health (Terminus + the AI indicator), /docs (Swagger UI) and how
// `node dist/main.js` stops on a mistake (one message, exit 1, no stack trace).
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bootChecks } from '@repo/nest/testing';
import type { ModelRegistry } from '@repo/providers';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './create-test-app.js';

let app: NestExpressApplication;
let registry: ModelRegistry;
beforeAll(async () => ({ app, registry } = await createTestApp()));
afterAll(async () => {
  await app.close();
});

describe('ops endpoints', () => {
  it('/metrics has the token counters under both names and process metrics', async () => {
    await request(app.getHttpServer())
      .post('/api/chat')
      .send({ messages: [{ role: 'user', content: 'Hello!' }] });
    const res = await request(app.getHttpServer()).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const labels = 'gen_ai_system="local",gen_ai_request_model="local"';
    expect(res.text).toContain(
      `gen_ai_client_token_usage_total{${labels},gen_ai_token_type="input"} 8`,
    );
    expect(res.text).toContain(
      `gen_ai_client_token_usage_total{${labels},gen_ai_token_type="output"} 19`,
    );
    expect(res.text).toContain(
      `gen_ai_client_token_usage_total{${labels},gen_ai_token_type="total"} 27`,
    );
    expect(res.text).toMatch(/^ai_prompt_tokens_total 8$/m);
    expect(res.text).toMatch(/^ai_completion_tokens_total 19$/m);
    expect(res.text).toMatch(/^ai_total_tokens_total 27$/m);
    expect(res.text).toContain('process_cpu_user_seconds_total');

    // prom-client loads on the first scrape; later requests still count.
    await request(app.getHttpServer())
      .post('/api/chat')
      .send({ messages: [{ role: 'user', content: 'Hello!' }] });
    const again = (await request(app.getHttpServer()).get('/metrics')).text;
    expect(again).toMatch(/^ai_prompt_tokens_total 16$/m);
    expect(again).toContain(
      `gen_ai_client_token_usage_total{${labels},gen_ai_token_type="total"} 54`,
    );
  });

  it('/health reports the model from config; ?deep=true makes one call', async () => {
    const before = registry.localLlm().requests().length;
    const res = await request(app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.ai).toEqual({
      status: 'up',
      provider: 'local',
      model: 'local',
      embeddingProvider: 'local',
      configuredProviders: ['local'],
      checked: 'config',
    });
    expect(registry.localLlm().requests()).toHaveLength(before);
    const deep = await request(app.getHttpServer()).get('/health?deep=true');
    expect(deep.body.info.ai).toMatchObject({ status: 'up', checked: 'call' });
    expect(registry.localLlm().requests()).toHaveLength(before + 1);
  });

  it('/docs serves the Swagger UI and its OpenAPI document lists the routes', async () => {
    const ui = await request(app.getHttpServer()).get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
    const spec = await request(app.getHttpServer()).get('/docs-json');
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/deepseek/chatWithPrompt',
        '/api/multi-chat-openai/chat',
        '/api/chat',
        '/api/chat/stream',
        '/api/chat/entity',
        '/api/providers',
      ]),
    );
    // The deferred decorators were applied, and the DTOs are documented from their zod schemas.
    expect(spec.body.paths['/api/chat'].post).toMatchObject({
      tags: ['chat'],
      summary: 'One answer: content, reasoning, finish reason, usage, provider, model',
    });
    expect(spec.body.paths['/health'].get.responses['503']).toEqual({
      description: 'A check is down (the body says which)',
    });
    const messages = spec.body.components.schemas.CreateChatDto.properties.messages;
    expect(messages.items.properties.role.enum).toEqual(['system', 'user', 'assistant']);
    const bundle = await request(app.getHttpServer()).get('/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
  });
});

describe('boot', () => {
  const main = new URL('../dist/main.js', import.meta.url);
  const checks = bootChecks(main, {
    badVariable: {
      env: { PORT: 'abc' },
      message: 'Invalid configuration:\n  - PORT: must be a number',
    },
  });
  for (const check of checks) it(check.name, check.run);
});
