import { describe, expect, it } from 'vitest';
import {
  assistantMessage,
  reasoningOf,
  systemMessage,
  textOf,
  toolCallsOf,
  toolMessage,
  userMessage,
} from './message.js';
import { addUsage, emptyUsage } from './chat-model.js';
import { sortAdvisors } from './advisor.js';

describe('message model', () => {
  it('keeps every part of an assistant turn, in order', () => {
    const message = assistantMessage([
      { type: 'reasoning', text: '先查天气。' },
      { type: 'text', text: '我来查一下' },
      { type: 'tool-call', id: 'call_1', name: 'getCurrentWeather', arguments: { city: '北京' } },
    ]);
    expect(reasoningOf(message)).toBe('先查天气。');
    expect(textOf(message)).toBe('我来查一下');
    expect(toolCallsOf(message)).toEqual([
      { type: 'tool-call', id: 'call_1', name: 'getCurrentWeather', arguments: { city: '北京' } },
    ]);
    // A message is plain data: it survives a JSON round trip unchanged (what memory stores).
    expect(JSON.parse(JSON.stringify(message))).toEqual(message);
  });

  it('builds the other roles from text', () => {
    expect(systemMessage('You are helpful')).toEqual({
      role: 'system',
      parts: [{ type: 'text', text: 'You are helpful' }],
    });
    expect(textOf(userMessage('你好'))).toBe('你好');
    const tool = toolMessage([
      { type: 'tool-result', toolCallId: 'call_1', name: 'getCurrentWeather', result: { c: 21 } },
    ]);
    expect(tool.parts[0]?.result).toEqual({ c: 21 });
    expect(textOf(tool)).toBe('');
  });
});

describe('usage', () => {
  it('sums counters and keeps optional ones only when reported', () => {
    const a = { promptTokens: 10, completionTokens: 5, totalTokens: 15, reasoningTokens: 3 };
    const b = { promptTokens: 1, completionTokens: 2, totalTokens: 3 };
    expect(addUsage(a, b)).toEqual({
      promptTokens: 11,
      completionTokens: 7,
      totalTokens: 18,
      reasoningTokens: 3,
    });
    expect(addUsage(emptyUsage(), b)).toEqual(b);
  });
});

describe('sortAdvisors', () => {
  it('orders by order, stable for ties', () => {
    const sorted = sortAdvisors([
      { name: 'b', order: 10 },
      { name: 'a' },
      { name: 'c', order: -5 },
      { name: 'd' },
    ]);
    expect(sorted.map((advisor) => advisor.name)).toEqual(['c', 'a', 'd', 'b']);
  });
});
