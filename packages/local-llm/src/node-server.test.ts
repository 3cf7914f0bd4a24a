import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalLlmServer, type LocalLlmServer, type RecordedRequest } from './index.js';

let server: LocalLlmServer;
let client: OpenAI;
const hi = [{ role: 'user' as const, content: 'hi' }];

beforeAll(async () => {
  server = await startLocalLlmServer({ port: 0, control: true });
  client = new OpenAI({ apiKey: 'test', baseURL: server.baseURL, maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => control('/_local/reset'));

async function control(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, {
    method: body === undefined && path.endsWith('requests') ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.json();
}

const recorded = async () =>
  ((await control('/_local/requests')) as { requests: RecordedRequest[] }).requests;

function streamBody(extra: Record<string, unknown> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'local',
      messages: [{ role: 'user', content: 'a long story please' }],
      stream: true,
      ...extra,
    }),
  };
}

describe('startLocalLlmServer over real HTTP', () => {
  it('listens on a free port and answers the SDK', async () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.baseURL).toBe(`http://127.0.0.1:${server.port}/v1`);
    const completion = await client.chat.completions.create({ model: 'local', messages: hi });
    expect(completion.choices[0]?.message.content).toBe(
      '[local-llm] This is the offline local model. You said: "hi"',
    );
  });

  it('serves SSE with the right content type, ending in [DONE]', async () => {
    const response = await fetch(`${server.baseURL}/chat/completions`, streamBody());
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const text = await response.text();
    expect(text.startsWith('data: {')).toBe(true);
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('scripts replies through the HTTP control API and records requests', async () => {
    await control('/_local/script', { replies: [{ content: 'Over HTTP.' }] });
    const completion = await client.chat.completions.create({ model: 'local', messages: hi });
    expect(completion.choices[0]?.message.content).toBe('Over HTTP.');
    const requests = await recorded();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      aborted: false,
      body: { model: 'local' },
    });
  });

  it('injects 429 with a Retry-After header', async () => {
    await control('/_local/faults', { status: 429, retryAfter: 7, times: 1 });
    const response = await fetch(
      `${server.baseURL}/chat/completions`,
      streamBody({ stream: false }),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe(
      'rate_limit_error',
    );
    expect(
      (await fetch(`${server.baseURL}/chat/completions`, streamBody({ stream: false }))).status,
    ).toBe(200);
  });

  it('cuts a stream after N chunks without [DONE]', async () => {
    await control('/_local/faults', { cutAfterChunks: 3 });
    const response = await fetch(`${server.baseURL}/chat/completions`, streamBody());
    const frames: string[] = [];
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          frames.push(decoder.decode(value));
        }
      })(),
    ).rejects.toThrow();
    const text = frames.join('');
    expect(text.match(/^data: /gm)).toHaveLength(3);
    expect(text).not.toContain('[DONE]');
    const stream = await client.chat.completions.create({
      model: 'local',
      messages: hi,
      stream: true,
    });
    await expect(
      (async () => {
        for await (const _chunk of stream);
      })(),
    ).rejects.toThrow();
  });

  it('sends a malformed frame that the SDK cannot parse', async () => {
    await control('/_local/faults', { malformedChunkAt: 2 });
    const stream = await client.chat.completions.create({
      model: 'local',
      messages: hi,
      stream: true,
    });
    const received: unknown[] = [];
    await expect(
      (async () => {
        for await (const chunk of stream) received.push(chunk);
      })(),
    ).rejects.toThrow(/JSON/);
    expect(received).toHaveLength(1);
  });

  it('records a client disconnect mid-stream as aborted', async () => {
    await control('/_local/faults', { tokenLatencyMs: 30 });
    const controller = new AbortController();
    const response = await fetch(`${server.baseURL}/chat/completions`, {
      ...streamBody(),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.read().catch(() => undefined);
    let aborted = false;
    // The server learns about the disconnect asynchronously: poll its log (bounded, no timing asserted).
    for (let i = 0; i < 100 && !aborted; i++) {
      aborted = (await recorded())[0]?.aborted === true;
      if (!aborted) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(aborted).toBe(true);
  });

  it('keeps the control API off by default', async () => {
    const closed = await startLocalLlmServer({ port: 0 });
    try {
      expect((await fetch(`${closed.url}/_local/requests`)).status).toBe(404);
      expect((await fetch(`${closed.baseURL}/models`)).status).toBe(200);
    } finally {
      await closed.close();
    }
  });
});
