// GET and POST /api/chat/stream: SSE parsed event by event, usage present, and a client that
// leaves aborts the upstream request (local-llm's request log says `aborted: true`).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ModelRegistry } from '@repo/providers';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { bufferText, createTestApp, parseSse } from './create-test-app.js';

let app: NestExpressApplication;
let registry: ModelRegistry;
beforeAll(async () => ({ app, registry } = await createTestApp()));
beforeEach(() => registry.localLlm().reset());
afterAll(async () => {
  await app.close();
});

const hiEvents = [
  ...[
    '[local-llm] ',
    'This ',
    'is ',
    'the ',
    'offline ',
    'local ',
    'model. ',
    'You ',
    'said: ',
    '"Hi"',
  ].map((text) => ({ event: 'delta', data: { text } })),
  {
    event: 'usage',
    data: { promptTokens: 7, completionTokens: 19, totalTokens: 26, reasoningTokens: 0 },
  },
  {
    event: 'done',
    // The answer's id for POST /api/feedback/*, also in the X-Response-Id header.
    data: {
      finishReason: 'stop',
      provider: 'local',
      model: 'local',
      responseId: expect.any(String),
    },
  },
];

/** The done event's responseId is the X-Response-Id header's. */
function expectResponseId(res: { headers: Record<string, string>; body: unknown }): void {
  const done = parseSse(res.body as string).at(-1)?.data as { responseId: string };
  expect(done.responseId).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.headers['x-response-id']).toBe(done.responseId);
}

describe('GET /api/chat/stream', () => {
  it('streams delta events, then usage, then done', async () => {
    const res = await request(app.getHttpServer())
      .get('/api/chat/stream?message=Hi')
      .buffer(true)
      .parse(bufferText);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream');
    expect(res.headers['x-ai-provider']).toBe('local');
    expect(parseSse(res.body as string)).toEqual(hiEvents);
    expectResponseId(res);
  });

  it('streams reasoning first for a reasoner model', async () => {
    const res = await request(app.getHttpServer())
      .get('/api/chat/stream?message=Hi&model=local-reasoner')
      .buffer(true)
      .parse(bufferText);
    const events = parseSse(res.body as string);
    expect(events[0]).toEqual({ event: 'reasoning', data: { text: 'Thinking ' } });
    expect(events.at(-1)).toEqual({
      event: 'done',
      data: {
        finishReason: 'stop',
        provider: 'local',
        model: 'local-reasoner',
        responseId: expect.any(String),
      },
    });
  });

  it('a missing message or an unconfigured provider is a plain 400 before any event', async () => {
    const missing = await request(app.getHttpServer()).get('/api/chat/stream');
    expect(missing.status).toBe(400);
    expect(missing.body.details[0].field).toBe('message');
    const qwen = await request(app.getHttpServer()).get(
      '/api/chat/stream?message=Hi&provider=qwen',
    );
    expect(qwen.status).toBe(400);
    expect(qwen.body.message).toBe('Provider "qwen" is not configured. Set QWEN_API_KEY.');
  });

  it('a provider failure mid-request becomes an error event', async () => {
    registry.localLlm().faults({ status: 503, times: 1 });
    const res = await request(app.getHttpServer())
      .get('/api/chat/stream?message=Hi')
      .buffer(true)
      .parse(bufferText);
    expect(res.status).toBe(200);
    const events = parseSse(res.body as string);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event: 'error', data: { statusCode: 502 } });
  });

  it('a client that disconnects aborts the upstream request', async () => {
    const llm = registry.localLlm();
    llm.faults({ tokenLatencyMs: 100 });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const firstEvent = await new Promise<string>((resolve, reject) => {
      const req = http.get(`http://127.0.0.1:${port}/api/chat/stream?message=Hello`, (res) => {
        res.setEncoding('utf8');
        let text = '';
        res.on('data', (chunk: string) => {
          text += chunk;
          if (!text.includes('event: delta')) return;
          req.destroy();
          resolve(text);
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ECONNRESET') reject(error);
      });
    });
    expect(firstEvent).toContain('data: {"text":"[local-llm] "}');
    await vi.waitFor(() => expect(llm.requests()[0]?.aborted).toBe(true), { timeout: 5000 });
  });
});

describe('POST /api/chat/stream', () => {
  it('takes the /api/chat body and streams the same events', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/chat/stream')
      .send({ messages: [{ role: 'user', content: 'Hi' }] })
      .buffer(true)
      .parse(bufferText);
    expect(res.status).toBe(200);
    expect(res.headers['x-ai-provider']).toBe('local');
    expect(parseSse(res.body as string)).toEqual(hiEvents);
    expectResponseId(res);
  });

  it('validates the body like /api/chat', async () => {
    const res = await request(app.getHttpServer()).post('/api/chat/stream').send({ messages: [] });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('messages');
  });
});
