// Mistral-shaped answers through the real openai SDK, each once as a completion for call() and
// once as chunks for stream(): tool calls without `type`, and content sent as typed parts
// (thinking, then text) in English and Chinese. Both paths must give the same ChatResponse.
import { readFileSync } from 'node:fs';
import { userMessage, type ChatResponse, type ChatStreamEvent } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { createOpenAICompatibleChatModel } from './openai-compatible-chat-model.js';
import { createReplayFetch, parseChunkLines } from './testing/index.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

/** As recorded; `withType` adds `type: "function"` to every tool call, as OpenAI sends them. */
function parse(text: string, withType = false): unknown {
  return JSON.parse(text, (key, value: unknown) =>
    withType && key === 'tool_calls' && Array.isArray(value)
      ? value.map((call: object) => ({ type: 'function', ...call }))
      : value,
  );
}

const chat = (fetch: typeof globalThis.fetch) =>
  createOpenAICompatibleChatModel({
    provider: 'mistral',
    model: 'mistral-small-latest',
    apiKey: 'k',
    baseURL: 'https://api.mistral.ai/v1',
    fetch,
  });

async function viaCall(name: string, withType = false) {
  const { fetch, requests } = createReplayFetch({ json: parse(fixture(`${name}.json`), withType) });
  const response = await chat(fetch).call({ messages: [userMessage('hi')] });
  return { response, sent: requests[0]?.body as Record<string, unknown> };
}

async function viaStream(name: string, withType = false) {
  const lines = parseChunkLines(fixture(`${name}.chunks.txt`));
  const chunks = lines.map((line) => parse(line, withType) as object);
  const { fetch, requests } = createReplayFetch({ chunks });
  const events: ChatStreamEvent[] = [];
  for await (const event of chat(fetch).stream({ messages: [userMessage('hi')] }))
    events.push(event);
  const finish = events.at(-1);
  if (finish?.type !== 'finish') throw new Error('no finish event');
  return { events, response: finish.response, sent: requests[0]?.body as Record<string, unknown> };
}

const deltas = (events: ChatStreamEvent[], type: 'text-delta' | 'reasoning-delta') =>
  events.flatMap((event) => (event.type === type ? [event.text] : []));

describe('tool calls: call() and stream() agree, with or without `type`', () => {
  const toolCalls = [
    { type: 'tool-call', id: 'kT3pQ9xWm', name: 'get_weather', arguments: { city: 'Lyon' } },
    {
      type: 'tool-call',
      id: 'Zr7bN2vLc',
      name: 'get_time',
      arguments: { timezone: 'Europe/Paris' },
    },
  ];
  const expected: ChatResponse = {
    id: '5c1f9e0d7b3a4e28a6d4c0b9e8f7a123',
    provider: 'mistral',
    model: 'mistral-small-latest',
    message: { role: 'assistant', parts: toolCalls as ChatResponse['message']['parts'] },
    text: '',
    finishReason: 'tool-calls',
    usage: { promptTokens: 131, completionTokens: 44, totalTokens: 175 },
    totalUsage: { promptTokens: 131, completionTokens: 44, totalTokens: 175 },
  };

  it.each([
    ['without type (Mistral)', false],
    ['with type: "function"', true],
  ])('%s', async (_label, withType) => {
    const called = await viaCall('mistral-tool-calls', withType);
    const streamed = await viaStream('mistral-tool-calls', withType);
    expect(called.response).toEqual(expected);
    expect(streamed.response).toEqual(expected);
    expect(streamed.events.filter((event) => event.type === 'tool-call')).toEqual(
      toolCalls.map((toolCall) => ({ type: 'tool-call', toolCall })),
    );
    expect(called.sent).toEqual({
      model: 'mistral-small-latest',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(streamed.sent).toEqual({
      model: 'mistral-small-latest',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
  });
});

describe('content as typed parts (Mistral reasoning models)', () => {
  it.each([
    {
      label: 'English: thinking and text both streamed as part arrays',
      name: 'mistral-reasoning',
      reasoningDeltas: [
        'The user asks when water boils',
        ' at sea level. At 1 atm that is 100 °C.',
      ],
      textDeltas: ['Water boils at 100 °C', ' (212 °F) at sea level.'],
      usage: { promptTokens: 12, completionTokens: 49, totalTokens: 61 },
    },
    {
      label: 'Chinese: thinking parts, then plain string deltas once thinking ends',
      name: 'mistral-reasoning-zh',
      reasoningDeltas: ['用户问的是北京', '明天的天气。我没有实时数据，', '应当如实说明。'],
      textDeltas: ['抱歉，我无法获取', '实时天气。建议查看中国气象局的预报。'],
      usage: { promptTokens: 15, completionTokens: 73, totalTokens: 88 },
    },
  ])('$label', async ({ name, reasoningDeltas, textDeltas, usage }) => {
    const answer = textDeltas.join('');
    const called = await viaCall(name);
    expect(called.response.text).toBe(answer);
    expect(called.response.message.parts).toEqual([
      { type: 'reasoning', text: reasoningDeltas.join('') },
      { type: 'text', text: answer },
    ]);
    expect(called.response.finishReason).toBe('stop');
    expect(called.response.usage).toEqual(usage);

    const streamed = await viaStream(name);
    expect(streamed.events.map((event) => event.type)).toEqual([
      ...reasoningDeltas.map(() => 'reasoning-delta'),
      ...textDeltas.map(() => 'text-delta'),
      'usage',
      'finish',
    ]);
    expect(deltas(streamed.events, 'reasoning-delta')).toEqual(reasoningDeltas);
    expect(deltas(streamed.events, 'text-delta')).toEqual(textDeltas);
    expect(streamed.response).toEqual(called.response);
    expect(streamed.response.model).toBe('magistral-medium-2509');
  });

  it('reads text from every part that has some and skips parts without text', async () => {
    const { fetch } = createReplayFetch({
      json: {
        id: 'r',
        object: 'chat.completion',
        created: 1,
        model: 'mistral-medium-latest',
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: {
              role: 'assistant',
              content: [
                {
                  type: 'thinking',
                  thinking: [{ type: 'text', text: '先查资料。' }],
                  closed: true,
                },
                { type: 'text', text: '巴黎是' },
                { type: 'reference', reference_ids: [1] },
                { type: 'text', text: '法国的首都。' },
              ],
            },
          },
        ],
      },
    });
    const response = await chat(fetch).call({ messages: [userMessage('法国的首都？')] });
    expect(response.message.parts).toEqual([
      { type: 'reasoning', text: '先查资料。' },
      { type: 'text', text: '巴黎是法国的首都。' },
    ]);
    expect(response.text).toBe('巴黎是法国的首都。');
  });
});
