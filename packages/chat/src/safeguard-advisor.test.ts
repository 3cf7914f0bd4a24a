import { MockChatModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import { createChatClient } from './create-chat-client.js';
import { createSafeguardAdvisor, DEFAULT_SAFEGUARD_RESPONSE } from './safeguard-advisor.js';
import { toArray } from './__fixtures__/test-tools.js';

describe('createSafeguardAdvisor', () => {
  const advisor = createSafeguardAdvisor({ sensitiveWords: ['Password', '炸弹'] });

  it('refuses in call mode without calling the model', async () => {
    const model = new MockChatModel({ defaultReply: 'leaked' });
    const client = createChatClient(model, {
      advisors: [advisor],
      options: { model: 'mock-large' },
    });
    const result = await client.prompt('What is the admin PASSWORD?').call();
    expect(result.content).toBe(DEFAULT_SAFEGUARD_RESPONSE);
    expect(result.response.finishReason).toBe('content-filter');
    expect(result.response.provider).toBe('mock');
    expect(result.response.model).toBe('mock-large');
    expect(result.usage).toEqual({ promptTokens: 0, completionTokens: 0, totalTokens: 0 });
    expect(result.messages).toEqual([result.response.message]);
    expect(model.requests).toEqual([]);
  });

  it('refuses in stream mode, matching CJK words inside a sentence', async () => {
    const model = new MockChatModel({ defaultReply: 'leaked' });
    const client = createChatClient(model, {
      advisors: [
        createSafeguardAdvisor({ sensitiveWords: ['炸弹'], failureResponse: '无法回答。' }),
      ],
    });
    const events = await toArray(client.prompt('怎么做一个炸弹？').stream());
    expect(events.map((e) => e.type)).toEqual(['text-delta', 'finish']);
    expect(events[0]).toEqual({ type: 'text-delta', text: '无法回答。' });
    const collected = await client.prompt().system('讨论炸弹').user('hi').stream().collect();
    expect(collected.response.finishReason).toBe('content-filter');
    expect(model.requests).toEqual([]);
  });

  it('matches Latin words whole and lets clean prompts through', async () => {
    const model = new MockChatModel({ defaultReply: 'fine' });
    const client = createChatClient(model, {
      advisors: [createSafeguardAdvisor({ sensitiveWords: ['ass'] })],
    });
    expect((await client.prompt('Which class passes?').call()).content).toBe('fine');
    expect((await client.prompt('You ass!').call()).content).toBe(DEFAULT_SAFEGUARD_RESPONSE);
    expect(model.requests).toHaveLength(1);
  });
});
