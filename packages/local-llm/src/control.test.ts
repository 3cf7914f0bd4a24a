import OpenAI from 'openai';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSdkClient } from './__fixtures__/sdk-client.js';
import { createLocalLlm } from './index.js';

const { llm, client } = createSdkClient();
const hi = [{ role: 'user' as const, content: 'hi' }];

beforeEach(() => llm.reset());

describe('control API (in-process)', () => {
  it('scripted replies are returned exactly, in order, stream or not', async () => {
    llm.script([
      { content: 'First.', reasoning: 'Because.', usage: { promptTokens: 7, completionTokens: 2 } },
      { toolCalls: [{ id: 'call_fixed', name: 'lookup', arguments: { q: 'x' } }] },
      { content: 'Cut', finishReason: 'length' },
    ]);
    const first = await client.chat.completions.create({ model: 'local', messages: hi });
    expect(first.choices[0]?.message).toEqual({
      role: 'assistant',
      content: 'First.',
      reasoning_content: 'Because.',
    });
    expect(first.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 });
    const second = await client.chat.completions.create({ model: 'local', messages: hi });
    expect(second.choices[0]?.message.tool_calls).toEqual([
      { id: 'call_fixed', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } },
    ]);
    expect(second.choices[0]?.finish_reason).toBe('tool_calls');
    const stream = await client.chat.completions.create({
      model: 'local',
      messages: hi,
      stream: true,
    });
    let text = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect([text, finish]).toEqual(['Cut', 'length']);
    const fourth = await client.chat.completions.create({ model: 'local', messages: hi });
    expect(fourth.choices[0]?.message.content).toContain('You said: "hi"');
  });

  it('scripted errors carry status, body and Retry-After', async () => {
    llm.script([
      { error: { status: 429, message: 'Slow down', code: 'rate_limit', retryAfter: 2 } },
    ]);
    const error = await client.chat.completions
      .create({ model: 'local', messages: hi })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rateLimit = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rateLimit.status).toBe(429);
    expect(rateLimit.headers.get('retry-after')).toBe('2');
    expect(rateLimit.error).toEqual({
      message: 'Slow down',
      type: 'rate_limit_error',
      param: null,
      code: 'rate_limit',
    });
  });

  it('faults apply `times` requests, then clear', async () => {
    llm.faults({ status: 503, times: 1 });
    const error = await client.chat.completions
      .create({ model: 'local', messages: hi })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect((error as InstanceType<typeof OpenAI.APIError>).message).toContain(
      'Injected fault: HTTP 503.',
    );
    const ok = await client.chat.completions.create({ model: 'local', messages: hi });
    expect(ok.choices[0]?.finish_reason).toBe('stop');
  });

  it('faults apply to embeddings too, until reset', async () => {
    llm.faults({ status: 500, message: 'Boom' });
    for (let i = 0; i < 2; i++)
      await expect(
        client.embeddings.create({ model: 'local-embedding', input: 'x' }),
      ).rejects.toThrow('Boom');
    llm.reset();
    const ok = await client.embeddings.create({ model: 'local-embedding', input: 'x' });
    expect(ok.data).toHaveLength(1);
  });

  it('records requests with parsed bodies; reset clears them', async () => {
    await client.chat.completions.create({ model: 'local', messages: hi });
    await client.embeddings.create({ model: 'local-embedding', input: 'x' });
    const recorded = llm.requests();
    expect(recorded.map((r) => [r.method, r.path, r.aborted])).toEqual([
      ['POST', '/v1/chat/completions', false],
      ['POST', '/v1/embeddings', false],
    ]);
    expect(recorded[0]?.body).toMatchObject({ model: 'local', messages: hi });
    expect(recorded[0]?.id).not.toBe(recorded[1]?.id);
    expect(Number.isNaN(Date.parse(recorded[0]?.at ?? ''))).toBe(false);
    llm.reset();
    expect(llm.requests()).toEqual([]);
  });

  it('counts requests by path, faulted ones too, past the log’s last 1000; reset clears', async () => {
    const post = (path: string, body: unknown) =>
      llm.handler(new Request(`http://x${path}`, { method: 'POST', body: JSON.stringify(body) }));
    expect(llm.requestCounts()).toEqual({ total: 0, byPath: {} });
    llm.faults({ status: 500, times: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 1001; i++)
      statuses.push(
        (await post('/v1/embeddings', { model: 'local-embedding', input: 'x' })).status,
      );
    await post('/v1/chat/completions', { model: 'local', messages: hi });
    expect(statuses.slice(0, 3)).toEqual([500, 500, 200]);
    const counts = { total: 1002, byPath: { '/v1/embeddings': 1001, '/v1/chat/completions': 1 } };
    expect(llm.requestCounts()).toEqual(counts);
    expect(llm.requests()).toHaveLength(1000);
    // Control routes and unknown paths are not model requests.
    const route = await llm.handler(new Request('http://x/_local/request-counts'));
    expect(await route.json()).toEqual(counts);
    expect((await post('/v1/nowhere', {})).status).toBe(404);
    expect(llm.requestCounts().total).toBe(1002);
    llm.reset();
    expect(llm.requestCounts()).toEqual({ total: 0, byPath: {} });
  });

  it('aborting the client mid-stream stops the stream and is recorded as aborted', async () => {
    llm.faults({ tokenLatencyMs: 20 });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      {
        model: 'local',
        messages: [{ role: 'user', content: 'tell me a long story please' }],
        stream: true,
      },
      { signal: controller.signal },
    );
    let chunks = 0;
    // The SDK ends the iteration quietly when its own signal aborts.
    for await (const _chunk of stream) if (++chunks === 2) controller.abort();
    expect(chunks).toBe(2);
    expect(llm.requests()[0]?.aborted).toBe(true);
  });

  it('the HTTP control routes share the same state', async () => {
    const call = (path: string, method: string, body?: unknown) =>
      llm.handler(
        new Request(`http://x${path}`, {
          method,
          body: body === undefined ? null : JSON.stringify(body),
        }),
      );
    expect(
      (await call('/_local/script', 'POST', { replies: [{ content: 'Scripted!' }] })).status,
    ).toBe(200);
    const completion = await client.chat.completions.create({ model: 'local', messages: hi });
    expect(completion.choices[0]?.message.content).toBe('Scripted!');
    const listed = (await (await call('/_local/requests', 'GET')).json()) as {
      requests: unknown[];
    };
    expect(listed.requests).toHaveLength(1);
    expect((await call('/_local/script', 'POST', { replies: 'nope' })).status).toBe(400);
    expect((await call('/_local/faults', 'POST', { latencyMs: -1 })).status).toBe(400);
    expect((await call('/_local/requests', 'POST')).status).toBe(405);
    expect((await call('/_local/reset', 'POST')).status).toBe(200);
    expect(llm.requests()).toEqual([]);
  });

  it('control routes are 404 when control is off', async () => {
    const closed = createLocalLlm({ control: false });
    const response = await closed.handler(new Request('http://x/_local/requests'));
    expect(response.status).toBe(404);
  });

  it('accepts script and faults as options', async () => {
    const scripted = createLocalLlm({
      script: [{ content: 'From options' }],
      faults: { status: 418, times: 1 },
    });
    const scriptedClient = new OpenAI({
      apiKey: 'test',
      baseURL: scripted.baseURL,
      fetch: scripted.fetch,
      maxRetries: 0,
    });
    await expect(
      scriptedClient.chat.completions.create({ model: 'local', messages: hi }),
    ).rejects.toMatchObject({ status: 418 });
    const completion = await scriptedClient.chat.completions.create({
      model: 'local',
      messages: hi,
    });
    expect(completion.choices[0]?.message.content).toBe('From options');
  });
});

describe('in-process fetch', () => {
  it('rejects with the signal reason when aborted before the response, like a real fetch', async () => {
    const local = createLocalLlm({ faults: { latencyMs: 200 } });
    const controller = new AbortController();
    const pending = local.fetch(`${local.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'local', messages: hi }),
      signal: controller.signal,
    });
    controller.abort(new Error('caller gave up'));
    await expect(pending).rejects.toThrow('caller gave up');
    await vi.waitFor(() => expect(local.requests()[0]?.aborted).toBe(true));
  });
});
