// Every route on the embedded model and pgvector on PGlite: ingest the sample corpus (idempotent),
// search with a filter, cited answers in English and Chinese, the SSE stream, deletion, and the
// seed's two routes with their bugs fixed (a real report; one retrieval per question).
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHAT,
  countVectors,
  createTestApp,
  EMBEDDINGS,
  ingestCorpus,
  modelRequests,
} from './create-test-app.js';

const CORPUS_CHUNKS = 15;
let app: NestExpressApplication;
beforeAll(async () => (app = await createTestApp()));
afterAll(async () => {
  await app.close();
});

const ask = (question: string, filter?: string) =>
  request(app.getHttpServer())
    .post('/api/rag/ask')
    .send(filter ? { question, filter } : { question });

describe('ingest', () => {
  it('reads every file of the corpus and stores its chunks', async () => {
    const res = await ingestCorpus(app);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      collection: 'docs',
      documents: CORPUS_CHUNKS,
      chunks: CORPUS_CHUNKS,
      added: CORPUS_CHUNKS,
      unchanged: 0,
      skipped: [],
    });
    expect(res.body.ids).toHaveLength(CORPUS_CHUNKS);
    expect(res.body.tokens).toBeGreaterThan(0);
    expect(await countVectors(app)).toBe(CORPUS_CHUNKS);
  });

  it('is idempotent: the same files again add nothing and embed nothing', async () => {
    const before = modelRequests(app, EMBEDDINGS).length;
    const res = await ingestCorpus(app);
    expect(res.body).toMatchObject({ added: 0, unchanged: CORPUS_CHUNKS, tokens: 0 });
    expect(modelRequests(app, EMBEDDINGS)).toHaveLength(before);
    expect(await countVectors(app)).toBe(CORPUS_CHUNKS);
  });

  it('the seed’s embedding_test reports what it ingested instead of a bare "success"', async () => {
    const res = await request(app.getHttpServer()).get('/api/qwen/embedding_test');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ chunks: CORPUS_CHUNKS, added: 0, unchanged: CORPUS_CHUNKS });
  });

  it('ingests one file by path, with its relative path as the source', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/rag/ingest')
      .send({ path: 'faq.json' });
    expect(res.body).toMatchObject({ documents: 4, added: 0, unchanged: 4 });
  });
});

describe('search', () => {
  it('ranks the right chunk first and returns its metadata and score', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/rag/search')
      .send({
        query: 'How long does a full charge take?',
        topK: 2,
        minRelevance: { vector: 0, lexical: 0 },
      });
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(2);
    const [first] = res.body.results;
    expect(first.metadata).toMatchObject({
      source: 'breeze-b2-manual.md',
      section: 'Breeze B2 user manual > Charging',
      lang: 'en',
    });
    expect(first.text).toContain('A full charge takes 3 hours');
    expect(first.score).toBeGreaterThan(res.body.results[1].score);
  });

  it('applies a filter (front matter and JSON metadata) and a threshold', async () => {
    const zh = await request(app.getHttpServer())
      .post('/api/rag/search')
      .send({ query: 'battery', topK: 10, filter: "lang == 'zh'", mode: 'vector' });
    expect(zh.body.results.length).toBeGreaterThan(0);
    for (const hit of zh.body.results) expect(hit.metadata.source).toBe('about-zh.md');
    const topic = await request(app.getHttpServer())
      .post('/api/rag/search')
      .send({ query: 'camera', filter: "topic in ['privacy', 'pets']", mode: 'vector' });
    expect(
      topic.body.results.map((h: { metadata: { topic: string } }) => h.metadata.topic).sort(),
    ).toEqual(['pets', 'privacy']);
    const strict = await request(app.getHttpServer())
      .post('/api/rag/search')
      .send({ query: 'camera', threshold: 0.99, mode: 'vector' });
    expect(strict.body.results).toEqual([]);
  });
});

