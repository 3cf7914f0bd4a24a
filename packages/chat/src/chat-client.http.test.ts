// The client over real HTTP: providers' OpenAI-compatible model → openai SDK → local-llm in-process.
import type { Message } from '@repo/core';
import { createLocalLlm } from '@repo/local-llm';
import { createOpenAICompatibleChatModel } from '@repo/providers';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createChatClient } from './create-chat-client.js';
import { eventTypes, toArray, weatherTool } from './__fixtures__/test-tools.js';
import type { WeatherCall } from './__fixtures__/test-tools.js';

const llm = createLocalLlm();
const model = createOpenAICompatibleChatModel({
  provider: 'local',
  model: 'local',
  baseURL: llm.baseURL,
  fetch: llm.fetch,
  requireApiKey: false,
});
const bodies = () => llm.requests().map((request) => request.body as Record<string, unknown>);
const PARIS_ANSWER =
  'Based on the tool results: getCurrentWeather → {"city":"Paris","temperature":21,"unit":"C"}.';

/** local-llm's tool-call ids are random; number them in order so two runs compare. */
function normaliseIds(messages: Message[]): unknown {
  const ids = new Map<string, string>();
  const id = (raw: string) => ids.get(raw) ?? (ids.set(raw, `id${ids.size + 1}`), `id${ids.size}`);
  return JSON.parse(JSON.stringify(messages), (key, value: unknown) =>
    (key === 'id' || key === 'toolCallId') && typeof value === 'string' ? id(value) : value,
  );
}

// The first request loads local-llm's tokenizer (a few seconds); keep that out of the tests' timing.
beforeAll(async () => {
  await model.call({ messages: [{ role: 'user', parts: [{ type: 'text', text: 'warm up' }] }] });
}, 30_000);
beforeEach(() => llm.reset());

describe('chat client over HTTP (local-llm)', () => {
  it('runs the tool loop end to end and sends the tool turn back in OpenAI format', async () => {
    const seen: WeatherCall[] = [];
    const client = createChatClient(model, { tools: [weatherTool(seen)] });
    const result = await client.prompt('What is the weather in Paris?').call();

    expect(result.content).toBe(PARIS_ANSWER);
    expect(seen.map((s) => s.args)).toEqual([{ city: 'Paris' }]);
    expect(result.messages.map((m) => m.role)).toEqual(['assistant', 'tool', 'assistant']);
    expect(result.usage.totalTokens).toBe(
      result.usage.promptTokens + result.usage.completionTokens,
    );
    expect(result.usage.totalTokens).toBeGreaterThan(result.response.usage.totalTokens);

    const [first, second] = bodies();
    expect(bodies()).toHaveLength(2);
    expect(first?.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'getCurrentWeather',
          description: 'Get the current weather for a city',
          parameters: weatherTool().parameters,
        },
      },
    ]);
    const sentMessages = second?.messages as Array<Record<string, unknown>>;
    expect(sentMessages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
    expect(sentMessages[2]).toMatchObject({
      content: '{"city":"Paris","temperature":21,"unit":"C"}',
    });
    expect(sentMessages[2]?.tool_call_id).toBe(
      (sentMessages[1]?.tool_calls as Array<{ id: string }>)[0]?.id,
    );
  });

  it('streams the same loop with identical final messages', async () => {
    const client = createChatClient(model, { tools: [weatherTool()] });
    const called = await client.prompt('What is the weather in Paris?').call();
    const events = await toArray(client.prompt('What is the weather in Paris?').stream());
    expect(eventTypes(events)).toEqual([
      'tool-call',
      'tool-result',
      'text-delta',
      'usage',
      'finish',
    ]);
    const streamed = await client.prompt('What is the weather in Paris?').stream().collect();

    expect(normaliseIds(streamed.messages)).toEqual(normaliseIds(called.messages));
    expect(streamed.content).toBe(PARIS_ANSWER);
    // Streamed usage is requested and summed, so it matches the non-streamed count.
    expect(streamed.usage).toEqual(called.usage);
    expect(
      bodies()
        .slice(2)
        .every((body) => body.stream === true),
    ).toBe(true);
  });

  it('parses an entity through native JSON schema mode', async () => {
    const Weather = z.object({ city: z.string(), temperature: z.number() });
    const result = await createChatClient(model)
      .prompt('Report the weather in Paris at 21 degrees')
      .entityWithResponse(Weather, { name: 'weather' });
    expect(result.value).toEqual({ city: 'Paris', temperature: 21 });
    expect(result.attempts).toBe(1);
    expect(bodies()[0]?.response_format).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'weather',
        schema: {
          type: 'object',
          properties: { city: { type: 'string' }, temperature: { type: 'number' } },
          required: ['city', 'temperature'],
          additionalProperties: false,
        },
        strict: true,
      },
    });
  });

  it('ends a tool loop in a typed answer (tools and a schema in one call)', async () => {
    const Weather = z.object({ city: z.string(), temperature: z.number() });
    const client = createChatClient(model, { tools: [weatherTool()] });
    const result = await client.prompt('What is the weather in Paris?').entityWithResponse(Weather);
    expect(result.value).toEqual({ city: 'Paris', temperature: 21 });
    expect(bodies()).toHaveLength(2);
    expect(
      bodies().every(
        (body) => (body.response_format as { type?: string } | undefined)?.type === 'json_schema',
      ),
    ).toBe(true);
    expect((bodies()[1]?.messages as Array<{ role: string }>).map((m) => m.role)).toEqual([
      'user',
      'assistant',
      'tool',
    ]);
  });

  it('answers a Chinese prompt the same through call and stream, tools included', async () => {
    const plain = createChatClient(model);
    const called = await plain.prompt('你好，今天过得怎么样？').call();
    const streamed = await plain.prompt('你好，今天过得怎么样？').stream().collect();
    expect(called.content).toBe('[local-llm] 这是离线本地模型。你说的是：“你好，今天过得怎么样？”');
    expect(streamed.content).toBe(called.content);

    const withTools = createChatClient(model, { tools: [weatherTool()] });
    const text = (
      await toArray(withTools.prompt('北京今天的天气怎么样？').stream().textStream())
    ).join('');
    expect(text).toBe(
      '根据工具结果：getCurrentWeather → {"city":"北京","temperature":15,"unit":"C"}。',
    );
    expect((bodies()[0]?.messages as Array<{ content: string }>)[0]?.content).toBe(
      '你好，今天过得怎么样？',
    );
  });
});
