// The advisor on the real chat client over HTTP: providers' OpenAI-compatible model → openai SDK →
// local-llm in-process; what is stored is what the model was sent and what it answered.
import { createChatClient } from '@repo/chat';
import { userMessage } from '@repo/core';
import { createLocalLlm } from '@repo/local-llm';
import { createOpenAICompatibleChatModel } from '@repo/providers';
import { createTestDatabase, type TestDatabase } from '@repo/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedbackStore } from '../store/create-feedback-store.js';
import type { FeedbackStore } from '../store/feedback-store.js';
import { createFeedbackAdvisor, FEEDBACK_RESPONSE_ID } from './feedback-advisor.js';

const llm = createLocalLlm();
const model = createOpenAICompatibleChatModel({
  provider: 'local',
  model: 'local',
  baseURL: llm.baseURL,
  fetch: llm.fetch,
  requireApiKey: false,
});

let database: TestDatabase;
let store: FeedbackStore;
// The first request loads local-llm's tokenizer (a few seconds); keep that out of the tests.
beforeAll(async () => {
  database = await createTestDatabase();
  store = await createFeedbackStore(database);
  await model.call({ messages: [userMessage('warm up')] });
}, 30_000);
afterAll(() => database.close());

describe('feedback advisor over HTTP (local-llm)', () => {
  it('records what the model was sent and what it answered, for call and stream', async () => {
    const advisor = createFeedbackAdvisor({ store });
    const client = createChatClient(model, { system: '请用中文回答。', advisors: [advisor] });
    const called = await client.prompt('什么是向量数据库？').options({ temperature: 0.2 }).call();
    const calledId = called.context.get(FEEDBACK_RESPONSE_ID) as string;
    const sent = llm.requests().at(-1)?.body as { messages: unknown; temperature: number };
    expect(sent.messages).toEqual([
      { role: 'system', content: '请用中文回答。' },
      { role: 'user', content: '什么是向量数据库？' },
    ]);

    const target = await advisor.resolveTarget(calledId);
    expect(target).toMatchObject({
      answer: called.content,
      model: called.response.model,
      provider: 'local',
      parameters: { temperature: sent.temperature },
    });
    expect(target?.answer.length).toBeGreaterThan(0);
    expect(target?.prompt.at(-1)).toEqual(userMessage('什么是向量数据库？'));

    const streamed = await client
      .prompt('讲一个关于熊猫的短故事')
      .advisorContext({ [FEEDBACK_RESPONSE_ID]: 'stream-http-1' })
      .stream()
      .collect();
    expect((await advisor.resolveTarget('stream-http-1'))?.answer).toBe(streamed.content);
    expect(await store.getTarget('stream-http-1')).toMatchObject({ answer: streamed.content });
  });
});
