// returnDirect, tool context and user-controlled execution, each through call() and stream() on
// local-llm over HTTP, checking what the model was sent as well as what came back.
import { createChatClient } from '@repo/chat';
import type { ChatClientResponse, PromptSpec } from '@repo/chat';
import { declineToolCall, runToolCalls, toolMessage, userMessage } from '@repo/core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCalculatorTool } from './calculator-tool.js';
import { createDateTimeTool } from './date-time-tool.js';
import { defineTool } from './define-tool.js';
import { createWeatherTool } from './weather-tool.js';
import { createLocalModel, normaliseIds } from './__fixtures__/local-model.js';

const { llm, model, bodies } = createLocalModel();
const MODES = ['call', 'stream'] as const;
const run = (mode: (typeof MODES)[number], spec: PromptSpec): Promise<ChatClientResponse> =>
  mode === 'call' ? spec.call() : spec.stream().collect();
const sentText = () => JSON.stringify(bodies());

beforeAll(async () => {
  await model.call({ messages: [{ role: 'user', parts: [{ type: 'text', text: 'warm up' }] }] });
}, 30_000);
beforeEach(() => llm.reset());

const orderStatus = defineTool({
  name: 'getOrderStatus',
  description: 'Get the shipping status of an order',
  parameters: z.object({ orderId: z.string().regex(/^[A-Z]-\d+$/) }),
  returnDirect: true,
  execute: ({ orderId }) => `Order ${orderId} has shipped.`,
});

const ORDERS: Record<string, string[]> = { 'u-secret-42': ['A-1001 (books)', 'A-1002 (tea)'] };
const myOrders = defineTool({
  name: 'listMyOrders',
  description: 'List my recent orders',
  execute: (_args, { context }) => ORDERS[String(context.userId)] ?? [],
});
const clock = createDateTimeTool({ now: () => new Date('2025-06-01T12:00:00Z') });

describe.each(MODES)('%s()', (mode) => {
  it('returnDirect: the tool result is the answer, with no second model turn', async () => {
    llm.script([{ toolCalls: [{ name: 'getOrderStatus', arguments: { orderId: 'A-1001' } }] }]);
    const client = createChatClient(model, { tools: [orderStatus] });
    const result = await run(mode, client.prompt('Where is my order A-1001?'));

    expect(result.content).toBe('Order A-1001 has shipped.');
    expect(result.response.finishReason).toBe('stop');
    expect(result.messages.map((m) => m.role)).toEqual(['assistant', 'tool', 'assistant']);
    expect(bodies()).toHaveLength(1);
  });

  it('tool context: tools see per-request values, the model never receives them', async () => {
    const client = createChatClient(model, { tools: [myOrders, clock] });
    const result = await run(
      mode,
      client
        .prompt('List my orders and tell me what time it is.')
        .toolContext({ userId: 'u-secret-42', timeZone: 'Asia/Shanghai' }),
    );

    const results = result.messages.flatMap((m) => (m.role === 'tool' ? m.parts : []));
    expect(results.map((r) => [r.name, r.result])).toEqual([
      ['listMyOrders', ['A-1001 (books)', 'A-1002 (tea)']],
      ['getCurrentDateTime', expect.objectContaining({ iso: '2025-06-01T20:00:00+08:00' })],
    ]);
    expect(bodies()).toHaveLength(2);
    expect(sentText()).not.toContain('u-secret-42');
    expect(sentText()).not.toContain('userId');
    // The user's zone reached the model only as the tool's own output, in the second request.
    expect(JSON.stringify(bodies()[0]?.messages)).not.toContain('Asia/Shanghai');
  });

  it('user-controlled execution: the caller runs the calls, declines one and continues with memory', async () => {
    const tools = [createWeatherTool(), createCalculatorTool()];
    const client = createChatClient(model, { tools });
    const question = userMessage('My name is Li Lei. What is the weather in Paris and London?');

    // 1. The model asks for tools; nothing runs.
    const first = await run(mode, client.prompt().messages([question]).toolExecution('manual'));
    expect(first.toolCalls.map((c) => c.arguments)).toEqual([
      { city: 'Paris' },
      { city: 'London' },
    ]);
    expect(first.messages).toEqual([first.response.message]);
    expect(bodies()).toHaveLength(1);

    // 2. The caller decides: runs Paris, refuses London.
    const [paris, london] = first.toolCalls;
    if (!paris || !london) throw new Error('expected two tool calls');
    const results = [
      ...(await runToolCalls([paris], tools)),
      declineToolCall(london, 'London is not on your trip.'),
    ];
    const memory = [question, ...first.messages, toolMessage(results)];

    // 3. The conversation continues from the caller's history.
    const second = await run(mode, client.prompt().messages(memory).toolExecution('manual'));
    expect(second.toolCalls).toEqual([]);
    expect(second.content).toBe(
      'Based on the tool results: getCurrentWeather → {"city":"Paris","temperature":21,"unit":"C",' +
        '"condition":"Sunny","humidity":50,"windKph":10}; getCurrentWeather → London is not on your trip..',
    );
    const continued = bodies()[1]?.messages as Array<{ role: string; content: unknown }>;
    expect(continued.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'tool']);
    expect(continued[3]?.content).toBe('London is not on your trip.');

    // 4. Memory: a later question sees the whole exchange (the seed's UserControlledMemory).
    const history = [...memory, ...second.messages, userMessage('What is my name?')];
    const third = await run(mode, client.prompt().messages(history));
    expect(third.content).toBe('Your name is Li Lei.');
    expect(normaliseIds(first.messages)).toEqual(
      normaliseIds([
        {
          role: 'assistant',
          parts: [
            { type: 'tool-call', id: 'a', name: 'getCurrentWeather', arguments: { city: 'Paris' } },
            {
              type: 'tool-call',
              id: 'b',
              name: 'getCurrentWeather',
              arguments: { city: 'London' },
            },
          ],
        },
      ]),
    );
  });

  it('manual results match what the automatic loop would have produced', async () => {
    const tools = [createWeatherTool()];
    const client = createChatClient(model, { tools });
    const auto = await run(mode, client.prompt('What is the weather in Atlantis?'));
    const [autoCall] = auto.messages.flatMap((m) => (m.role === 'assistant' ? m.parts : []));
    const autoResults = auto.messages.find((m) => m.role === 'tool')?.parts;
    if (autoCall?.type !== 'tool-call') throw new Error('expected a tool call');
    expect(await runToolCalls([autoCall], tools)).toEqual(autoResults);
  });
});
