// Issue 12 §6: an ingest bigger than RAG_SYNC_INGEST_BYTES is a job (202 + Location), its
// progress comes over SSE and its report (or error body) from GET /api/rag/jobs/:id; /health
// answers while a 9 MB one-paragraph Markdown file is split (asserted by order, never by time);
// jobs run on a bounded queue (429 + Retry-After beyond); logs hold ids and counts, not text.
import { Logger, type LoggerService } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { localLlmOf, parseSse } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countVectors, createTestApp } from './create-test-app.js';
import { readEvents } from './read-events.js';

const SYNC_LIMIT = 1024;
let app: NestExpressApplication;
beforeAll(
  async () =>
    (app = await createTestApp({
      RAG_SYNC_INGEST_BYTES: String(SYNC_LIMIT),
      RAG_MAX_UPLOAD_BYTES: String(12 * 1024 * 1024),
    })),
);
afterAll(async () => {
  await app.close();
});

const LAMP_LOG = Array.from({ length: 60 }, (_, i) => `第 ${i} 行：Nova 台灯在夜里发出琥珀色的光。`)
  .join('\n')
  .padEnd(SYNC_LIMIT + 1, '.');
const upload = (content: string | Buffer, name: string) =>
  request(app.getHttpServer())
    .post('/api/rag/documents')
    .attach('files', Buffer.from(content), name);

describe('ingest jobs', () => {
  it('a small ingest answers at once with its report (200)', async () => {
    const res = await upload('The Nova lamp has a dimmer.', 'dimmer.txt');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ documents: 1, added: 1 });
  });

  it('a larger one is a job: 202, then its events and its report', async () => {
    const accepted = await upload(LAMP_LOG, 'lamp-log.txt');
    expect(accepted.status).toBe(202);
    const { id } = accepted.body as { id: string };
    expect(accepted.headers.location).toBe(`/api/rag/jobs/${id}`);
    expect(accepted.body).toEqual({
      id,
      status: 'queued',
      input: { kind: 'upload', files: 1, bytes: Buffer.byteLength(LAMP_LOG) },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      progress: null,
    });

    const events = parseSse(await readEvents(app, `/api/rag/jobs/${id}/events`));
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    const { result } = done.data as { result: { chunks: number; added: number } };
    expect(result).toMatchObject({ collection: 'docs', documents: 1, skipped: [] });
    expect(result).not.toHaveProperty('ids'); // a big job's would run to thousands
    const milestones = events.filter(
      (e) =>
        e.event !== 'progress' ||
        [0, (e.data as { total: number }).total].includes((e.data as { done: number }).done),
    );
    const n = result.added;
    const at = (phase: string, done: number, total: number, read: number, embedded: number) => [
      'progress',
      {
        phase,
        done,
        total,
        files: { total: 1, read, unchanged: 0, skipped: 0 },
        // -1: before the embed phase, which sets the chunks to embed.
        chunks: embedded === -1 ? { embedded: 0, total: 0 } : { embedded, total: n },
      },
    ];
    expect(milestones.map((e) => [e.event, e.data])).toEqual([
      ['status', { id, status: 'queued' }],
      ['status', { id, status: 'running' }],
      at('check', 0, 1, 0, -1),
      at('check', 1, 1, 0, -1),
      at('read', 0, 1, 0, -1),
      at('read', 1, 1, 1, -1),
      at('embed', 0, n, 1, 0),
      at('embed', n, n, 1, n),
      at('store', 0, n, 1, n),
      at('store', n, n, 1, n),
      ['done', { id, status: 'succeeded', result }],
    ]);

    const view = await request(app.getHttpServer()).get(`/api/rag/jobs/${id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ id, status: 'succeeded', result });
    expect(view.body.progress).toEqual(at('store', n, n, 1, n)[1]);
  });

  it('a job that fails keeps the error body the request would have had (422)', async () => {
    const before = await countVectors(app);
    const broken = `%PDF-1.4\n1 0 obj\n<< /Type /Catalog ${'x'.repeat(SYNC_LIMIT)}`;
    const accepted = await upload(broken, 'broken.pdf');
    expect(accepted.status).toBe(202);
    const events = parseSse(await readEvents(app, `/api/rag/jobs/${accepted.body.id}/events`));
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { status: 'failed' } });
    const view = await request(app.getHttpServer()).get(`/api/rag/jobs/${accepted.body.id}`);
    expect(view.body.status).toBe('failed');
    expect(view.body.error).toMatchObject({
      statusCode: 422,
      error: 'Unprocessable Entity',
      details: [
        {
          field: 'files',
          reason: expect.stringMatching(/^upload\/[0-9a-f]{12}\/broken\.pdf: not a valid PDF/),
        },
      ],
    });
    expect(await countVectors(app)).toBe(before);
  });

  it('an unknown job is a 404 and a malformed id a 400, both naming `id`', async () => {
    const unknown = await request(app.getHttpServer()).get(
      '/api/rag/jobs/00000000-0000-4000-8000-000000000000/events',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.details).toEqual([{ field: 'id', reason: 'is not a known job' }]);
    const malformed = await request(app.getHttpServer()).get('/api/rag/jobs/not-a-job');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details[0].field).toBe('id');
  });

  it('/health answers while a 9 MB Markdown paragraph is split (before the split ends)', async () => {
    const paragraph = `# 段落\n\n${'lorem ipsum 中文 dolor sit amet '.repeat(320_000)}`;
    const accepted = await upload(paragraph, 'paragraph.md');
    expect(accepted.status).toBe(202);
    const order: string[] = [];
    const events = readEvents(app, `/api/rag/jobs/${accepted.body.id}/events`, (event) => {
      if (event.event === 'status' && (event.data as { status: string }).status === 'running')
        void request(app.getHttpServer())
          .get('/health')
          .then((res) => order.push(`health ${res.status}`));
      if (
        event.event === 'progress' &&
        (event.data as { phase: string; done: number }).phase === 'read'
      )
        order.push(`read ${(event.data as { done: number }).done}`);
    });
    const last = parseSse(await events).at(-1)!;
    expect(last.event).toBe('done');
    expect(order.filter((step) => step !== 'read 0')).toEqual(['health 200', 'read 1']);
  });
});

