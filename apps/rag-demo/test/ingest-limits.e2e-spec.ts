// Issue 12 §5: inputs that reached a 500 or were buffered whole. A multipart request of twenty
// 9 MB files (180 MB) is a 413 naming RAG_MAX_REQUEST_BYTES: from its Content-Length before a
// byte is read, or, sent chunked, as soon as the bytes received pass the limit; a folder whose
// files add up to more is a 413 too. A PDF whose cross-references loop is a 422. Nothing is stored.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countVectors, createTestApp } from './create-test-app.js';

const MB = 1024 * 1024;
const LIMIT = 32 * MB; // the default RAG_MAX_REQUEST_BYTES
const BOUNDARY = 'rag-demo-limit-test';
/**
 * Its trailer's /Prev names its own cross-reference table and its page tree's only kid is the
 * page tree itself (written by packages/rag/src/__fixtures__/make-pdf.ts, makeLoopingPdf).
 */
const LOOPING_PDF = readFileSync(new URL('./fixtures/looping-xref.pdf', import.meta.url));
const base = mkdtempSync(join(tmpdir(), 'rag-demo-limits-'));
let app: NestExpressApplication;
let port: number;

beforeAll(async () => {
  mkdirSync(join(base, 'big'), { recursive: true });
  for (let i = 0; i < 3; i++) writeFileSync(join(base, 'big', `part-${i}.txt`), 'x'.repeat(2048));
  app = await createTestApp({ RAG_INGEST_ROOT: base });
  const server = app.getHttpServer() as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await app.close();
  rmSync(base, { recursive: true, force: true });
});

/** Twenty 9 MB file parts, generated as they are sent (the test never holds 180 MB either). */
function* multipartBody(): Generator<Buffer> {
  const block = Buffer.alloc(MB, '大'.repeat(1));
  for (let file = 0; file < 20; file++) {
    yield Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="part-${file}.txt"\r\n` +
        'Content-Type: text/plain\r\n\r\n',
    );
    for (let i = 0; i < 9; i++) yield block;
    yield Buffer.from('\r\n');
  }
  yield Buffer.from(`--${BOUNDARY}--\r\n`);
}

/** Sends the 180 MB request (as long as the server reads it); resolves with the answer. */
function sendHugeUpload(declareLength: boolean): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const headers: Record<string, string> = {
      'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
    };
    if (declareLength) headers['Content-Length'] = String(20 * 9 * MB + 20 * 200);
    const req = httpRequest(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/rag/documents', headers },
      (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
        });
      },
    );
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const parts = multipartBody();
    const pump = () => {
      for (let next = parts.next(); !next.done && !answered; next = parts.next()) {
        if (!req.write(next.value)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('request size limit (RAG_MAX_REQUEST_BYTES)', () => {
  const refusal = {
    statusCode: 413,
    error: 'Payload Too Large',
    message: `Too large to ingest: the request must be at most ${LIMIT} bytes (RAG_MAX_REQUEST_BYTES).`,
    details: [
      {
        field: 'files',
        reason: `the request must be at most ${LIMIT} bytes (RAG_MAX_REQUEST_BYTES)`,
      },
    ],
  };

  it('180 MB declared in Content-Length: a 413 naming the limit, nothing stored', async () => {
    const before = await countVectors(app);
    const answer = await sendHugeUpload(true);
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual(refusal);
    expect(await countVectors(app)).toBe(before);
  });

  // multer reads the rest of a refused body (and drops it) before it answers, so the answer comes
  // once the client has sent everything; what is kept stops at the limit
  // (src/ingest/counting-memory-storage.test.ts).
  it('180 MB sent chunked: a 413 naming the limit, nothing stored', async () => {
    const before = await countVectors(app);
    const answer = await sendHugeUpload(false);
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual(refusal);
    expect(await countVectors(app)).toBe(before);
    const health = await request(app.getHttpServer()).get('/health');
    expect(health.status).toBe(200);
  });

  it('a folder whose files add up to more than the limit is a 413 naming `path`', async () => {
    const small = await createTestApp({
      RAG_INGEST_ROOT: base,
      RAG_MAX_UPLOAD_BYTES: '4096',
      RAG_MAX_REQUEST_BYTES: '5000',
      RAG_COLLECTION: 'folder_limit',
    });
    try {
      const res = await request(small.getHttpServer())
        .post('/api/rag/ingest')
        .send({ path: 'big' });
      expect(res.status).toBe(413);
      expect(res.body.details).toEqual([
        {
          field: 'path',
          reason: 'the files under "big" must be at most 5000 bytes (RAG_MAX_REQUEST_BYTES)',
        },
      ]);
    } finally {
      await small.close();
    }
  });
});

describe('a PDF whose cross-references loop', () => {
  it('is a 422 naming the file, not a 500 or a hang', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/rag/documents')
      .attach('files', LOOPING_PDF, 'loop.pdf')
      .field('path', 'pdf/loop.pdf'); // the source the client named
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual([
      {
        field: 'files',
        reason: 'pdf/loop.pdf: a page cannot be read (Pages tree contains circular reference.)',
      },
    ]);
  });
});
