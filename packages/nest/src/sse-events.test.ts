import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ModelRegistry } from '@repo/providers';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bufferText, parseSse } from './testing/sse-client.js';
import { createTestApp } from './__fixtures__/test-app.js';
import { AI_MODEL_REGISTRY } from './ai-tokens.js';

let app: NestExpressApplication;
let registry: ModelRegistry;
beforeAll(async () => {
  app = await createTestApp({ registry: { retry: { maxRetries: 0 } } });
  registry = app.get(AI_MODEL_REGISTRY);
});
afterEach(() => registry.localLlm().reset());
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
  { event: 'done', data: { finishReason: 'stop', provider: 'local', model: 'local' } },
];

describe('toSseEvents on an @Sse() route', () => {
  it('streams delta… usage, done from the embedded model', async () => {
    const res = await request(app.getHttpServer())
      .get('/stream?message=Hi')
      .buffer(true)
      .parse(bufferText);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(parseSse(res.body as string)).toEqual(hiEvents);
  });

  it('reports reasoning and tool-free scripted replies, and errors as an event', async () => {
    registry.localLlm().script([{ content: 'Fine.', reasoning: 'Think.' }]);
    const ok = await request(app.getHttpServer())
      .get('/stream?message=x')
      .buffer(true)
      .parse(bufferText);
    expect(parseSse(ok.body as string).map((e) => e.event)).toEqual([
      'reasoning',
      'delta',
      'usage',
      'done',
    ]);

    registry.localLlm().faults({ status: 503, times: 1 });
    const failed = await request(app.getHttpServer())
      .get('/stream?message=x')
      .buffer(true)
      .parse(bufferText);
    const events = parseSse(failed.body as string);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event: 'error', data: { statusCode: 502 } });
    expect((events[0]?.data as { message: string }).message).toMatch(/^The local provider failed/);
  });

  it('aborts the upstream request when the client disconnects', async () => {
    const llm = registry.localLlm();
    llm.faults({ tokenLatencyMs: 100 });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const req = http.get(`http://127.0.0.1:${port}/stream?message=Hello%20there`, (res) => {
        res.once('data', () => {
          req.destroy(); // the first frame arrived: leave mid-stream
          resolve();
        });
      });
      req.on('error', (error) => {
        if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
      });
    });
    await vi.waitFor(() => expect(llm.requests()[0]?.aborted).toBe(true), { timeout: 5000 });
    expect(llm.requests()).toHaveLength(1);
  });
});

describe('writeSse on a POST route', () => {
  it('writes the same events with the extra headers', async () => {
    const res = await request(app.getHttpServer())
      .post('/stream')
      .send({ message: 'Hi' })
      .buffer(true)
      .parse(bufferText);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream');
    expect(res.headers['x-ai-provider']).toBe('local');
    expect(parseSse(res.body as string)).toEqual(hiEvents);
  });
});
