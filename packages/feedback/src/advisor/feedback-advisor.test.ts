// The advisor's logic on MockChatModel through the chat client's real chain: ids, what is held and
// when it is written, the bounds, and the `always` mode; the store is PGlite in memory.
import { AiError, systemMessage, userMessage } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { createChatClient } from '@repo/chat';
import { createTestDatabase, type TestDatabase } from '@repo/storage/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFeedbackStore } from '../store/create-feedback-store.js';
import type { FeedbackStore } from '../store/feedback-store.js';
import { createFeedbackAdvisor, FEEDBACK_RESPONSE_ID } from './feedback-advisor.js';
import type { FeedbackAdvisorOptions } from './feedback-advisor-options.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const QUESTION = '用一句话解释什么是大语言模型。';
const ANSWER = '大语言模型是在海量文本上训练、能理解和生成语言的神经网络。🙂';

let database: TestDatabase;
let store: FeedbackStore;
beforeAll(async () => {
  database = await createTestDatabase();
  store = await createFeedbackStore(database);
});
afterAll(() => database.close());

function setup(options: Partial<FeedbackAdvisorOptions> = {}, replies: string[] = [ANSWER]) {
  const advisor = createFeedbackAdvisor({ store, ...options });
  const model = new MockChatModel({ defaultReply: replies[0], replies: replies.slice(1) });
  const client = createChatClient(model, { system: '你是一位耐心的老师。', advisors: [advisor] });
  return { advisor, model, client };
}

const idOf = (context: Map<string, unknown>) => context.get(FEEDBACK_RESPONSE_ID) as string;

describe('feedback advisor (call)', () => {
  it('gives each answer its own id and writes nothing until feedback resolves it', async () => {
    const { advisor, client } = setup();
    const first = await client
      .prompt(QUESTION)
      .options({ temperature: 0.3, seed: 7, user: 'u-42', timeoutMs: 5_000 })
      .call();
    const second = await client.prompt(QUESTION).call();
    const id = idOf(first.context);
    expect(id).toMatch(UUID);
    expect(idOf(second.context)).toMatch(UUID);
    expect(idOf(second.context)).not.toBe(id);
    expect([advisor.pendingCount, advisor.isPending(id)]).toEqual([2, true]);
    expect(await store.getTarget(id)).toBeUndefined();

    const target = await advisor.resolveTarget(id);
    expect(target).toMatchObject({
      responseId: id,
      answer: ANSWER,
      model: 'mock-model',
      provider: 'mock',
      // Sampling only: the end-user id and the timeout say nothing about the answer.
      parameters: { temperature: 0.3, seed: 7 },
      prompt: [systemMessage('你是一位耐心的老师。'), userMessage(QUESTION)],
    });
    expect(await store.getTarget(id)).toEqual(target);
    expect(advisor.isPending(id)).toBe(false);
    // Read back from the store from now on.
    expect(await advisor.resolveTarget(id)).toEqual(target);
  });

  it('resolves concurrent feedback on one held answer to one stored target', async () => {
    const { advisor, client } = setup();
    const id = idOf((await client.prompt('你好').call()).context);
    const targets = await Promise.all([1, 2, 3].map(() => advisor.resolveTarget(id)));
    expect(new Set(targets.map((target) => JSON.stringify(target))).size).toBe(1);
    expect(targets[0]?.answer).toBe(ANSWER);
  });

  it('answers undefined for an id it never gave', async () => {
    const { advisor } = setup();
    expect(await advisor.resolveTarget('no-such-response')).toBeUndefined();
  });

  it("uses the app's own id from the advisor context, and refuses one that is not an id", async () => {
    const { advisor, client } = setup();
    const answer = await client
      .prompt(QUESTION)
      .advisorContext({ [FEEDBACK_RESPONSE_ID]: 'app-id-1' })
      .call();
    expect(idOf(answer.context)).toBe('app-id-1');
    expect(advisor.isPending('app-id-1')).toBe(true);
    const bad = client
      .prompt(QUESTION)
      .advisorContext({ [FEEDBACK_RESPONSE_ID]: '  ' })
      .call();
    await expect(bad).rejects.toMatchObject({
      kind: 'invalid_input',
      details: [{ field: FEEDBACK_RESPONSE_ID, reason: expect.stringContaining('non-empty') }],
    });
  });

  it('drops the id of an answer that cannot be judged (tool calls left to the caller)', async () => {
    const advisor = createFeedbackAdvisor({ store });
    const model = new MockChatModel({
      defaultReply: { toolCalls: [{ name: 'getWeather', arguments: { city: '北京' } }] },
    });
    const client = createChatClient(model, { advisors: [advisor] });
    const answer = await client.prompt('北京天气如何？').toolExecution('manual').call();
    expect(answer.toolCalls).toHaveLength(1);
    expect(answer.context.has(FEEDBACK_RESPONSE_ID)).toBe(false);
    expect(advisor.pendingCount).toBe(0);
  });

  it('drops the id when the prompt ends with an assistant turn (no training row has that shape)', async () => {
    const { advisor, client } = setup();
    const answer = await client
      .prompt()
      .messages([
        userMessage('你好'),
        { role: 'assistant', parts: [{ type: 'text', text: '您好' }] },
      ])
      .call();
    expect(answer.content).toBe(ANSWER);
    expect(answer.context.has(FEEDBACK_RESPONSE_ID)).toBe(false);
    expect(advisor.pendingCount).toBe(0);
  });
});

