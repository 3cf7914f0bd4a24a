// Recorded traffic from five providers, replayed through the real openai SDK: every shape must
// come out as the same event vocabulary with the file's own text and usage numbers.
import { readFileSync } from 'node:fs';
import { collectStream, userMessage, type ChatStreamEvent } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { createOpenAICompatibleChatModel } from './openai-compatible-chat-model.js';
import { createReplayFetch, parseChunkLines } from './testing/index.js';

interface Expected {
  text: string;
  reasoning: string;
  usage: Record<string, number>;
  finish: string | undefined;
}

function load(name: string): { lines: string[]; expected: Expected } {
  const lines = parseChunkLines(
    readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'),
  );
  const expected: Expected = { text: '', reasoning: '', usage: {}, finish: undefined };
  for (const line of lines) {
    const chunk = JSON.parse(line) as {
      choices: Array<{ delta: Record<string, string | null>; finish_reason?: string | null }>;
      usage?: Record<string, number> | null;
    };
    for (const choice of chunk.choices) {
      expected.text += choice.delta.content ?? '';
      expected.reasoning += choice.delta.reasoning_content ?? '';
      if (choice.finish_reason) expected.finish = choice.finish_reason;
    }
    if (chunk.usage) expected.usage = chunk.usage;
  }
  return { lines, expected };
}

async function replay(name: string) {
  const { lines, expected } = load(name);
  const { fetch, requests } = createReplayFetch({ chunks: lines });
  const model = createOpenAICompatibleChatModel({
    provider: 'test',
    model: 'm',
    apiKey: 'k',
    fetch,
  });
  const events: ChatStreamEvent[] = [];
  for await (const event of model.stream({ messages: [userMessage('hi')] })) events.push(event);
  const response = await collectStream(events as unknown as AsyncIterable<ChatStreamEvent>);
  return { events, response, expected, requests };
}

const joined = (events: ChatStreamEvent[], type: 'text-delta' | 'reasoning-delta') =>
  events.map((event) => (event.type === type ? event.text : '')).join('');

describe('recorded provider streams', () => {
  it('deepseek-reasoning: reasoning deltas, then text, usage with reasoning tokens', async () => {
    const { events, response, expected } = await replay('deepseek-reasoning.chunks.txt');
    const firstText = events.findIndex((event) => event.type === 'text-delta');
    const lastReasoning = events.map((event) => event.type).lastIndexOf('reasoning-delta');
    expect(lastReasoning).toBeGreaterThan(0);
    expect(lastReasoning).toBeLessThan(firstText);
    expect(joined(events, 'reasoning-delta')).toBe(expected.reasoning);
    expect(response.text).toBe(expected.text);
    expect(response.message.parts[0]).toEqual({ type: 'reasoning', text: expected.reasoning });
    expect(response.usage).toEqual({
      promptTokens: 18,
      completionTokens: 219,
      totalTokens: 237,
      reasoningTokens: 205,
      cachedTokens: 0,
    });
    expect(response.model).toBe('deepseek-reasoner');
    expect(response.id).toBe('cac7192e-e619-40c6-96b0-ed4276bc03ac');
    expect(response.finishReason).toBe('stop');
  });

  it('deepseek-text: plain text with usage, finish reason length', async () => {
    const { events, response, expected } = await replay('deepseek-text.chunks.txt');
    expect(joined(events, 'text-delta')).toBe(expected.text);
    expect(response.text).toBe(expected.text);
    expect(response.text.startsWith('## **Holiday Name:** St')).toBe(true);
    expect(events.some((event) => event.type === 'reasoning-delta')).toBe(false);
    expect(response.usage).toEqual({
      promptTokens: 13,
      completionTokens: 400,
      totalTokens: 413,
      cachedTokens: 0,
    });
    expect(response.finishReason).toBe('length');
  });

  it('alibaba-text: usage arrives in a chunk with empty choices', async () => {
    const { events, response, expected } = await replay('alibaba-text.chunks.txt');
    expect(response.text).toBe(expected.text);
    expect(response.text.length).toBeGreaterThan(1000);
    const usageEvents = events.filter((event) => event.type === 'usage');
    expect(usageEvents).toEqual([
      {
        type: 'usage',
        usage: { promptTokens: 18, completionTokens: 779, totalTokens: 797, cachedTokens: 0 },
      },
    ]);
    expect(response.model).toBe('qwen3-max');
    expect(response.finishReason).toBe('stop');
  });

  it('moonshot: reasoning and text in four chunks, usage on the finishing chunk', async () => {
    const { events, response } = await replay('moonshotai-stream.chunks.txt');
    expect(events.map((event) => event.type)).toEqual([
      'reasoning-delta',
      'reasoning-delta',
      'text-delta',
      'text-delta',
      'usage',
      'finish',
    ]);
    expect(response.message.parts).toEqual([
      { type: 'reasoning', text: 'Thinking aloud. ' },
      { type: 'text', text: 'Hello!' },
    ]);
    expect(response.usage).toEqual({
      promptTokens: 9,
      completionTokens: 12,
      totalTokens: 21,
      reasoningTokens: 7,
    });
  });

  it('xai-tool-call: reasoning, then one assembled tool call', async () => {
    const { events, response, expected } = await replay('xai-tool-call.chunks.txt');
    expect(joined(events, 'reasoning-delta')).toBe(expected.reasoning);
    const toolCall = {
      type: 'tool-call',
      id: 'call_79382389',
      name: 'weather',
      arguments: { location: 'San Francisco' },
    };
    expect(events.filter((event) => event.type === 'tool-call')).toEqual([
      { type: 'tool-call', toolCall },
    ]);
    expect(response.finishReason).toBe('tool-calls');
    expect(response.text).toBe('');
    expect(response.message.parts.at(-1)).toEqual(toolCall);
    expect(response.usage).toEqual({
      promptTokens: 307,
      completionTokens: 26,
      totalTokens: 560,
      reasoningTokens: 227,
      cachedTokens: 306,
    });
    expect(events.at(-1)?.type).toBe('finish');
  });

  it('sends stream: true with include_usage for every replay', async () => {
    const { requests } = await replay('moonshotai-stream.chunks.txt');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe('https://api.openai.com/v1/chat/completions');
    expect(requests[0]?.body).toMatchObject({
      model: 'm',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'hi' }],
    });
  });
});
