import { textOf } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { StructuredOutputError } from '@repo/prompting';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createChatClient } from './create-chat-client.js';
import { weatherTool } from './__fixtures__/test-tools.js';

const Weather = z.object({ city: z.string(), temperature: z.number() });

describe('entity', () => {
  it('runs the tool loop first, then parses the final answer (tools + schema, P8)', async () => {
    const model = new MockChatModel({
      replies: [
        {
          toolCalls: [{ id: 'c1', name: 'getCurrentWeather', arguments: { city: 'Paris' } }],
          usage: { promptTokens: 10, completionTokens: 2 },
        },
        {
          text: 'Here: {"city":"Paris","temperature":21}',
          usage: { promptTokens: 20, completionTokens: 8 },
        },
      ],
    });
    const client = createChatClient(model, { tools: [weatherTool()] });
    const result = await client
      .prompt('Weather in Paris as JSON')
      .entityWithResponse(Weather, { name: 'weather' });

    expect(result.value).toEqual({ city: 'Paris', temperature: 21 });
    expect(result.attempts).toBe(1);
    expect(result.usage).toEqual({ promptTokens: 30, completionTokens: 10, totalTokens: 40 });
    // No native schema support on the mock: the schema travels as instructions, tools still offered.
    const first = model.requests[0];
    expect(first?.tools?.map((t) => t.name)).toEqual(['getCurrentWeather']);
    expect(first?.messages.map(textOf).join('\n')).toContain('"temperature"');
    expect(model.requests[1]?.messages.map((m) => m.role)).toContain('tool');
  });

  it('re-asks once after an invalid answer and carries the raw text when it gives up', async () => {
    const model = new MockChatModel({
      replies: ['not json', '{"city":"Oslo","temperature":-3}', 'nope', 'still nope'],
    });
    const client = createChatClient(model);
    expect(await client.prompt('Oslo weather').entity(Weather, { maxReasks: 1 })).toEqual({
      city: 'Oslo',
      temperature: -3,
    });
    expect(model.requests).toHaveLength(2);
    const error: unknown = await client
      .prompt('Oslo weather')
      .entity(Weather, { maxReasks: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StructuredOutputError);
    expect((error as StructuredOutputError).rawText).toBe('still nope');
  });

  it('uses native JSON schema mode when the model supports it', async () => {
    const model = new MockChatModel({
      capabilities: { structuredOutput: 'json-schema' },
      replies: ['{"city":"Rome","temperature":25}'],
    });
    const value = await createChatClient(model).prompt('Rome').entity(Weather, { name: 'weather' });
    expect(value).toEqual({ city: 'Rome', temperature: 25 });
    expect(model.requests[0]?.options?.responseFormat).toMatchObject({
      type: 'json-schema',
      name: 'weather',
    });
  });
});
