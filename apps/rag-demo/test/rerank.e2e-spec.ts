// RAG_RERANK=on: after hybrid retrieval the chat model ranks the passages (one extra call, with the
// numbered passages and the question), then answers from the reranked documents. The embedded
// model's reply holds no usable ranking, so the retrieval order stands.
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHAT, createTestApp, ingestCorpus, modelRequests } from './create-test-app.js';

let app: NestExpressApplication;
beforeAll(async () => {
  app = await createTestApp({ RAG_RERANK: 'on' });
  expect((await ingestCorpus(app)).status).toBe(200);
});
afterAll(() => app.close());

it('asks the chat model to rank the passages before it answers', async () => {
  const before = modelRequests(app, CHAT).length;
  const res = await request(app.getHttpServer())
    .post('/api/rag/ask')
    .send({ question: 'Breeze B2 user manual: charging, setup and maintenance' });
  expect(res.status).toBe(200);
  const sent = modelRequests(app, CHAT).slice(before);
  const prompts = sent.map((r) => {
    const { messages } = r.body as { messages: Array<{ content: string }> };
    return messages.at(-1)!.content;
  });
  expect(prompts).toHaveLength(2);
  expect(prompts[0]).toContain('Rank the passages below');
  expect(prompts[0]).toContain('Question: Breeze B2 user manual: charging, setup and maintenance');
  expect(prompts[0]).toMatch(/^\[1\] /m);
  expect(prompts[1]).toContain('Context information is below');
});