describe('ask', () => {
  it('answers in English from the manual and cites its section, retrieving once', async () => {
    const embeddings = modelRequests(app, EMBEDDINGS).length;
    const chats = modelRequests(app, CHAT).length;
    const res = await ask('What does error code E7 mean?');
    expect(res.status).toBe(200);
    expect(res.body.answer).toBe(
      'Based on the context: The error code E7 means the main brush is tangled: remove hair from the brush and restart the robot. [1]',
    );
    expect(res.body.citations[0]).toMatchObject({
      source: 'breeze-b2-manual.md',
      section: 'Breeze B2 user manual > Maintenance',
    });
    // The seed searched twice per question: here one query embedding and one model call.
    expect(modelRequests(app, EMBEDDINGS)).toHaveLength(embeddings + 1);
    const sent = modelRequests(app, CHAT).slice(chats);
    expect(sent).toHaveLength(1);
    const { messages } = sent[0]!.body as { messages: { role: string; content: string }[] };
    expect(messages.filter((m) => m.role === 'system')).toEqual([]);
    expect(messages.at(-1)?.content.match(/Context information is below/g)).toHaveLength(1);
  });

  it('answers in Chinese and cites the page of the PDF or the section', async () => {
    const res = await ask('微风B2有哪些颜色？');
    // The embedded model quotes whole lines, each as a sentence, with the document's number.
    expect(res.body.answer).toBe('根据上下文：微风B2产品规格。微风B2有雪白和石板灰两种颜色。[1]');
    expect(res.body.citations[0]).toMatchObject({ source: 'product-sheet.pdf', page: 2 });
    const hotline = await ask('售后服务热线是多少？');
    expect(hotline.body.answer).toContain('400-820-8899');
    expect(hotline.body.citations[0].section).toBe('极光机器人公司简介 > 售后服务');
  });

  it('restricts the documents with a filter', async () => {
    const res = await ask('售后服务热线是多少？', "source == 'about-zh.md'");
    expect(res.body.citations.map((c: { source: string }) => c.source)).toEqual(
      expect.arrayContaining(['about-zh.md']),
    );
    for (const c of res.body.citations) expect(c.source).toBe('about-zh.md');
    // The answer's own source filtered out: nothing else is relevant enough, so no citation.
    const elsewhere = await ask('售后服务热线是多少？', "source == 'faq.json'");
    expect(elsewhere.body.citations).toEqual([]);
    expect(elsewhere.body.answer).not.toContain('400-820-8899');
  });

  it('streams citations first, then deltas, usage and done', async () => {
    const res = await request(app.getHttpServer())
      .get('/api/rag/ask/stream')
      .query({ question: 'What does error code E7 mean?' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = [...res.text.matchAll(/^event: (\w+)\n(?:id: \d+\n)?data: (.*)$/gm)].map(
      ([, type, data]) => ({ type, data: JSON.parse(data!) }),
    );
    expect(events[0]?.type).toBe('retrieved');
    expect(events[0]?.data.citations[0].source).toBe('breeze-b2-manual.md');
    expect(events.at(-1)).toEqual({
      type: 'done',
      data: { finishReason: 'stop', provider: 'local', model: 'local' },
    });
    const text = events.filter((e) => e.type === 'delta').map((e) => e.data.text as string);
    expect(text.join('')).toBe(
      'Based on the context: The error code E7 means the main brush is tangled: remove hair from the brush and restart the robot. [1]',
    );
  });

  it('serves the seed’s chat as /api/rag/chat in plain text', async () => {
    const res = await request(app.getHttpServer())
      .get('/api/rag/chat')
      .query({ userInput: 'Who founded Aurora Robotics?' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).toContain('founded in 2019 in Hangzhou by Lin Qiao and Marco Ferri');
  });
});

describe('delete', () => {
  it('deletes by filter and by ids, and counts what it deleted', async () => {
    const server = app.getHttpServer();
    const byFilter = await request(server)
      .delete('/api/rag/vectors')
      .send({ filter: "source == 'faq.json'" });
    expect(byFilter.status).toBe(200);
    expect(byFilter.body).toEqual({ deleted: 4 });
    const ids = (await ingestCorpus(app)).body.ids as string[];
    expect(await countVectors(app)).toBe(CORPUS_CHUNKS);
    const byIds = await request(server)
      .delete('/api/rag/vectors')
      .send({ ids: [...ids.slice(0, 2), 'no-such-id'] });
    expect(byIds.body).toEqual({ deleted: 2 });
    expect(await countVectors(app)).toBe(CORPUS_CHUNKS - 2);
  });
});
