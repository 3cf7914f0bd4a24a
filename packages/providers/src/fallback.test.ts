// Ordered fallback: before the first token it moves on, mid-stream it follows the chosen policy,
// usage is summed over attempts and the response names the model that answered.
import {
  ProviderError,
  ProviderUnavailableError,
  userMessage,
  type ChatModel,
  type Usage,
} from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { createLocalLlm } from '@repo/local-llm';
import { describe, expect, it } from 'vitest';
import { createFallbackChatModel } from './fallback-chat-model.js';
import { createOpenAICompatibleChatModel } from './openai-compatible-chat-model.js';
import { collectEvents } from './testing/index.js';

function localModel(provider: string) {
  const llm = createLocalLlm();
  const model = createOpenAICompatibleChatModel({
    provider,
    model: 'local',
    requireApiKey: false,
    baseURL: llm.baseURL,
    fetch: llm.fetch,
    retry: { sleep: async () => undefined },
  });
  const chatRequests = () => llm.requests().filter((r) => r.path === '/v1/chat/completions').length;
  return { llm, model, chatRequests };
}

const ask = { messages: [userMessage('Say hello')] };

describe('createFallbackChatModel', () => {
  it('moves to the next model when the first fails (after its own retries) and says who answered', async () => {
    const primary = localModel('primary');
    const backup = localModel('backup');
    primary.llm.faults({ status: 503 });
    backup.llm.script([
      { content: 'Backup here.', usage: { promptTokens: 5, completionTokens: 3 } },
    ]);
    const switches: string[] = [];
    const model = createFallbackChatModel([primary.model, backup.model], {
      onFallback: ({ from, to }) => switches.push(`${from.provider}->${to.provider}`),
    });
    const response = await model.call(ask);
    expect(response.provider).toBe('backup');
    expect(response.text).toBe('Backup here.');
    expect(response.totalUsage).toEqual(response.usage);
    expect(response.usage).toMatchObject({ promptTokens: 5, completionTokens: 3, totalTokens: 8 });
    expect(switches).toEqual(['primary->backup']);
    expect(primary.chatRequests()).toBe(3);
    expect(backup.chatRequests()).toBe(1);
    expect(model.provider).toBe('primary');
  });

  it('streams from the next model when the first fails before its first event', async () => {
    const primary = localModel('primary');
    const backup = localModel('backup');
    primary.llm.faults({ status: 503 });
    backup.llm.script([{ content: 'From backup' }]);
    const { events } = await collectEvents(
      createFallbackChatModel([primary.model, backup.model]).stream(ask),
    );
    expect(events.map((e) => (e.type === 'text-delta' ? e.text : '')).join('')).toBe('From backup');
    const finish = events.at(-1);
    expect(finish?.type === 'finish' && finish.response.provider).toBe('backup');
  });

  it('surfaces a mid-stream failure as a typed error by default, without trying the next model', async () => {
    const primary = localModel('primary');
    const backup = localModel('backup');
    primary.llm.script([{ content: 'one two three four five six seven eight' }]);
    primary.llm.faults({ cutAfterChunks: 3 });
    const { events: seen, error } = await collectEvents(
      createFallbackChatModel([primary.model, backup.model]).stream(ask),
    );
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as ProviderUnavailableError).code).toBe('stream_interrupted');
    expect(seen.some((event) => event.type === 'text-delta')).toBe(true);
    expect(backup.chatRequests()).toBe(0);
  });

  it("restarts on the next model mid-stream with midStream: 'fallback'", async () => {
    const primary = localModel('primary');
    const backup = localModel('backup');
    primary.llm.script([{ content: 'one two three four five six seven eight' }]);
    primary.llm.faults({ cutAfterChunks: 3 });
    backup.llm.script([{ content: 'Second answer.' }]);
    const { events } = await collectEvents(
      createFallbackChatModel([primary.model, backup.model], { midStream: 'fallback' }).stream(ask),
    );
    const finish = events.at(-1);
    if (finish?.type !== 'finish') throw new Error('no finish');
    expect(finish.response.provider).toBe('backup');
    expect(finish.response.text).toBe('Second answer.');
    // The consumer saw the primary's partial text first: that is the documented trade-off.
    const text = events.map((e) => (e.type === 'text-delta' ? e.text : '')).join('');
    expect(text.endsWith('Second answer.')).toBe(true);
    expect(text.length).toBeGreaterThan('Second answer.'.length);
  });

  it('sums usage reported by a failed attempt into totalUsage', async () => {
    const spent: Usage = { promptTokens: 7, completionTokens: 2, totalTokens: 9 };
    const failing: ChatModel = {
      provider: 'flaky',
      modelId: 'f',
      call: () => Promise.reject(new ProviderUnavailableError('down')),
      async *stream() {
        yield { type: 'text-delta', text: 'par' };
        yield { type: 'usage', usage: spent };
        throw new ProviderUnavailableError('cut', { code: 'stream_interrupted' });
      },
    };
    const backup = new MockChatModel({
      provider: 'mock',
      replies: [{ text: 'ok', usage: { promptTokens: 4, completionTokens: 1 } }],
    });
    const { events } = await collectEvents(
      createFallbackChatModel([failing, backup], { midStream: 'fallback' }).stream(ask),
    );
    const finish = events.at(-1);
    if (finish?.type !== 'finish') throw new Error('no finish');
    expect(finish.response.usage).toEqual({ promptTokens: 4, completionTokens: 1, totalTokens: 5 });
    expect(finish.response.totalUsage).toEqual({
      promptTokens: 11,
      completionTokens: 3,
      totalTokens: 14,
    });
  });

  it('does not fall back on a bad request or a caller abort, but does on an auth failure', async () => {
    const primary = localModel('primary');
    const backup = localModel('backup');
    primary.llm.script([{ error: { status: 400, message: 'context too long' } }]);
    const error = await createFallbackChatModel([primary.model, backup.model])
      .call(ask)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).status).toBe(400);
    expect(backup.chatRequests()).toBe(0);

    const controller = new AbortController();
    controller.abort();
    await expect(
      createFallbackChatModel([primary.model, backup.model]).call({
        ...ask,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'aborted' });
    expect(backup.chatRequests()).toBe(0);

    primary.llm.script([{ error: { status: 401, message: 'bad key' } }]);
    const answered = await createFallbackChatModel([primary.model, backup.model]).call(ask);
    expect(answered.provider).toBe('backup');
  });

  it('lets shouldFallback route by error class, and reports common capabilities', async () => {
    const primary = new MockChatModel({
      replies: [new ProviderError('teapot', { status: 418 })],
      capabilities: { structuredOutput: 'json-schema', tools: true },
    });
    const backup = new MockChatModel({
      provider: 'b',
      replies: ['fine'],
      capabilities: { structuredOutput: 'json-object', tools: true },
    });
    const model = createFallbackChatModel([primary, backup], {
      shouldFallback: (e) => e instanceof ProviderError && e.status === 418,
    });
    expect((await model.call(ask)).text).toBe('fine');
    expect(model.capabilities).toEqual({
      structuredOutput: 'json-object',
      tools: true,
      reasoning: false,
    });
  });
});
