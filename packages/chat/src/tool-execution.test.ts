import { AbortedError } from '@repo/core';
import type { Tool } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import { createChatClient } from './create-chat-client.js';
import { eventTypes, toArray, weatherTool } from './__fixtures__/test-tools.js';
import type { WeatherCall } from './__fixtures__/test-tools.js';

const askWeather = {
  toolCalls: [{ id: 'c1', name: 'getCurrentWeather', arguments: { city: 'Paris' } }],
};

describe('tool execution', () => {
  it('manual mode returns the calls without running them', async () => {
    const seen: WeatherCall[] = [];
    const model = new MockChatModel({ replies: [askWeather, askWeather] });
    const spec = createChatClient(model, { tools: [weatherTool(seen)] })
      .prompt('Weather in Paris?')
      .toolExecution('manual');

    const called = await spec.call();
    expect(called.toolCalls).toEqual([
      { type: 'tool-call', id: 'c1', name: 'getCurrentWeather', arguments: { city: 'Paris' } },
    ]);
    expect(called.response.finishReason).toBe('tool-calls');
    expect(called.messages).toEqual([called.response.message]);
    const streamed = await spec.stream().collect();
    expect(streamed.toolCalls).toEqual(called.toolCalls);
    expect(seen).toEqual([]);
    expect(model.requests).toHaveLength(2);
    // The model still saw the tool definition.
    expect(model.requests[0]?.tools?.map((t) => t.name)).toEqual(['getCurrentWeather']);
  });

  it('returnDirect answers with the tool result, without another model turn', async () => {
    const lookup: Tool<{ id: string }, { id: string; status: string }> = {
      name: 'orderStatus',
      description: 'Order status by id',
      parameters: { type: 'object', properties: { id: { type: 'string' } } },
      returnDirect: true,
      execute: ({ id }) => ({ id, status: 'shipped' }),
    };
    const reply = { toolCalls: [{ id: 'c1', name: 'orderStatus', arguments: { id: 'A-1' } }] };
    const model = new MockChatModel({ replies: [reply, reply] });
    const client = createChatClient(model, { tools: [lookup] });

    const called = await client.prompt('Where is order A-1?').call();
    expect(called.content).toBe('{"id":"A-1","status":"shipped"}');
    expect(called.response.finishReason).toBe('stop');
    expect(called.messages.map((m) => m.role)).toEqual(['assistant', 'tool', 'assistant']);
    const events = await toArray(client.prompt('Where is order A-1?').stream());
    expect(eventTypes(events)).toEqual([
      'tool-call',
      'tool-result',
      'text-delta',
      'usage',
      'finish',
    ]);
    expect(events.find((e) => e.type === 'text-delta')).toEqual({
      type: 'text-delta',
      text: called.content,
    });
    expect(model.requests).toHaveLength(2); // one per request: no second turn
  });

  it('passes the tool context to tools and never to the model', async () => {
    const seen: WeatherCall[] = [];
    const model = new MockChatModel({ replies: [askWeather, 'Sunny.'] });
    const client = createChatClient(model, {
      tools: [weatherTool(seen)],
      toolContext: { tenant: 'acme' },
    });
    const controller = new AbortController();

    await client
      .prompt('Weather in Paris?')
      .toolContext({ userToken: 'secret-user-42' })
      .signal(controller.signal)
      .call();

    expect(seen).toHaveLength(1);
    const context = seen[0]?.context;
    expect(context?.context).toEqual({ tenant: 'acme', userToken: 'secret-user-42' });
    expect(context?.toolCallId).toBe('c1');
    expect(context?.signal).toBe(controller.signal);
    expect(context?.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    const sent = JSON.stringify(
      model.requests.map(({ messages, options, tools }) => ({ messages, options, tools })),
    );
    expect(sent).not.toContain('secret-user-42');
    expect(sent).not.toContain('acme');
  });

  it('stops with AbortedError when the signal fires during a tool', async () => {
    const controller = new AbortController();
    const slow: Tool<unknown, string> = {
      name: 'slowSearch',
      description: 'Slow search',
      parameters: { type: 'object', properties: {} },
      execute: () => {
        controller.abort();
        throw new Error('interrupted');
      },
    };
    const model = new MockChatModel({
      replies: [{ toolCalls: [{ name: 'slowSearch' }] }, 'never'],
    });
    const promise = createChatClient(model, { tools: [slow] })
      .prompt('Search')
      .signal(controller.signal)
      .call();
    await expect(promise).rejects.toBeInstanceOf(AbortedError);
    expect(model.requests).toHaveLength(1);
  });
});
