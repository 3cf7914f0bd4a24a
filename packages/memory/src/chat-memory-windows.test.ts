import { InvalidInputError } from '@repo/core';
import type { Message } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { assistant, toolCall, toolResult, user } from './__fixtures__/sample-messages.js';
import { estimateTokens } from './count-tokens.js';
import { createInMemoryChatMemoryRepository } from './in-memory-chat-memory-repository.js';
import {
  createMessageWindowChatMemory,
  DEFAULT_MAX_MESSAGES,
} from './message-window-chat-memory.js';
import { createTokenWindowChatMemory } from './token-window-chat-memory.js';

const turns = (n: number): Message[] =>
  Array.from({ length: n }, (_, i) => [user(`q${i}`), assistant(`a${i}`)]).flat();

describe('message window', () => {
  it('keeps the last 20 by default and never deletes', async () => {
    const repository = createInMemoryChatMemoryRepository();
    const memory = createMessageWindowChatMemory({ repository });
    await memory.add('c', turns(30));
    const window = await memory.get('c');
    expect(DEFAULT_MAX_MESSAGES).toBe(20);
    expect(window.map((m) => m.ordinal)).toEqual(Array.from({ length: 20 }, (_, i) => 41 + i));
    expect((await repository.load('c')).length).toBe(60);
    expect(await memory.clear('c')).toBe(true);
    expect(await memory.get('c')).toEqual([]);
  });

  it('keeps the latest system message outside the count', async () => {
    const memory = createMessageWindowChatMemory({
      repository: createInMemoryChatMemoryRepository(),
      maxMessages: 2,
    });
    await memory.add('c', [
      { role: 'system', parts: [{ type: 'text', text: 'old' }] },
      ...turns(1),
    ]);
    await memory.add('c', [
      { role: 'system', parts: [{ type: 'text', text: 'new' }] },
      ...turns(3),
    ]);
    expect((await memory.get('c')).map((m) => `${m.ordinal}:${m.role}`)).toEqual([
      '4:system',
      '9:user',
      '10:assistant',
    ]);
  });

  it('rejects a window of 0', () => {
    expect(() =>
      createMessageWindowChatMemory({
        repository: createInMemoryChatMemoryRepository(),
        maxMessages: 0,
      }),
    ).toThrow(InvalidInputError);
  });
});

describe('token window', () => {
  it('estimates ~1 token per CJK character and ~4 characters per token otherwise', () => {
    expect(estimateTokens('你好世界')).toBe(4);
    expect(estimateTokens('abcdefgh')).toBe(2);
    expect(estimateTokens('我叫Bob!')).toBe(3);
    expect(estimateTokens('')).toBe(0);
  });

  it('keeps the newest messages that fit, starting at a user message', async () => {
    const repository = createInMemoryChatMemoryRepository();
    // 10 tokens per message with this counter (4 overhead + 6).
    const memory = createTokenWindowChatMemory({ repository, maxTokens: 35, countTokens: () => 6 });
    await memory.add('c', turns(5));
    // 3 fit (ordinals 8–10), but 8 is an assistant message: the window opens at 9.
    expect((await memory.get('c')).map((m) => m.ordinal)).toEqual([9, 10]);
  });

  it('reads past the first page on long conversations and never splits a tool turn', async () => {
    const repository = createInMemoryChatMemoryRepository();
    const memory = createTokenWindowChatMemory({ repository, maxTokens: 10_000 });
    await memory.add('c', turns(100));
    await memory.add('c', [user('weather?'), toolCall('t'), toolResult('t'), assistant('sunny')]);
    const window = await memory.get('c');
    expect(window.length).toBeGreaterThan(100);
    expect(window[0]?.role).toBe('user');
    expect(window.slice(-3).map((m) => m.role)).toEqual(['assistant', 'tool', 'assistant']);
    // 12 tokens hold the tool result and the answer: the window skips the orphaned result.
    const tight = createTokenWindowChatMemory({ repository, maxTokens: 12 });
    expect((await tight.get('c')).map((m) => m.ordinal)).toEqual([204]);
  });
});
