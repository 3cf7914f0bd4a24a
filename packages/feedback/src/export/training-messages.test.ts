import { assistantMessage, systemMessage, toolMessage, userMessage } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { toTrainingMessages } from './training-messages.js';

describe('toTrainingMessages', () => {
  it('writes text turns as plain strings and leaves reasoning out', () => {
    expect(
      toTrainingMessages([
        systemMessage('你是翻译助手。'),
        userMessage('把“你好”翻译成英文。'),
        assistantMessage([
          { type: 'reasoning', text: '这是问候语。' },
          { type: 'text', text: 'Hello.' },
        ]),
        userMessage('再正式一点。'),
      ]),
    ).toEqual([
      { role: 'system', content: '你是翻译助手。' },
      { role: 'user', content: '把“你好”翻译成英文。' },
      { role: 'assistant', content: 'Hello.' },
      { role: 'user', content: '再正式一点。' },
    ]);
  });

  it('keeps images, tool calls and tool results in OpenAI’s shape', () => {
    expect(
      toTrainingMessages([
        userMessage([
          { type: 'text', text: '这张图里是什么天气？' },
          { type: 'image', url: 'https://example.com/天气.png', detail: 'low' },
        ]),
        assistantMessage([
          { type: 'tool-call', id: 'call_1', name: 'get_weather', arguments: { city: '杭州' } },
        ]),
        toolMessage([
          { type: 'tool-result', toolCallId: 'call_1', name: 'get_weather', result: { 温度: 21 } },
        ]),
      ]),
    ).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: '这张图里是什么天气？' },
          { type: 'image_url', image_url: { url: 'https://example.com/天气.png', detail: 'low' } },
        ],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"杭州"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"温度":21}' },
    ]);
  });
});
