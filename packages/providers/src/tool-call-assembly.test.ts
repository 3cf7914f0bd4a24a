// Tool-call deltas no recorded stream shows but compatible servers send (docs/pain-points.md P5), through the
// real SDK: missing index, ids only on the first delta, arguments split anywhere, parallel calls
// interleaved, invalid JSON kept raw, and no usage chunk at all.
import { userMessage, type ChatResponse, type ChatStreamEvent } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { createOpenAICompatibleChatModel } from './openai-compatible-chat-model.js';
import { createReplayFetch } from './testing/index.js';

type Delta = Record<string, unknown>;
const chunk = (delta: Delta, finish: string | null = null, extra: object = {}) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'quirky',
  choices: [{ index: 0, delta, finish_reason: finish }],
  ...extra,
});
const call = (fields: Delta) => ({ tool_calls: [fields] });

async function run(
  chunks: object[],
): Promise<{ events: ChatStreamEvent[]; response: ChatResponse }> {
  const { fetch } = createReplayFetch({ chunks });
  const model = createOpenAICompatibleChatModel({
    provider: 'quirky',
    model: 'quirky',
    apiKey: 'k',
    fetch,
  });
  const events: ChatStreamEvent[] = [];
  for await (const event of model.stream({ messages: [userMessage('go')] })) events.push(event);
  const finish = events.at(-1);
  if (finish?.type !== 'finish') throw new Error('no finish event');
  return { events, response: finish.response };
}

const toolCalls = (events: ChatStreamEvent[]) =>
  events.flatMap((event) => (event.type === 'tool-call' ? [event.toolCall] : []));

describe('tolerant tool-call assembly', () => {
  it('assembles calls whose deltas have no index (a new id starts a new call)', async () => {
    const { events } = await run([
      chunk(call({ id: 'call_a', function: { name: 'get_weather', arguments: '{"city":' } })),
      chunk(call({ function: { arguments: '"Paris"}' } })),
      chunk(call({ id: 'call_b', function: { name: 'get_time', arguments: '{}' } })),
      chunk({}, 'tool_calls'),
    ]);
    expect(toolCalls(events)).toEqual([
      { type: 'tool-call', id: 'call_a', name: 'get_weather', arguments: { city: 'Paris' } },
      { type: 'tool-call', id: 'call_b', name: 'get_time', arguments: {} },
    ]);
  });

  it('keeps the first id when later deltas carry an empty one, and joins a split name', async () => {
    const { events } = await run([
      chunk(
        call({
          index: 0,
          id: 'call_1',
          type: 'function',
          function: { name: 'get_', arguments: '' },
        }),
      ),
      chunk(call({ index: 0, id: '', function: { name: 'weather', arguments: '{"ci' } })),
      chunk(call({ index: 0, id: '', function: { arguments: 'ty":"Oslo"}' } })),
      chunk({}, 'tool_calls'),
    ]);
    expect(toolCalls(events)).toEqual([
      { type: 'tool-call', id: 'call_1', name: 'get_weather', arguments: { city: 'Oslo' } },
    ]);
  });

  it('joins arguments split mid-token and mid-unicode-escape', async () => {
    const pieces = ['{"na', 'me":"Caf\\u00', 'e9 M\\u', '00fcller","n', '":4', '2}'];
    const { events } = await run([
      chunk(call({ index: 0, id: 'call_u', function: { name: 'lookup', arguments: '' } })),
      ...pieces.map((arguments_) => chunk(call({ index: 0, function: { arguments: arguments_ } }))),
      chunk({}, 'tool_calls'),
    ]);
    expect(toolCalls(events)).toEqual([
      {
        type: 'tool-call',
        id: 'call_u',
        name: 'lookup',
        arguments: { name: 'Café Müller', n: 42 },
      },
    ]);
  });

  it('separates two parallel calls whose deltas interleave', async () => {
    const { events, response } = await run([
      chunk(call({ index: 0, id: 'call_x', function: { name: 'get_weather', arguments: '' } })),
      chunk(call({ index: 1, id: 'call_y', function: { name: 'get_weather', arguments: '' } })),
      chunk(call({ index: 0, function: { arguments: '{"city":"Rome"' } })),
      chunk(call({ index: 1, function: { arguments: '{"city":"Lima"' } })),
      chunk(call({ index: 1, function: { arguments: '}' } })),
      chunk(call({ index: 0, function: { arguments: '}' } })),
      chunk({}, 'tool_calls'),
    ]);
    const expected = [
      { type: 'tool-call', id: 'call_x', name: 'get_weather', arguments: { city: 'Rome' } },
      { type: 'tool-call', id: 'call_y', name: 'get_weather', arguments: { city: 'Lima' } },
    ];
    expect(toolCalls(events)).toEqual(expected);
    expect(response.message.parts).toEqual(expected);
    expect(response.finishReason).toBe('tool-calls');
  });

  it('splits calls a server numbered all as index 0 by their ids', async () => {
    const { events } = await run([
      chunk(call({ index: 0, id: 'call_1', function: { name: 'a', arguments: '{"x":1}' } })),
      chunk(call({ index: 0, id: 'call_2', function: { name: 'b', arguments: '{"y":2}' } })),
      chunk({}, 'tool_calls'),
    ]);
    expect(toolCalls(events).map((c) => [c.id, c.name, c.arguments])).toEqual([
      ['call_1', 'a', { x: 1 }],
      ['call_2', 'b', { y: 2 }],
    ]);
  });

  it('keeps unparseable arguments as the raw string and treats empty arguments as {}', async () => {
    const { events } = await run([
      chunk(
        call({
          index: 0,
          id: 'call_bad',
          function: { name: 'search', arguments: '{"q": "unclosed' },
        }),
      ),
      chunk(call({ index: 1, id: 'call_none', function: { name: 'now', arguments: '' } })),
      chunk({}, 'tool_calls'),
    ]);
    expect(toolCalls(events)).toEqual([
      { type: 'tool-call', id: 'call_bad', name: 'search', arguments: '{"q": "unclosed' },
      { type: 'tool-call', id: 'call_none', name: 'now', arguments: {} },
    ]);
  });

  it('synthesises ids when the server sends none', async () => {
    const { events } = await run([
      chunk(call({ function: { name: 'ping', arguments: '{}' } })),
      chunk({}, 'tool_calls'),
    ]);
    expect(toolCalls(events)).toEqual([
      { type: 'tool-call', id: 'call_0', name: 'ping', arguments: {} },
    ]);
  });

  it('finishes with zero usage and no usage event when the provider sends no usage chunk', async () => {
    const { events, response } = await run([
      chunk({ content: 'Hi' }),
      chunk({ content: '!' }, 'stop'),
    ]);
    expect(events.map((event) => event.type)).toEqual(['text-delta', 'text-delta', 'finish']);
    expect(response.text).toBe('Hi!');
    expect(response.usage).toEqual({ promptTokens: 0, completionTokens: 0, totalTokens: 0 });
  });

  it('accepts `reasoning` as well as `reasoning_content`', async () => {
    const { response } = await run([chunk({ reasoning: 'hmm' }), chunk({ content: 'ok' }, 'stop')]);
    expect(response.message.parts).toEqual([
      { type: 'reasoning', text: 'hmm' },
      { type: 'text', text: 'ok' },
    ]);
  });
});
