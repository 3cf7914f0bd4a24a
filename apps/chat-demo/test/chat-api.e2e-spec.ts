// The clean API: POST /api/chat, POST /api/chat/entity, GET /api/providers, and every kind of bad
// input (400 with the field, 413, 404) on the embedded model.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ModelRegistry } from '@repo/providers';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, echoText } from './create-test-app.js';

let app: NestExpressApplication;
let registry: ModelRegistry;
beforeAll(async () => ({ app, registry } = await createTestApp()));
beforeEach(() => registry.localLlm().reset());
afterAll(async () => {
  await app.close();
});

const post = (path: string, body: unknown) =>
  request(app.getHttpServer())
    .post(path)
    .send(body as object);

describe('POST /api/chat', () => {
  it('answers with content, finish reason, usage, provider and model', async () => {
    const res = await post('/api/chat', { messages: [{ role: 'user', content: 'Hello!' }] });
    expect(res.status).toBe(200);
    expect(res.headers['x-ai-provider']).toBe('local');
    expect(res.body).toEqual({
      id: expect.stringMatching(/^chatcmpl-/),
      content: echoText('Hello!'),
      finishReason: 'stop',
      usage: { promptTokens: 8, completionTokens: 19, totalTokens: 27, reasoningTokens: 0 },
      provider: 'local',
      model: 'local',
      // The answer's id for POST /api/feedback/*, also in the X-Response-Id header.
      responseId: res.headers['x-response-id'],
    });
    expect(res.body.responseId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends history, model and options as given; reasoning comes back separately', async () => {
    const res = await post('/api/chat', {
      provider: 'local',
      model: 'local-reasoner',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'My name is Bob.' },
        { role: 'assistant', content: 'Hello Bob!' },
        { role: 'user', content: 'What is my name?' },
      ],
      options: { temperature: 0.2, maxTokens: 50, topP: 0.9, stop: ['END'], seed: 7 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      content: 'Your name is Bob.',
      reasoning: 'Thinking about: "What is my name?"',
      model: 'local-reasoner',
    });
    const body = registry.localLlm().requests()[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      model: 'local-reasoner',
      temperature: 0.2,
      max_tokens: 50,
      top_p: 0.9,
      stop: ['END'],
      seed: 7,
    });
    expect((body.messages as unknown[]).length).toBe(4);
  });

  it('an unconfigured provider is a 400 naming the variable to set', async () => {
    const res = await post('/api/chat', {
      provider: 'deepseek',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Provider "deepseek" is not configured. Set DEEPSEEK_API_KEY.',
      details: [{ field: 'provider', reason: 'set DEEPSEEK_API_KEY' }],
    });
  });

  const valid = { messages: [{ role: 'user', content: 'Hi' }] };
  it.each([
    ['missing messages', {}, 'messages'],
    ['empty messages', { messages: [] }, 'messages'],
    ['a bad role', { messages: [{ role: 'robot', content: 'Hi' }] }, 'messages[0].role'],
    ['empty content', { messages: [{ role: 'user', content: '' }] }, 'messages[0].content'],
    ['temperature out of range', { ...valid, options: { temperature: 3 } }, 'options.temperature'],
    ['maxTokens not an integer', { ...valid, options: { maxTokens: 1.5 } }, 'options.maxTokens'],
    ['an unknown provider', { ...valid, provider: 'deepsek' }, 'provider'],
    ['an unknown field', { ...valid, stream: true }, 'stream'],
  ])('%s → 400 naming %s', async (_name, body, field) => {
    const res = await post('/api/chat', body);
    expect(res.status).toBe(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(registry.localLlm().requests()).toHaveLength(0);
  });

  it('an unknown provider lists the valid names', async () => {
    const res = await post('/api/chat', { ...valid, provider: 'deepsek' });
    expect(res.body.details).toEqual([
      {
        field: 'provider',
        reason: 'must be one of: openai, deepseek, qwen, doubao, zhipu, moonshot, ollama, local',
      },
    ]);
  });

  it('malformed JSON → 400, a body over 1 MB → 413, an unknown route → 404', async () => {
    const server = app.getHttpServer();
    const malformed = await request(server)
      .post('/api/chat')
      .set('content-type', 'application/json')
      .send('{"messages": [');
    expect(malformed.status).toBe(400);
    const big = await post('/api/chat', {
      messages: [{ role: 'user', content: 'x'.repeat(1024 * 1024 + 1) }],
    });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    const missing = await request(server).get('/api/nothing');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /api/nothing',
      details: [],
    });
  });
});

describe('POST /api/chat/entity', () => {
  it("returns Spring AI's actor-and-films record through structured output", async () => {
    const res = await post('/api/chat/entity', {
      message: 'Generate the filmography of 5 movies for Tom Hanks.',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      actor: 'Tom Hanks',
      movies: ['Generate the filmography of 5 movies for Tom'],
    });
    const sent = registry.localLlm().requests()[0]?.body as { response_format?: { type: string } };
    expect(sent.response_format?.type).toBe('json_schema');
  });

  it('a missing message is a 400', async () => {
    const res = await post('/api/chat/entity', {});
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('message');
  });
});

describe('GET /api/providers', () => {
  it('lists the configured providers and models, never a key', async () => {
    const res = await request(app.getHttpServer()).get('/api/providers');
    expect(res.body).toEqual({
      defaultProvider: 'local',
      defaultModel: 'local',
      defaultEmbeddingProvider: 'local',
      defaultEmbeddingModel: 'local-embedding',
      configured: [
        {
          name: 'local',
          baseURL: 'http://local-llm.internal/v1',
          chatModel: 'local',
          embeddingModel: 'local-embedding',
        },
      ],
      available: ['openai', 'deepseek', 'qwen', 'doubao', 'zhipu', 'moonshot', 'ollama', 'local'],
    });
  });
});
