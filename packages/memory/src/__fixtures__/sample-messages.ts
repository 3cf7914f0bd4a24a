// Messages that exercise every part type, for fidelity and repair tests.
import type { Message } from '@repo/core';

/** A full turn: Chinese text, an image, reasoning, two tool calls with nested arguments, results. */
export const FULL_TURN: Message[] = [
  { role: 'system', parts: [{ type: 'text', text: '你是一个乐于助人的助手。' }] },
  {
    role: 'user',
    parts: [
      { type: 'text', text: '北京和上海今天的天气怎么样？这是照片：' },
      { type: 'image', url: 'https://example.com/sky.png', mediaType: 'image/png', detail: 'low' },
    ],
  },
  {
    role: 'assistant',
    parts: [
      { type: 'reasoning', text: '用户想知道两个城市的天气，我需要调用工具。' },
      { type: 'text', text: '我来查一下。' },
      {
        type: 'tool-call',
        id: 'call_1',
        name: 'getWeather',
        arguments: { city: '北京', unit: 'C', days: [1, 2], nested: { ok: true, none: null } },
      },
      { type: 'tool-call', id: 'call_2', name: 'getWeather', arguments: { city: '上海' } },
    ],
  },
  {
    role: 'tool',
    parts: [
      {
        type: 'tool-result',
        toolCallId: 'call_1',
        name: 'getWeather',
        result: { temperature: 21.5, sky: '晴' },
      },
      {
        type: 'tool-result',
        toolCallId: 'call_2',
        name: 'getWeather',
        result: 'Service unavailable',
        isError: true,
      },
    ],
  },
  { role: 'assistant', parts: [{ type: 'text', text: '北京 21.5°C，晴；上海暂时查不到。😀' }] },
];

export function user(text: string): Message {
  return { role: 'user', parts: [{ type: 'text', text }] };
}

export function assistant(text: string): Message {
  return { role: 'assistant', parts: [{ type: 'text', text }] };
}

export function toolCall(...ids: string[]): Message {
  return {
    role: 'assistant',
    parts: ids.map((id) => ({ type: 'tool-call', id, name: 'lookup', arguments: { id } })),
  };
}

export function toolResult(...ids: string[]): Message {
  return {
    role: 'tool',
    parts: ids.map((id) => ({ type: 'tool-result', toolCallId: id, name: 'lookup', result: id })),
  };
}

/** Role and parts only, to compare loaded messages with what was appended. */
export function plain(messages: readonly Message[]): Message[] {
  return messages.map(({ role, parts }) => ({ role, parts }) as Message);
}
