import { MockChatModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import { createChatClient } from './create-chat-client.js';
import { createTokenUsageAdvisor } from './token-usage-advisor.js';
import type { TokenUsageEvent } from './token-usage-advisor.js';
import { toArray } from './__fixtures__/test-tools.js';

describe('createTokenUsageAdvisor', () => {
  it('totals call and stream usage per provider and model, with the seed counters', async () => {
    const events: TokenUsageEvent[] = [];
    const tracker = createTokenUsageAdvisor({ onUsage: (event) => events.push(event) });
    const deepseek = new MockChatModel({
      provider: 'deepseek',
      modelId: 'deepseek-v4-flash',
      replies: [
        // A tool round then the answer: both turns count.
        { toolCalls: [{ name: 'unknownTool' }], usage: { promptTokens: 10, completionTokens: 3 } },
        { text: 'a', usage: { promptTokens: 20, completionTokens: 5 } },
        {
          text: 'streamed answer',
          usage: { promptTokens: 7, completionTokens: 2, totalTokens: 9 },
        },
      ],
    });
    const qwen = new MockChatModel({
      provider: 'qwen',
      modelId: 'qwen-plus',
      replies: [{ text: 'b', usage: { promptTokens: 1, completionTokens: 1 } }],
    });

    await createChatClient(deepseek, { advisors: [tracker] })
      .prompt('one')
      .call();
    await toArray(
      createChatClient(deepseek, { advisors: [tracker] })
        .prompt('two')
        .stream(),
    );
    await createChatClient(qwen).prompt('three').advisors(tracker).call();

    expect(tracker.totals()).toEqual([
      {
        provider: 'deepseek',
        model: 'deepseek-v4-flash',
        promptTokens: 37,
        completionTokens: 10,
        totalTokens: 47,
        reasoningTokens: 0,
        requests: 2,
      },
      {
        provider: 'qwen',
        model: 'qwen-plus',
        promptTokens: 1,
        completionTokens: 1,
        totalTokens: 2,
        reasoningTokens: 0,
        requests: 1,
      },
    ]);
    expect(tracker.counters()).toEqual({
      'ai.prompt.tokens': 38,
      'ai.completion.tokens': 11,
      'ai.total.tokens': 49,
    });
    expect(events.map((e) => [e.mode, e.usage.totalTokens])).toEqual([
      ['call', 38],
      ['stream', 9],
      ['call', 2],
    ]);
    tracker.reset();
    expect(tracker.counters()['ai.total.tokens']).toBe(0);
  });
});
