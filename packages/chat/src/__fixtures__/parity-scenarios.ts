// The call/stream parity matrix (docs/pain-points.md P4): each scenario's scripted replies and the messages
// both modes must produce. Shared tools come from test-tools.ts.
import { assistantMessage, toolMessage } from '@repo/core';
import type { Message } from '@repo/core';
import type { MockReply } from '@repo/core/testing';
import { expect } from 'vitest';

export const usage = { promptTokens: 10, completionTokens: 2, totalTokens: 12 };

export interface Scenario {
  name: string;
  replies: MockReply[];
  expected: Message[];
}

const call = (id: string, name: string, args: unknown) => ({
  type: 'tool-call' as const,
  id,
  name,
  arguments: args,
});
const result = (toolCallId: string, name: string, value: unknown, isError?: true) => ({
  type: 'tool-result' as const,
  toolCallId,
  name,
  result: value,
  ...(isError ? { isError } : {}),
});

// P4: every case must produce the same messages through call() and stream().
export const scenarios: Scenario[] = [
  {
    name: 'a tool without arguments',
    replies: [
      { toolCalls: [{ id: 'c1', name: 'currentTime' }], usage },
      { text: 'It is noon.', usage },
    ],
    expected: [
      assistantMessage([call('c1', 'currentTime', {})]),
      toolMessage([result('c1', 'currentTime', '12:00')]),
      assistantMessage('It is noon.'),
    ],
  },
  {
    name: 'a tool with several arguments',
    replies: [
      {
        toolCalls: [
          { id: 'c1', name: 'getCurrentWeather', arguments: { city: 'Paris', unit: 'F' } },
        ],
        usage,
      },
      { text: 'Paris: 21 F.', usage },
    ],
    expected: [
      assistantMessage([call('c1', 'getCurrentWeather', { city: 'Paris', unit: 'F' })]),
      toolMessage([
        result('c1', 'getCurrentWeather', { city: 'Paris', temperature: 21, unit: 'F' }),
      ]),
      assistantMessage('Paris: 21 F.'),
    ],
  },
  {
    name: 'two parallel calls in one turn, with reasoning kept',
    replies: [
      {
        reasoning: '两个城市都要查。',
        toolCalls: [
          { id: 'c1', name: 'getCurrentWeather', arguments: { city: 'Paris' } },
          { id: 'c2', name: 'getCurrentWeather', arguments: '{"city":"London"}' },
        ],
        usage,
      },
      { text: 'Paris 21, London 15.', usage },
    ],
    expected: [
      assistantMessage([
        { type: 'reasoning', text: '两个城市都要查。' },
        call('c1', 'getCurrentWeather', { city: 'Paris' }),
        call('c2', 'getCurrentWeather', '{"city":"London"}'),
      ]),
      toolMessage([
        result('c1', 'getCurrentWeather', { city: 'Paris', temperature: 21, unit: 'C' }),
        result('c2', 'getCurrentWeather', { city: 'London', temperature: 15, unit: 'C' }),
      ]),
      assistantMessage('Paris 21, London 15.'),
    ],
  },
  {
    name: 'a tool that throws',
    replies: [
      { toolCalls: [{ id: 'c1', name: 'flakyLookup' }], usage },
      { text: 'Lookup failed.', usage },
    ],
    expected: [
      assistantMessage([call('c1', 'flakyLookup', {})]),
      toolMessage([
        result('c1', 'flakyLookup', 'Tool "flakyLookup" failed: database is down', true),
      ]),
      assistantMessage('Lookup failed.'),
    ],
  },
  {
    name: 'an unknown tool and unparseable arguments',
    replies: [
      {
        toolCalls: [
          { id: 'c1', name: 'bookFlight', arguments: { to: 'Rome' } },
          { id: 'c2', name: 'getCurrentWeather', arguments: '{"city": Par' },
        ],
        usage,
      },
      { text: 'Sorry.', usage },
    ],
    expected: [
      assistantMessage([
        call('c1', 'bookFlight', { to: 'Rome' }),
        call('c2', 'getCurrentWeather', '{"city": Par'),
      ]),
      toolMessage([
        result(
          'c1',
          'bookFlight',
          'Unknown tool "bookFlight". Available tools: getCurrentWeather, currentTime, flakyLookup.',
          true,
        ),
        result(
          'c2',
          'getCurrentWeather',
          expect.stringMatching(
            /^Invalid arguments for tool "getCurrentWeather": not valid JSON .*: \{"city": Par\. Send the arguments as a JSON object\.$/,
          ),
          true,
        ),
      ]),
      assistantMessage('Sorry.'),
    ],
  },
];
