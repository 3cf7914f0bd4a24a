import { userMessage } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import type { MockReply } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import { ToolLoopLimitError } from './chat-errors.js';
import { createChatClient } from './create-chat-client.js';
import { scenarios, usage } from './__fixtures__/parity-scenarios.js';
import {
  clockTool,
  eventTypes,
  failingTool,
  toArray,
  weatherTool,
} from './__fixtures__/test-tools.js';

const tools = [weatherTool(), clockTool, failingTool];

describe('tool loop parity between call() and stream()', () => {
  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      const callModel = new MockChatModel({ replies: [...scenario.replies] });
      const streamModel = new MockChatModel({ replies: [...scenario.replies] });
      const called = await createChatClient(callModel, { tools }).prompt('Go').call();
      const streamed = await createChatClient(streamModel, { tools })
        .prompt('Go')
        .stream()
        .collect();

      expect(called.messages).toEqual(scenario.expected);
      expect(streamed.messages).toEqual(called.messages);
      expect(streamed.content).toBe(called.content);
      // Both modes sent the same two requests: the second carries the tool turn and its results.
      expect(streamModel.requests.map((r) => r.messages)).toEqual(
        callModel.requests.map((r) => r.messages),
      );
      expect(callModel.requests[1]?.messages).toEqual([
        userMessage('Go'),
        ...scenario.expected.slice(0, 2),
      ]);
      // Usage is summed over both turns; the final response keeps its own turn's usage.
      expect(called.usage).toEqual({ promptTokens: 20, completionTokens: 4, totalTokens: 24 });
      expect(streamed.usage).toEqual(called.usage);
      expect(called.response.usage).toEqual(usage);
    });
  }

  it('stops at maxToolIterations with the same error and messages in both modes', async () => {
    const reply: MockReply = (request) => ({
      toolCalls: [{ id: `c${request.messages.length}`, name: 'currentTime' }],
      usage,
    });
    const errors: ToolLoopLimitError[] = [];
    for (const run of [
      (client: ReturnType<typeof createChatClient>) => client.prompt('Loop').call(),
      (client: ReturnType<typeof createChatClient>) => client.prompt('Loop').stream().collect(),
    ]) {
      const model = new MockChatModel({ defaultReply: reply });
      const error: unknown = await run(
        createChatClient(model, { tools, maxToolIterations: 2 }),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ToolLoopLimitError);
      // Two rounds executed, then a third request asked again and was refused.
      expect(model.requests).toHaveLength(3);
      errors.push(error as ToolLoopLimitError);
    }
    expect(errors[0]?.iterations).toBe(2);
    expect(errors[0]?.code).toBe('tool_loop_limit');
    expect(errors[0]?.messages.map((m) => m.role)).toEqual([
      'assistant',
      'tool',
      'assistant',
      'tool',
      'assistant',
    ]);
    expect(errors[1]?.messages).toEqual(errors[0]?.messages);
  });

  it('streams each turn live, tool results between turns, one summed usage and one finish', async () => {
    const model = new MockChatModel({ replies: [...(scenarios[2]?.replies ?? [])] });
    const events = await toArray(createChatClient(model, { tools }).prompt('Go').stream());
    expect(eventTypes(events)).toEqual([
      'reasoning-delta',
      'tool-call',
      'tool-call',
      'tool-result',
      'tool-result',
      'text-delta',
      'usage',
      'finish',
    ]);
    const usageEvent = events.find((e) => e.type === 'usage');
    expect(usageEvent).toEqual({
      type: 'usage',
      usage: { promptTokens: 20, completionTokens: 4, totalTokens: 24 },
    });
  });
});
