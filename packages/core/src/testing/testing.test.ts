import { describe, expect, it } from 'vitest';
import { AiError, RateLimitError } from '../ai-errors.js';
import type { ChatStreamEvent } from '../chat-model.js';
import { collectStream, textStream } from '../collect-stream.js';
import { userMessage } from '../message.js';
import { MockChatModel, MockEmbeddingModel, simulateStream } from './index.js';

const request = { messages: [userMessage('hello there')] };

async function toArray<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('MockChatModel', () => {
  it('answers scripted replies in order and records every request', async () => {
    const model = new MockChatModel({
      replies: ['first', { text: 'second', usage: { promptTokens: 7 } }],
    });
    const one = await model.call(request);
    const two = await model.call({ ...request, options: { model: 'other' } });
    expect(one.text).toBe('first');
    expect(one.finishReason).toBe('stop');
    expect(two.usage.promptTokens).toBe(7);
    expect(two.model).toBe('other');
    expect(model.requests).toHaveLength(2);
    expect(model.requests[1]?.options?.model).toBe('other');
    await expect(model.call(request)).rejects.toThrow('no reply left for request #3');
  });

  it('derives a stream that collects to the same response as call', async () => {
    const reply = {
      reasoning: '想一想',
      text: 'It is sunny in Paris.',
      toolCalls: [{ id: 'call_1', name: 'getCurrentWeather', arguments: { city: 'Paris' } }],
    };
    const model = new MockChatModel({ replies: [reply, reply] });
    const called = await model.call(request);
    const events = await toArray(model.stream(request));
    expect(events.map((event) => event.type)).toEqual([
      'reasoning-delta',
      'text-delta',
      'text-delta',
      'text-delta',
      'text-delta',
      'text-delta',
      'tool-call',
      'usage',
      'finish',
    ]);
    const streamed = await collectStream(simulateStream(events));
    expect(streamed.message).toEqual(called.message);
    expect(streamed.finishReason).toBe('tool-calls');
    const text = events.flatMap((e) => (e.type === 'text-delta' ? [e.text] : [])).join('');
    expect(text).toBe('It is sunny in Paris.');
  });

  it('throws scripted errors and replays exact events', async () => {
    const events: ChatStreamEvent[] = [{ type: 'text-delta', text: 'partial' }];
    const model = new MockChatModel({
      replies: [new RateLimitError('slow down', { retryAfterMs: 1000 }), { events }],
    });
    await expect(model.call(request)).rejects.toBeInstanceOf(RateLimitError);
    expect(await toArray(textStream(model.stream(request)))).toEqual(['partial']);
  });

  it('uses a function reply and a default reply', async () => {
    const model = new MockChatModel({
      replies: [(req) => `echo: ${JSON.stringify(req.messages.length)}`],
      defaultReply: 'default',
    });
    expect((await model.call(request)).text).toBe('echo: 1');
    expect((await model.call(request)).text).toBe('default');
  });
});

describe('collectStream', () => {
  it('rejects a stream without finish, and rethrows error events', async () => {
    await expect(
      collectStream(simulateStream([{ type: 'text-delta', text: 'x' } as const])),
    ).rejects.toBeInstanceOf(AiError);
    const failing: ChatStreamEvent[] = [{ type: 'error', error: new Error('boom') }];
    await expect(collectStream(simulateStream(failing))).rejects.toThrow('boom');
  });
});

describe('simulateStream', () => {
  it('stops when aborted', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const value of simulateStream([1, 2, 3], {
          chunkDelayMs: 5,
          signal: controller.signal,
        })) {
          seen.push(value);
          controller.abort();
        }
      })(),
    ).rejects.toThrow('aborted');
    expect(seen).toEqual([1]);
  });
});

describe('MockEmbeddingModel', () => {
  it('is deterministic, normalised, and closer for shared words (CJK too)', async () => {
    const model = new MockEmbeddingModel({ dimensions: 64 });
    const { embeddings } = await model.embed({
      input: ['北京的天气很好', '北京天气晴朗', 'stock market news'],
    });
    const [a, b, c] = embeddings as [number[], number[], number[]];
    const dot = (x: number[], y: number[]) => x.reduce((sum, v, i) => sum + v * (y[i] ?? 0), 0);
    expect(dot(a, a)).toBeCloseTo(1, 10);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c));
    expect((await model.embed({ input: ['北京的天气很好'] })).embeddings[0]).toEqual(a);
    expect(model.requests).toHaveLength(2);
  });
});
