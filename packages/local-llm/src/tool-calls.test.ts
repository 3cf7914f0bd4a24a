import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from './__fixtures__/validate-schema.js';
import { createSdkClient } from './__fixtures__/sdk-client.js';

type Tool = OpenAI.Chat.Completions.ChatCompletionTool;
type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;

const { client } = createSdkClient();

const weatherParameters = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    days: { type: 'integer', minimum: 1, maximum: 7 },
    details: {
      type: 'object',
      properties: {
        hourly: { type: 'boolean' },
        fields: { type: 'array', items: { type: 'string' } },
      },
      required: ['hourly', 'fields'],
    },
  },
  required: ['city', 'unit', 'details'],
  additionalProperties: false,
};
const weather: Tool = {
  type: 'function',
  function: {
    name: 'getCurrentWeather',
    description: 'Get the weather forecast for a city',
    parameters: weatherParameters,
  },
};
const clock: Tool = {
  type: 'function',
  function: {
    name: 'get_current_time',
    description: 'Returns the time',
    parameters: { type: 'object', properties: {} },
  },
};
const noParams: Tool = {
  type: 'function',
  function: { name: 'listHolidays', description: 'List public holidays' },
};

const ask = (
  content: string,
  tools: Tool[],
  extra: Partial<OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming> = {},
) =>
  client.chat.completions.create({
    model: 'local',
    messages: [{ role: 'user', content }],
    tools,
    ...extra,
  });

const callsOf = (completion: OpenAI.Chat.Completions.ChatCompletion) =>
  (completion.choices[0]?.message.tool_calls ?? []).map((call) => {
    if (call.type !== 'function') throw new Error('expected a function call');
    return {
      name: call.function.name,
      args: JSON.parse(call.function.arguments) as Record<string, unknown>,
    };
  });

