// Core → wire mapping (messages, tools, response formats, extraBody) and wire → core for a
// non-streaming answer, captured from the fetch the SDK calls.
import { assistantMessage, MissingApiKeyError, toolMessage, userMessage } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { completion, sent } from './__fixtures__/sent-request.js';
import { createProvider } from './create-provider.js';
import { createReplayFetch } from './testing/index.js';

describe('request mapping', () => {
  it('maps tools, tool choice, json schema, images and merges extraBody last', async () => {
    const { body } = await sent('openai', {
      messages: [
        { role: 'system', parts: [{ type: 'text', text: 'Be brief.' }] },
        userMessage([
          { type: 'text', text: 'What is this?' },
          { type: 'image', url: 'https://example.com/cat.png', detail: 'low' },
        ]),
      ],
      tools: [
        {
          name: 'get_weather',
          description: 'Weather',
          parameters: { type: 'object', properties: {} },
        },
      ],
      options: {
        toolChoice: { name: 'get_weather' },
        parallelToolCalls: false,
        responseFormat: {
          type: 'json-schema',
          name: 'answer',
          schema: { type: 'object' },
          strict: true,
        },
        extraBody: { seed: 1, model: 'gpt-4.1-mini', custom: { a: 1 } },
      },
    });
    expect(body).toEqual({
      model: 'gpt-4.1-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } },
          ],
        },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'answer', schema: { type: 'object' }, strict: true },
      },
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Weather',
            parameters: { type: 'object', properties: {} },
          },
        },
      ],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
      seed: 1,
      custom: { a: 1 },
    });
  });

  it('sends string tool results as they are and raw (unparsed) arguments unchanged', async () => {
    const { body } = await sent('openai', {
      messages: [
        assistantMessage([{ type: 'tool-call', id: 'c1', name: 'f', arguments: '{"broken"' }]),
        toolMessage([
          { type: 'tool-result', toolCallId: 'c1', name: 'f', result: 'plain text', isError: true },
        ]),
      ],
    });
    expect(body.messages).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'c1', type: 'function', function: { name: 'f', arguments: '{"broken"' } },
        ],
      },
      { role: 'tool', tool_call_id: 'c1', content: 'plain text' },
    ]);
  });

  it('maps a non-streaming answer with reasoning, tool calls and usage details', async () => {
    const { fetch } = createReplayFetch({
      json: {
        id: 'r1',
        object: 'chat.completion',
        created: 1,
        model: 'deepseek-v4-flash',
        choices: [
          {
            index: 0,
            finish_reason: 'tool_calls',
            message: {
              role: 'assistant',
              content: '',
              reasoning_content: 'Need weather.',
              tool_calls: [
                {
                  id: 't1',
                  type: 'function',
                  function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
                },
              ],
            },
          },
        ],
        usage: {
          prompt_tokens: 10,
          completion_tokens: 5,
          total_tokens: 15,
          prompt_tokens_details: { cached_tokens: 4 },
          completion_tokens_details: { reasoning_tokens: 3 },
        },
      },
    });
    const response = await createProvider('deepseek', { apiKey: 'k', fetch })
      .chat()
      .call({ messages: [userMessage('x')] });
    expect(response).toEqual({
      id: 'r1',
      provider: 'deepseek',
      model: 'deepseek-v4-flash',
      text: '',
      finishReason: 'tool-calls',
      message: {
        role: 'assistant',
        parts: [
          { type: 'reasoning', text: 'Need weather.' },
          { type: 'tool-call', id: 't1', name: 'get_weather', arguments: { city: 'Paris' } },
        ],
      },
      usage: {
        promptTokens: 10,
        completionTokens: 5,
        totalTokens: 15,
        reasoningTokens: 3,
        cachedTokens: 4,
      },
      totalUsage: {
        promptTokens: 10,
        completionTokens: 5,
        totalTokens: 15,
        reasoningTokens: 3,
        cachedTokens: 4,
      },
    });
  });

  it('reads the key at request time and names the variable when it is missing', async () => {
    const { fetch, requests } = createReplayFetch({ json: completion });
    const env: Record<string, string> = {};
    const model = createProvider('deepseek', { fetch, env }).chat();
    const error = await model.call({ messages: [userMessage('hi')] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingApiKeyError);
    expect((error as MissingApiKeyError).environmentVariableName).toBe('DEEPSEEK_API_KEY');
    expect((error as Error).message).toContain('DEEPSEEK_API_KEY');
    expect(requests).toHaveLength(0);
    env.DEEPSEEK_API_KEY = 'sk-late-key';
    await model.call({ messages: [userMessage('hi')] });
    expect(requests[0]?.headers.authorization).toBe('Bearer sk-late-key');
  });
});