describe('bounded job queue', () => {
  it('a job beyond the queue is a 429 with Retry-After; accepted work still finishes', async () => {
    const small = await createTestApp({
      RAG_SYNC_INGEST_BYTES: String(SYNC_LIMIT),
      RAG_INGEST_CONCURRENCY: '1',
      RAG_INGEST_QUEUE: '0',
      RAG_COLLECTION: 'queue',
    });
    try {
      // The first job's embedding request waits: it holds the only slot while the next comes.
      localLlmOf(small).faults({ latencyMs: 60_000, times: 1 });
      const server = small.getHttpServer();
      const first = await request(server)
        .post('/api/rag/documents')
        .attach('files', Buffer.from(LAMP_LOG), 'a.txt');
      expect(first.status).toBe(202);
      await waitForRunning(small, first.body.id);
      const refused = await request(server)
        .post('/api/rag/documents')
        .attach('files', Buffer.from(LAMP_LOG), 'b.txt');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(refused.body.message).toMatch(/^Too many ingests at once \(1 running, 0 waiting\)/);
      const sync = await request(server).post('/api/rag/ingest').send({ path: 'company.txt' });
      expect(sync.status).toBe(429);
    } finally {
      await small.close();
    }
  });
});

describe('logs', () => {
  it('say ids, sizes and counts, never the document text', async () => {
    const lines: string[] = [];
    const capture = (message: unknown) => void lines.push(String(message));
    const logger: LoggerService = { log: capture, warn: capture, error: capture };
    Logger.overrideLogger(logger);
    try {
      const secret = `机密段落 SECRET-TEXT-5521 ${'保密内容。'.repeat(400)}`;
      const accepted = await upload(secret, 'secret.txt');
      await readEvents(app, `/api/rag/jobs/${accepted.body.id}/events`);
      await upload(`${secret} again`, 'secret.pdf'); // fails: not a PDF
    } finally {
      Logger.overrideLogger(false);
    }
    expect(
      lines.some((line) => /^job [0-9a-f-]{36} accepted: 1 file\(s\), \d+ bytes$/.test(line)),
    ).toBe(true);
    expect(lines.some((line) => /chunks from 1 file\(s\)/.test(line))).toBe(true);
    for (const line of lines) {
      expect(line).not.toContain('SECRET-TEXT');
      expect(line).not.toContain('机密');
    }
  });
});

async function waitForRunning(target: NestExpressApplication, id: string): Promise<void> {
  await readEvents(target, `/api/rag/jobs/${id}/events`, (event, stop) => {
    if (event.event === 'status' && (event.data as { status: string }).status === 'running') stop();
  });
}