describe('tool calls', () => {
  it('calls a tool without parameters with {}', async () => {
    const completion = await ask('What time is it?', [weather, clock, noParams]);
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    expect(completion.choices[0]?.message.content).toBeNull();
    expect(callsOf(completion)).toEqual([{ name: 'get_current_time', args: {} }]);
    expect(
      (await ask('any holidays?', [noParams])).choices[0]?.message.tool_calls?.[0],
    ).toMatchObject({
      type: 'function',
      function: { name: 'listHolidays', arguments: '{}' },
    });
  });

  it('fills several arguments that validate against the schema', async () => {
    const completion = await ask('Weather in Paris for 3 days in fahrenheit, please', [
      weather,
      clock,
    ]);
    const [call, ...rest] = callsOf(completion);
    expect(rest).toEqual([]);
    expect(call?.name).toBe('getCurrentWeather');
    expect(schemaErrors(call?.args, weatherParameters)).toEqual([]);
    expect(call?.args).toEqual({
      city: 'Paris',
      unit: 'fahrenheit',
      days: 3,
      details: { hourly: false, fields: ['Weather in Paris for 3 days in fahrenheit'] },
    });
  });

  it('makes two parallel calls for "Paris and London"', async () => {
    const completion = await ask("What's the weather in Paris and London today?", [weather, clock]);
    const calls = callsOf(completion);
    expect(calls.map((c) => [c.name, c.args.city])).toEqual([
      ['getCurrentWeather', 'Paris'],
      ['getCurrentWeather', 'London'],
    ]);
    const ids = completion.choices[0]?.message.tool_calls?.map((c) => c.id) ?? [];
    expect(new Set(ids).size).toBe(2);
    for (const call of calls) expect(schemaErrors(call.args, weatherParameters)).toEqual([]);
  });

  it('matches Chinese requests through the synonym map', async () => {
    const calls = callsOf(await ask('北京和上海的天气怎么样？', [weather, clock]));
    expect(calls.map((c) => c.args.city)).toEqual(['北京', '上海']);
    expect(callsOf(await ask('现在几点？', [weather, clock])).map((c) => c.name)).toEqual([
      'get_current_time',
    ]);
  });

  it('calls each matching tool', async () => {
    const calls = callsOf(
      await ask('What is the weather and the time in Tokyo?', [weather, clock]),
    );
    expect(calls.map((c) => c.name)).toEqual(['getCurrentWeather', 'get_current_time']);
  });

  it('honours tool_choice none, required and a named function', async () => {
    const none = await ask('Weather in Paris?', [weather], { tool_choice: 'none' });
    expect(none.choices[0]?.message.tool_calls).toBeUndefined();
    const required = await ask('hello', [weather, clock], { tool_choice: 'required' });
    expect(callsOf(required).map((c) => c.name)).toEqual(['getCurrentWeather', 'get_current_time']);
    const named = await ask('Weather in Paris?', [weather, clock], {
      tool_choice: { type: 'function', function: { name: 'get_current_time' } },
    });
    expect(callsOf(named).map((c) => c.name)).toEqual(['get_current_time']);
  });

  it('answers in text when no tool matches', async () => {
    const completion = await ask('Tell me a joke', [weather, clock]);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.choices[0]?.message.content).toContain('You said: "Tell me a joke"');
  });

  it('streams the same tool calls, arguments split across several deltas', async () => {
    const question = "What's the weather in Paris and London today?";
    const plain = await ask(question, [weather]);
    const stream = await client.chat.completions.create({
      model: 'local',
      messages: [{ role: 'user', content: question }],
      tools: [weather],
      stream: true,
    });
    const assembled: { id: string; name: string; arguments: string }[] = [];
    const argumentDeltas: number[] = [];
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      finish = choice?.finish_reason ?? finish;
      for (const delta of choice?.delta.tool_calls ?? []) {
        if (delta.id) {
          expect(delta.function).toEqual({ name: expect.any(String), arguments: '' });
          assembled[delta.index] = {
            id: delta.id,
            name: delta.function?.name ?? '',
            arguments: '',
          };
          continue;
        }
        expect(Object.keys(delta).sort()).toEqual(['function', 'index']);
        const target = assembled[delta.index];
        if (!target) throw new Error('argument delta before the call opened');
        target.arguments += delta.function?.arguments ?? '';
        argumentDeltas[delta.index] = (argumentDeltas[delta.index] ?? 0) + 1;
      }
    }
    expect(finish).toBe('tool_calls');
    expect(argumentDeltas.every((n) => n >= 2)).toBe(true);
    const strip = (calls: { name: string; arguments: string }[]) =>
      calls.map((c) => [c.name, c.arguments]);
    const plainCalls = (plain.choices[0]?.message.tool_calls ?? []).map((c) =>
      c.type === 'function'
        ? { name: c.function.name, arguments: c.function.arguments }
        : { name: '', arguments: '' },
    );
    expect(strip(assembled)).toEqual(strip(plainCalls));
    expect(assembled).toHaveLength(2);
  });

  it('answers from tool results, quoting each one', async () => {
    const messages: Message[] = [
      { role: 'user', content: "What's the weather in Paris and London?" },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'getCurrentWeather', arguments: '{"city":"Paris"}' },
          },
          {
            id: 'call_2',
            type: 'function',
            function: { name: 'getCurrentWeather', arguments: '{"city":"London"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"city":"Paris","temperature":21}' },
      { role: 'tool', tool_call_id: 'call_2', content: '{"city":"London","temperature":15}' },
    ];
    const completion = await client.chat.completions.create({
      model: 'local',
      messages,
      tools: [weather],
    });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.choices[0]?.message.content).toBe(
      'Based on the tool results: getCurrentWeather → {"city":"Paris","temperature":21}; ' +
        'getCurrentWeather → {"city":"London","temperature":15}.',
    );
  });

  it('answers from tool results in Chinese and truncates long results', async () => {
    const messages: Message[] = [
      { role: 'user', content: '北京天气怎么样？' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'c1', type: 'function', function: { name: 'weather', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'c1', content: 'x'.repeat(600) },
    ];
    const completion = await client.chat.completions.create({ model: 'local', messages });
    expect(completion.choices[0]?.message.content).toBe(
      `根据工具结果：weather → ${'x'.repeat(500)}…。`,
    );
  });
});

describe('Chinese input methods', () => {
  const calculator: Tool = {
    type: 'function',
    function: {
      name: 'calculate',
      description: 'Evaluate an arithmetic expression',
      parameters: {
        type: 'object',
        properties: { expression: { type: 'string' } },
        required: ['expression'],
      },
    },
  };
  const today: Tool = {
    type: 'function',
    function: { name: 'getCurrentDate', description: 'The current date', parameters: {} },
  };

  it('reads full-width digits and brackets as an expression', async () => {
    const completion = await ask('帮我计算 （１２＋３）×２', [calculator]);
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({
      expression: '(12+3)*2',
    });
  });

  it('asks for the date for 今天是几号 and 星期几', async () => {
    for (const question of ['今天是几号？', '今天星期几？']) {
      const completion = await ask(question, [today]);
      const names = completion.choices[0]?.message.tool_calls?.map((c) =>
        c.type === 'function' ? c.function.name : c.type,
      );
      expect(names).toEqual(['getCurrentDate']);
    }
  });
});
