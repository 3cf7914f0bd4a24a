// A caller's signal can outlive many requests (a batch job's cancel switch, a campaign's
// generation): calls and streams on it must leave no listener behind. The openai SDK adds one to
// the signal it is given and never removes it, so ours is never given a caller's signal directly.
import { getEventListeners } from 'node:events';
import { userMessage } from '@repo/core';
import { createLocalLlm } from '@repo/local-llm';
import { describe, expect, it } from 'vitest';
import { createOpenAICompatibleChatModel } from './openai-compatible-chat-model.js';

const model = () => {
  const llm = createLocalLlm();
  return createOpenAICompatibleChatModel({
    provider: 'local',
    model: 'local',
    requireApiKey: false,
    baseURL: llm.baseURL,
    fetch: llm.fetch,
  });
};

describe('a long-lived caller signal', () => {
  it('holds no listener after 20 calls and 20 streams', async () => {
    const chat = model();
    const controller = new AbortController();
    for (let i = 0; i < 20; i++) {
      const answer = await chat.call({
        messages: [userMessage(`第${i}次`)],
        signal: controller.signal,
      });
      expect(answer.message.parts.length).toBeGreaterThan(0);
      for await (const event of chat.stream({
        messages: [userMessage(`stream ${i}`)],
        signal: controller.signal,
      }))
        void event;
    }
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('still aborts a call in flight', async () => {
    const chat = model();
    const controller = new AbortController();
    const pending = chat.call({ messages: [userMessage('hello')], signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
