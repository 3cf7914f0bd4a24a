import type { Message } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { assistant, toolCall, toolResult, user } from './__fixtures__/sample-messages.js';
import type { StoredMessage } from './chat-memory-repository.js';
import { repairToolCalls } from './repair-tool-calls.js';

const stored = (messages: Message[]): StoredMessage[] =>
  messages.map((m, i) => ({ ...m, ordinal: i + 1, createdAt: new Date(0) }) as StoredMessage);
const shape = (messages: StoredMessage[]) =>
  messages.map((m) => `${m.ordinal}:${m.role}${m.repaired ? '*' : ''}`);

describe('repairToolCalls', () => {
  it('leaves a complete conversation untouched (same objects)', () => {
    const input = stored([
      user('q'),
      toolCall('a', 'b'),
      toolResult('a'),
      toolResult('b'),
      assistant('x'),
    ]);
    const output = repairToolCalls(input);
    expect(output).toEqual(input);
    expect(output[1]).toBe(input[1]);
  });

  it('drops a trailing tool call with no result, and the message it empties', () => {
    expect(shape(repairToolCalls(stored([user('q'), toolCall('a')])))).toEqual(['1:user']);
  });

  it('keeps the answered calls of a partly answered turn', () => {
    const output = repairToolCalls(stored([user('q'), toolCall('a', 'b'), toolResult('b')]));
    expect(shape(output)).toEqual(['1:user', '2:assistant*', '3:tool']);
    expect(output[1]?.parts.map((p) => (p.type === 'tool-call' ? p.id : p.type))).toEqual(['b']);
  });

  it('keeps the text of an assistant turn whose calls are dropped, but not lone reasoning', () => {
    const withText: Message = {
      role: 'assistant',
      parts: [{ type: 'text', text: 'Checking.' }, ...toolCall('a').parts] as never,
    };
    const withReasoning: Message = {
      role: 'assistant',
      parts: [{ type: 'reasoning', text: 'hmm' }, ...toolCall('b').parts] as never,
    };
    expect(shape(repairToolCalls(stored([user('q'), withText, user('r'), withReasoning])))).toEqual(
      ['1:user', '2:assistant*', '3:user'],
    );
  });

  it('drops orphan and duplicate tool results', () => {
    const output = repairToolCalls(
      stored([
        toolResult('z'),
        user('q'),
        toolCall('a'),
        toolResult('a', 'a', 'y'),
        user('r'),
        toolResult('a'),
      ]),
    );
    expect(shape(output)).toEqual(['2:user', '3:assistant', '4:tool*', '5:user']);
    expect(output[2]?.parts).toHaveLength(1);
  });
});
