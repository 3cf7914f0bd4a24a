// Provider switching by env: DEEPSEEK_API_KEY + DEEPSEEK_BASE_URL point the hosted DeepSeek preset
// at a local-llm on a port, so the real preset (model name, thinking switch, errors) is exercised.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startLocalLlmServer, type LocalLlmServer } from '@repo/local-llm';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, echoText } from './create-test-app.js';

let server: LocalLlmServer;
let app: NestExpressApplication;
beforeAll(async () => {
  server = await startLocalLlmServer({ port: 0, control: true });
  ({ app } = await createTestApp({ DEEPSEEK_API_KEY: 'test', DEEPSEEK_BASE_URL: server.baseURL }));
});
beforeEach(() => server.llm.reset());
afterAll(async () => {
  await app.close();
  await server.close();
});

const sentBodies = () => server.llm.requests().map((r) => r.body as Record<string, unknown>);

describe('with DEEPSEEK_API_KEY set', () => {
  it('the seed route answers from DeepSeek with its default model, thinking off', async () => {
    const res = await request(app.getHttpServer()).get(
      '/api/deepseek/chatWithPrompt?userInput=Hello!',
    );
    expect(res.status).toBe(200);
    expect(res.headers['x-ai-provider']).toBe('deepseek');
    expect(res.text).toBe(echoText('Hello!'));
    expect(sentBodies()[0]).toMatchObject({
      model: 'deepseek-v4-flash',
      thinking: { type: 'disabled' },
    });
  });

  it('routes whose provider is still unconfigured answer from the embedded model', async () => {
    const qwen = await request(app.getHttpServer()).get('/api/qwen/chat?userInput=Hi');
    expect(qwen.headers['x-ai-provider']).toBe('local');
    const multi = await request(app.getHttpServer()).get('/api/multi-chat/chat');
    expect(multi.headers['x-ai-provider']).toBe('deepseek, local');
    expect(server.llm.requests()).toHaveLength(1);
  });

  it('/api/chat defaults to DeepSeek; the old reasoner name switches thinking on', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/chat')
      .send({ model: 'deepseek-reasoner', messages: [{ role: 'user', content: 'Hi' }] });
    expect(res.status).toBe(200);
    expect(res.headers['x-ai-provider']).toBe('deepseek');
    expect(res.body).toMatchObject({
      provider: 'deepseek',
      model: 'deepseek-v4-flash',
      reasoning: 'Thinking about: "Hi"',
      content: echoText('Hi'),
    });
    expect(sentBodies()[0]).toMatchObject({
      model: 'deepseek-v4-flash',
      thinking: { type: 'enabled' },
    });
  });

  it('/api/providers lists deepseek without its key', async () => {
    const res = await request(app.getHttpServer()).get('/api/providers');
    expect(res.body.defaultProvider).toBe('deepseek');
    expect(res.body.configured.map((p: { name: string }) => p.name)).toEqual(['deepseek', 'local']);
    expect(JSON.stringify(res.body)).not.toContain('"test"');
  });

  it('a provider 429 is a 429 with Retry-After', async () => {
    server.llm.faults({ status: 429, retryAfter: 2, times: 1 });
    const res = await request(app.getHttpServer()).get('/api/deepseek/chatWithMetric?userInput=Hi');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'The deepseek provider is rate limiting us.',
      details: [],
      retryAfter: 2,
    });
  });

  it('a provider 503 is a 502; a rejected key is a 502 that names the variable, not the key', async () => {
    server.llm.faults({ status: 503, times: 1 });
    const down = await request(app.getHttpServer())
      .post('/api/chat')
      .send({ messages: [{ role: 'user', content: 'Hi' }] });
    expect(down.status).toBe(502);
    expect(down.body).toMatchObject({ statusCode: 502, error: 'Bad Gateway' });
    expect(down.body.message).toMatch(/^The deepseek provider failed: /);

    server.llm.faults({ status: 401, times: 1 });
    const auth = await request(app.getHttpServer()).get(
      '/api/deepseek/chatWithMetric?userInput=Hi',
    );
    expect(auth.status).toBe(502);
    expect(auth.body.message).toBe(
      'The deepseek provider rejected the configured key; check DEEPSEEK_API_KEY.',
    );
  });
});
