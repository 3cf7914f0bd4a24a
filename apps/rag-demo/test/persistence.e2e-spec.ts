// The default store is a PGlite folder: vectors survive a restart (a second ingest of the same
// file is `unchanged`, and not even read: the ingest ledger is kept in the same folder), and the
// collection records its embedding model.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from './create-test-app.js';

const folder = mkdtempSync(join(tmpdir(), 'rag-demo-'));
const env = { DATABASE_URL: `file:${folder}`, RAG_COLLECTION: 'kept' };
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const ingestFaq = (app: Awaited<ReturnType<typeof createTestApp>>) =>
  request(app.getHttpServer()).post('/api/rag/ingest').send({ path: 'faq.json' });

describe('pgvector on a PGlite folder', () => {
  it('keeps the vectors across a restart', async () => {
    const first = await createTestApp(env);
    expect((await ingestFaq(first)).body).toMatchObject({ added: 4, unchanged: 0 });
    await first.close();
    expect(existsSync(join(folder, 'rag-demo-sources-kept.json'))).toBe(true);

    const second = await createTestApp(env);
    try {
      expect((await ingestFaq(second)).body).toMatchObject({
        added: 0,
        unchanged: 4,
        sources: { read: 0, unchanged: 1 },
      });
      const res = await request(second.getHttpServer())
        .post('/api/rag/ask')
        .send({ question: 'Which phones does the Aurora Home app support?' });
      expect(res.body.answer).toContain('Android 10 or newer and iOS 15 or newer');
      expect(res.body.citations[0]).toMatchObject({ source: 'faq.json' });
    } finally {
      await second.close();
    }
  });
});
