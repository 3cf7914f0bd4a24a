// The contract every ChatMemoryRepository passes (in-memory, SQL on PGlite and PostgreSQL, Redis):
// append/load/order, windows, list/delete, full part fidelity, repair, validation and size limit.
import { randomUUID } from 'node:crypto';
import { InvalidInputError } from '@repo/core';
import type { Message } from '@repo/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMemoryRepository } from '../chat-memory-repository.js';
import { MessageTooLargeError } from '../memory-errors.js';
import { createMessageWindowChatMemory } from '../message-window-chat-memory.js';
import { messageSizeBytes } from '../validate-messages.js';
import { assistant, FULL_TURN, plain, toolCall, toolResult, user } from './sample-messages.js';

export interface ContractSetup {
  create(options: { maxMessageBytes?: number }): Promise<ChatMemoryRepository>;
  cleanup?(): Promise<void>;
}

const id = (label: string) => `${label}-${randomUUID()}`;

export function describeRepositoryContract(name: string, setup: ContractSetup): void {
  describe(`${name}: repository contract`, () => {
    let repository: ChatMemoryRepository;
    beforeAll(async () => {
      repository = await setup.create({ maxMessageBytes: 2048 });
    });
    afterAll(async () => {
      await repository?.close();
      await setup.cleanup?.();
    });

    it('appends with ordinals per conversation and loads in order', async () => {
      const conversation = id('order');
      const first = await repository.append(conversation, [user('one'), assistant('two')]);
      expect(first.map((m) => m.ordinal)).toEqual([1, 2]);
      expect(first[0]?.createdAt).toBeInstanceOf(Date);
      const second = await repository.append(conversation, [user('three')]);
      expect(second.map((m) => m.ordinal)).toEqual([3]);
      await repository.append(id('other'), [user('elsewhere')]);
      const loaded = await repository.load(conversation);
      expect(loaded.map((m) => [m.ordinal, m.role, m.parts])).toEqual([
        [1, 'user', [{ type: 'text', text: 'one' }]],
        [2, 'assistant', [{ type: 'text', text: 'two' }]],
        [3, 'user', [{ type: 'text', text: 'three' }]],
      ]);
      expect(await repository.load(conversation, { last: 2 })).toMatchObject([
        { ordinal: 2 },
        { ordinal: 3 },
      ]);
      expect(await repository.load(conversation, { last: 0 })).toEqual([]);
      expect(await repository.load(id('unknown'))).toEqual([]);
      expect(await repository.append(conversation, [])).toEqual([]);
    });

    it('filters by role, newest last', async () => {
      const conversation = id('roles');
      await repository.append(conversation, [
        { role: 'system', parts: [{ type: 'text', text: 'old rules' }] },
        user('hi'),
        { role: 'system', parts: [{ type: 'text', text: 'new rules' }] },
        assistant('hello'),
      ]);
      const system = await repository.load(conversation, { last: 1, roles: ['system'] });
      expect(system.map((m) => [m.ordinal, m.parts])).toEqual([
        [3, [{ type: 'text', text: 'new rules' }]],
      ]);
      const history = await repository.load(conversation, { roles: ['user', 'assistant'] });
      expect(history.map((m) => m.ordinal)).toEqual([2, 4]);
    });

    it('keeps every part through a reload (Chinese, reasoning, images, tool calls and results)', async () => {
      const conversation = id('fidelity');
      await repository.append(conversation, FULL_TURN);
      expect(plain(await repository.load(conversation))).toEqual(FULL_TURN);
    });

    it('lists conversations newest first, and deletes', async () => {
      const older = id('older');
      const newer = id('newer');
      await repository.append(older, [user('a'), assistant('b')]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await repository.append(newer, [user('c')]);
      const mine = (await repository.list()).filter((c) => c.id === older || c.id === newer);
      expect(mine.map((c) => [c.id, c.messageCount])).toEqual([
        [newer, 1],
        [older, 2],
      ]);
      expect(mine[0]?.updatedAt).toBeInstanceOf(Date);
      expect(await repository.exists(older)).toBe(true);
      expect(await repository.delete(older)).toBe(true);
      expect(await repository.delete(older)).toBe(false);
      expect(await repository.exists(older)).toBe(false);
      expect(await repository.load(older)).toEqual([]);
      expect((await repository.list()).some((c) => c.id === older)).toBe(false);
      expect((await repository.append(older, [user('again')]))[0]?.ordinal).toBe(1);
    });

    it('repairs dangling tool calls and orphan results on load, leaving the rows as stored', async () => {
      const conversation = id('repair');
      const stored: Message[] = [
        user('look up a and b'),
        toolCall('a', 'b'),
        toolResult('a'),
        user('and c?'),
        toolCall('c'),
      ];
      await repository.append(conversation, stored);
      const loaded = await repository.load(conversation);
      expect(loaded.map((m) => [m.ordinal, m.role, m.repaired])).toEqual([
        [1, 'user', undefined],
        [2, 'assistant', true],
        [3, 'tool', undefined],
        [4, 'user', undefined],
      ]);
      expect(loaded[1]?.parts).toEqual([
        { type: 'tool-call', id: 'a', name: 'lookup', arguments: { id: 'a' } },
      ]);
      expect(plain(await repository.load(conversation, { repair: false }))).toEqual(stored);
      // A window that starts on the tool message has no call for it: the orphan is dropped.
      expect((await repository.load(conversation, { last: 3 })).map((m) => m.ordinal)).toEqual([4]);
    });

    it('rejects an invalid role or part naming the field, storing nothing of the batch', async () => {
      const conversation = id('invalid');
      const badPart = [user('ok'), assistant('ok'), { role: 'user', parts: [{ type: 'video' }] }];
      const error = await repository.append(conversation, badPart as Message[]).catch((e) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.details[0].field).toBe('messages[2].parts[0].type');
      const badRole = [
        { role: 'robot', parts: [{ type: 'text', text: 'x' }] },
      ] as unknown as Message[];
      await expect(repository.append(conversation, badRole)).rejects.toMatchObject({
        details: [{ field: 'messages[0].role' }],
      });
      const noId = { role: 'tool', parts: [{ type: 'tool-result', name: 'x', result: 1 }] };
      await expect(repository.append(conversation, [noId as Message])).rejects.toMatchObject({
        details: [{ field: 'messages[0].parts[0].toolCallId' }],
      });
      await expect(repository.append('', [user('x')])).rejects.toBeInstanceOf(InvalidInputError);
      // PostgreSQL cannot store U+0000: every store refuses it up front, naming the part.
      await expect(
        repository.append(conversation, [user('ok'), user('a\u0000b')]),
      ).rejects.toMatchObject({
        details: [{ field: 'messages[1].parts[0]' }],
      });
      await expect(repository.append('x\u0000y', [user('ok')])).rejects.toMatchObject({
        details: [{ field: 'conversationId' }],
      });
      expect(await repository.exists(conversation)).toBe(false);
    });

    it('rejects a message over the size limit with MessageTooLargeError', async () => {
      const conversation = id('large');
      const error = await repository
        .append(conversation, [user('small'), user('x'.repeat(3000))])
        .catch((e) => e);
      expect(error).toBeInstanceOf(MessageTooLargeError);
      expect(error).toMatchObject({
        field: 'messages[1]',
        limitBytes: 2048,
        code: 'message_too_large',
      });
      expect(error.sizeBytes).toBeGreaterThan(3000);
      expect(await repository.exists(conversation)).toBe(false);
    });

    it('weighs a message with messageSizeBytes: at the limit it is stored, a byte over it is not', async () => {
      const conversation = id('limit');
      // 'é' is two UTF-8 bytes: the measure is bytes, not characters.
      const room = 2048 - messageSizeBytes(user(''));
      const text = 'é'.repeat(Math.floor(room / 2)) + 'x'.repeat(room % 2);
      expect(messageSizeBytes(user(text))).toBe(2048);
      await repository.append(conversation, [user(text)]);
      const error = await repository.append(conversation, [user(`${text}x`)]).catch((e) => e);
      expect(error).toBeInstanceOf(MessageTooLargeError);
      expect(error).toMatchObject({ field: 'messages[0]', sizeBytes: 2049, limitBytes: 2048 });
      expect((await repository.load(conversation)).map((m) => m.parts)).toEqual([user(text).parts]);
    });

    it('serves a message window: last N, latest system message first, starting at a user message', async () => {
      const conversation = id('window');
      await repository.append(conversation, [
        { role: 'system', parts: [{ type: 'text', text: 'rules' }] },
        user('q1'),
        toolCall('t1'),
        toolResult('t1'),
        assistant('a1'),
        user('q2'),
        assistant('a2'),
      ]);
      const memory = createMessageWindowChatMemory({ repository, maxMessages: 4 });
      // The last 4 history messages start at the tool result: the window opens at q2 instead.
      const window = await memory.get(conversation);
      expect(window.map((m) => m.ordinal)).toEqual([1, 6, 7]);
      const wide = await createMessageWindowChatMemory({ repository, maxMessages: 6 }).get(
        conversation,
      );
      expect(wide.map((m) => m.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    });
  });
}

/** 10 writers × 10 appends of a user+assistant pair into one conversation, all at once. */
export async function appendConcurrently(repository: ChatMemoryRepository): Promise<void> {
  const conversation = id('concurrent');
  const writers = Array.from({ length: 10 }, (_, writer) =>
    (async () => {
      for (let step = 0; step < 10; step++)
        await repository.append(conversation, [
          user(`w${writer}-${step}-q`),
          assistant(`w${writer}-${step}-a`),
        ]);
    })(),
  );
  await Promise.all(writers);
  const loaded = await repository.load(conversation);
  expect(loaded.map((m) => m.ordinal)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  const texts = loaded.map((m) => (m.parts[0] as { text: string }).text);
  for (let i = 0; i < texts.length; i += 2) {
    // Each append's pair is adjacent and in order.
    expect(texts[i + 1]).toBe((texts[i] as string).replace(/-q$/, '-a'));
  }
  for (let writer = 0; writer < 10; writer++) {
    const steps = texts.filter((t) => t.startsWith(`w${writer}-`) && t.endsWith('-q'));
    expect(steps).toEqual(Array.from({ length: 10 }, (_, step) => `w${writer}-${step}-q`));
  }
  expect((await repository.list()).find((c) => c.id === conversation)?.messageCount).toBe(200);
}