describe('feedback advisor (stream)', () => {
  it('holds the answer before the finish event goes out, under the id the app chose', async () => {
    const { advisor, client } = setup();
    const seen: Array<[string, boolean]> = [];
    const stream = client.prompt(QUESTION).advisorContext({ [FEEDBACK_RESPONSE_ID]: 'stream-1' });
    let text = '';
    for await (const event of stream.stream()) {
      if (event.type === 'text-delta') text += event.text;
      seen.push([event.type, advisor.isPending('stream-1')]);
    }
    expect(text).toBe(ANSWER);
    expect(seen.at(-1)).toEqual(['finish', true]);
    expect(seen.filter(([type]) => type === 'text-delta').every(([, held]) => !held)).toBe(true);
    expect(await advisor.resolveTarget('stream-1')).toMatchObject({ answer: ANSWER });
  });

  it('gives an id of its own when the app set none (collect() returns the context)', async () => {
    const { advisor, client } = setup();
    const collected = await client.prompt(QUESTION).stream().collect();
    const id = idOf(collected.context);
    expect(id).toMatch(UUID);
    expect(advisor.isPending(id)).toBe(true);
  });

  it('holds nothing when the stream fails', async () => {
    const advisor = createFeedbackAdvisor({ store });
    const model = new MockChatModel({ defaultReply: new AiError('boom', { kind: 'timeout' }) });
    const client = createChatClient(model, { advisors: [advisor] });
    await expect(client.prompt(QUESTION).stream().collect()).rejects.toMatchObject({
      kind: 'timeout',
    });
    expect(advisor.pendingCount).toBe(0);
  });
});

describe('feedback advisor (bounds)', () => {
  it('holds at most maxPending answers, dropping the oldest', async () => {
    const { advisor, client } = setup({ maxPending: 2 });
    const ids: string[] = [];
    for (const question of ['一', '二', '三'])
      ids.push(idOf((await client.prompt(question).call()).context));
    expect(ids.map((id) => advisor.isPending(id))).toEqual([false, true, true]);
    expect(await advisor.resolveTarget(ids[0] ?? '')).toBeUndefined();
    expect((await advisor.resolveTarget(ids[2] ?? ''))?.prompt.at(-1)).toEqual(userMessage('三'));
  });

  it('forgets an answer after pendingTtlMs', async () => {
    let now = 1_000;
    const { advisor, client } = setup({ pendingTtlMs: 60_000, now: () => now });
    const id = idOf((await client.prompt(QUESTION).call()).context);
    now += 59_999;
    expect(advisor.isPending(id)).toBe(true);
    now += 1;
    expect(advisor.isPending(id)).toBe(false);
    expect(await advisor.resolveTarget(id)).toBeUndefined();
  });

  it('refuses bounds that are not positive integers', () => {
    expect(() => createFeedbackAdvisor({ store, maxPending: 0 })).toThrow(
      expect.objectContaining({
        details: [{ field: 'maxPending', reason: 'must be a positive integer' }],
      }),
    );
  });
});

describe("feedback advisor (persist: 'always')", () => {
  it('writes every answer after the response, without waiting for feedback', async () => {
    const { advisor, client } = setup({ persist: 'always' });
    const id = idOf((await client.prompt(QUESTION).call()).context);
    // Not written on the request's path: the write starts on the next turn of the event loop.
    expect(await store.getTarget(id)).toBeUndefined();
    await advisor.flush();
    expect(await store.getTarget(id)).toMatchObject({ responseId: id, answer: ANSWER });
    expect(advisor.isPending(id)).toBe(false);
  });

  it('reports a failed write with the id only, and keeps the answer for feedback to record', async () => {
    const onError = vi.fn();
    let fail = true;
    const { advisor, client } = setup({
      persist: 'always',
      onError,
      store: async () => {
        if (fail) throw new AiError('database down', { kind: 'unavailable' });
        return store;
      },
    });
    const id = idOf((await client.prompt(QUESTION).call()).context);
    await advisor.flush();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[1]).toBe(id);
    expect((onError.mock.calls[0]?.[0] as AiError).kind).toBe('unavailable');
    expect(advisor.isPending(id)).toBe(true);
    fail = false;
    expect(await advisor.resolveTarget(id)).toMatchObject({ answer: ANSWER });
  });

  it('logs the id and the error kind, never the text, when no onError is given', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { advisor, client } = setup({
      persist: 'always',
      store: () =>
        Promise.reject(new AiError(`failed INSERT ${QUESTION}`, { kind: 'unavailable' })),
    });
    const id = idOf((await client.prompt(QUESTION).call()).context);
    await advisor.flush();
    expect(warn).toHaveBeenCalledWith(
      `feedback: the target of response ${id} was not recorded (unavailable)`,
    );
    warn.mockRestore();
  });
});
