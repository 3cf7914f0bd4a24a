// A user mistake is never a 500: 415 for a type we cannot read, 422 for a corrupt file (named),
// 413 over the upload limit, empty files skipped and reported, 400 for a bad filter (with its
// position), a path leaving the ingest root, or an unknown field. A failed ingest leaves the store
// as it was.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { localLlmOf } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countVectors, createTestApp } from './create-test-app.js';

const LIMIT = 4096;
let app: NestExpressApplication;
beforeAll(async () => (app = await createTestApp({ RAG_MAX_UPLOAD_BYTES: String(LIMIT) })));
afterAll(async () => {
  await app.close();
});

const upload = (...files: [content: string | Buffer, name: string][]) => {
  const req = request(app.getHttpServer()).post('/api/rag/documents');
  for (const [content, name] of files) req.attach('files', Buffer.from(content), name);
  return req;
};
const GOOD = 'The Nova lamp glows amber at night and lasts for twelve hours on one charge.';
const CORRUPT_PDF = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R';

describe('uploads', () => {
  it('ingests an upload, then reports it unchanged the second time', async () => {
    const first = await upload([GOOD, 'lamp.txt']);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ documents: 1, added: 1, unchanged: 0, skipped: [] });
    const again = await upload([GOOD, 'lamp.txt']);
    expect(again.body).toMatchObject({ added: 0, unchanged: 1 });
    const hits = await request(app.getHttpServer())
      .post('/api/rag/search')
      .send({ query: 'amber lamp', topK: 1 });
    // Sent without a path: a unique name from the bytes (the same file is the same source).
    expect(hits.body.results[0].metadata).toMatchObject({
      source: expect.stringMatching(/^upload\/[0-9a-f]{12}\/lamp\.txt$/),
      filename: 'lamp.txt',
    });
  });

  it('an unsupported type is a 415 listing what is supported', async () => {
    const res = await upload(['\x89PNG', 'logo.png']);
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
    expect(res.body.message).toMatch(/^Cannot read "upload\/[0-9a-f]{12}\/logo\.png"/);
    expect(res.body.details[0]).toMatchObject({ field: 'files' });
    expect(res.body.details[0].reason).toContain('.pdf');
  });

  it('a corrupt PDF is a 422 naming the file, and the good file beside it is not stored', async () => {
    const before = await countVectors(app);
    const res = await upload(
      ['Solar panels charge the Nova lamp in daylight.', 'solar.txt'],
      [CORRUPT_PDF, 'broken.pdf'],
    );
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('Unprocessable Entity');
    expect(res.body.message).toMatch(
      /^"upload\/[0-9a-f]{12}\/broken\.pdf" is not a readable document/,
    );
    expect(await countVectors(app)).toBe(before);
  });

  it('a file over the limit is a 413 naming the limit', async () => {
    const res = await upload(['x'.repeat(LIMIT + 1), 'big.txt']);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: `A file is larger than the ${LIMIT}-byte limit.`,
      details: [
        { field: 'files', reason: `must be at most ${LIMIT} bytes (RAG_MAX_UPLOAD_BYTES)` },
      ],
    });
  });

  it('an empty file is skipped and reported; only empty files is a 422', async () => {
    const mixed = await upload([GOOD, 'lamp.txt'], ['  \n', 'empty.txt']);
    expect(mixed.status).toBe(200);
    expect(mixed.body.skipped).toEqual([
      { source: expect.stringMatching(/^upload\/\w+\/empty\.txt$/), reason: 'it contains no text' },
    ]);
    const only = await upload(['', 'empty.md']);
    expect(only.status).toBe(422);
    expect(only.body.details).toEqual([
      {
        field: 'files',
        reason: expect.stringMatching(/^upload\/\w+\/empty\.md: it contains no text$/),
      },
    ]);
  });

  it('no file is a 400 naming the field', async () => {
    const res = await request(app.getHttpServer()).post('/api/rag/documents').field('x', '1');
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('files');
  });

  it('a failed embedding call leaves the store as it was (502)', async () => {
    const llm = localLlmOf(app);
    const before = await countVectors(app);
    llm.faults({ status: 400, message: 'embedding refused' });
    try {
      const res = await upload(['The Nova lamp has a dimmer with five steps.', 'dimmer.txt']);
      expect(res.status).toBe(502);
    } finally {
      llm.reset();
    }
    expect(await countVectors(app)).toBe(before);
  });
});

describe('bad filters and fields', () => {
  it.each([
    ['/api/rag/search', { query: 'lamp', filter: "lang == 'en' &&" }, 15],
    ['/api/rag/ask', { question: 'lamp?', filter: 'topic in privacy' }, 9],
  ])('%s: a bad filter is a 400 with its position', async (path, body, position) => {
    const res = await request(app.getHttpServer()).post(path).send(body);
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('filter');
    expect(res.body.details[0].reason).toContain(`at position ${position}`);
  });

  it('the stream checks its filter before streaming (a plain 400)', async () => {
    const res = await request(app.getHttpServer())
      .get('/api/rag/ask/stream')
      .query({ question: 'lamp?', filter: '(a == 1' });
    expect(res.status).toBe(400);
    expect(res.body.details[0].reason).toContain('at position 7');
  });

  it('deleting needs exactly one of ids and filter; a bad filter names its position', async () => {
    const server = app.getHttpServer();
    for (const body of [{}, { ids: ['a'], filter: "a == 'b'" }]) {
      const res = await request(server).delete('/api/rag/vectors').send(body);
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('ids');
    }
    const bad = await request(server).delete('/api/rag/vectors').send({ filter: 'a = 1' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].reason).toContain('position 2');
  });

  it.each([
    ['/api/rag/search', { query: 'lamp', top_k: 3 }, 'top_k'],
    ['/api/rag/ask', { question: 'lamp?', system: 'be rude' }, 'system'],
    ['/api/rag/ingest', { path: '.', recursive: true }, 'recursive'],
  ])('%s: an unknown field is a 400 naming it', async (path, body, field) => {
    const res = await request(app.getHttpServer()).post(path).send(body);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('a missing or out-of-range value is a 400 naming it', async () => {
    const server = app.getHttpServer();
    const noQuery = await request(server).post('/api/rag/search').send({ topK: 3 });
    expect(noQuery.body.details[0].field).toBe('query');
    const topK = await request(server).post('/api/rag/search').send({ query: 'x', topK: 0 });
    expect(topK.body.details[0].field).toBe('topK');
    const chat = await request(server).get('/api/rag/chat');
    expect(chat.status).toBe(400);
    expect(chat.body.details[0].field).toBe('userInput');
  });
});
