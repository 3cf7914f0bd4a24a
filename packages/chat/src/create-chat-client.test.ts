import { assistantMessage, InvalidInputError, systemMessage, userMessage } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { TemplateError } from '@repo/prompting';
import { describe, expect, it } from 'vitest';
import { StreamConsumedError } from './chat-errors.js';
import { createChatClient } from './create-chat-client.js';
import { clockTool, toArray, weatherTool } from './__fixtures__/test-tools.js';

describe('createChatClient', () => {
  it('keeps specs immutable: a shared base spec never leaks between requests', async () => {
    const model = new MockChatModel({ defaultReply: 'ok' });
    const base = createChatClient(model).prompt().system('Be brief.');
    const first = base.user('one').options({ temperature: 0.1 }).tools(clockTool);
    const second = base.user('two');
    await first.call();
    await second.call();
    await base.user('three').call();

    expect(model.requests.map((r) => r.messages)).toEqual([
      [systemMessage('Be brief.'), userMessage('one')],
      [systemMessage('Be brief.'), userMessage('two')],
      [systemMessage('Be brief.'), userMessage('three')],
    ]);
    expect(model.requests[0]?.options).toEqual({ temperature: 0.1 });
    expect(model.requests[0]?.tools?.map((t) => t.name)).toEqual(['currentTime']);
    expect(model.requests[1]?.options).toBeUndefined();
    expect(model.requests[1]?.tools).toBeUndefined();
  });

  it('merges defaults under per-request values', async () => {
    const model = new MockChatModel({ defaultReply: 'ok' });
    const client = createChatClient(model, {
      system: 'You are {role}.',
      systemParams: { role: 'a tour guide' },
      options: { temperature: 0.7, maxTokens: 100, extraBody: { a: 1 } },
      tools: [weatherTool()],
    });
    await client.prompt('Hi').call();
    await client
      .prompt()
      .system('You answer in {language}.', { language: '中文' })
      .messages([userMessage('Earlier'), assistantMessage('Reply')])
      .user('Tell me about {city}', { city: '北京' })
      .options({ temperature: 0, extraBody: { b: 2 } })
      .tools(clockTool)
      .call();

    expect(model.requests[0]?.messages).toEqual([
      systemMessage('You are a tour guide.'),
      userMessage('Hi'),
    ]);
    expect(model.requests[0]?.options).toEqual({
      temperature: 0.7,
      maxTokens: 100,
      extraBody: { a: 1 },
    });
    expect(model.requests[1]?.messages).toEqual([
      systemMessage('You answer in 中文.'),
      userMessage('Earlier'),
      assistantMessage('Reply'),
      userMessage('Tell me about 北京'),
    ]);
    expect(model.requests[1]?.options).toEqual({
      temperature: 0,
      maxTokens: 100,
      extraBody: { a: 1, b: 2 },
    });
    expect(model.requests[1]?.tools?.map((t) => t.name)).toEqual([
      'getCurrentWeather',
      'currentTime',
    ]);
  });

  it('leaves braces alone without params and names missing variables with them', async () => {
    const model = new MockChatModel({ defaultReply: 'ok' });
    const client = createChatClient(model);
    await client.prompt('Reply as {"ok": true}').call();
    expect(model.requests[0]?.messages).toEqual([userMessage('Reply as {"ok": true}')]);
    await expect(client.prompt().user('Hello {name}', {}).call()).rejects.toBeInstanceOf(
      TemplateError,
    );
    await expect(client.prompt().call()).rejects.toBeInstanceOf(InvalidInputError);
    expect(model.requests).toHaveLength(1);
  });

  it('returns content, reasoning, usage and the context', async () => {
    const model = new MockChatModel({
      replies: [
        {
          text: 'Paris.',
          reasoning: 'Capital of France.',
          usage: { promptTokens: 5, completionTokens: 1 },
        },
      ],
    });
    const result = await createChatClient(model)
      .prompt('Capital of France?')
      .advisorContext({ conversationId: 'c-1' })
      .call();
    expect(result.content).toBe('Paris.');
    expect(result.reasoning).toBe('Capital of France.');
    expect(result.usage).toEqual({ promptTokens: 5, completionTokens: 1, totalTokens: 6 });
    expect(result.response.totalUsage).toEqual(result.usage);
    expect(result.toolCalls).toEqual([]);
    expect(result.context.get('conversationId')).toBe('c-1');
    expect(result.context.get('chat.provider')).toBe('mock');
  });

  it('streams text and refuses a second consumption', async () => {
    const model = new MockChatModel({ replies: ['Hello there friend', '你好，世界'] });
    const client = createChatClient(model);
    const stream = client.prompt('Hi').stream();
    expect((await toArray(stream.textStream())).join('')).toBe('Hello there friend');
    await expect(stream.collect()).rejects.toBeInstanceOf(StreamConsumedError);
    const collected = await client.prompt('用中文打招呼').stream().collect();
    expect(collected.content).toBe('你好，世界');
    expect(collected.messages).toEqual([assistantMessage('你好，世界')]);
    expect(model.requests).toHaveLength(2);
  });
});
