// Issue 17: ingest progress over SSE on the ingest routes themselves (`Accept: text/event-stream`):
// status, progress with running counts (files read / unchanged / skipped, chunks embedded of
// total), then `done` with the report or `error` with the error body the request would have had.
// A folder re-ingest skips unchanged files unread, removes a changed file's old chunks and, with
// `prune`, the files deleted from it. Chinese names and text throughout.
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { SseRecord } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, EMBEDDINGS, modelRequests } from './create-test-app.js';
import { postEvents } from './post-events.js';

const root = mkdtempSync(join(tmpdir(), 'rag-demo-events-'));
const FILES = {
  '手册/安装.md': '# 安装\n\n把台灯放在桌上，接上电源。',
  '手册/保养.md': '# 保养\n\n每周用干布擦拭灯罩。',
  '手册/常见问题.txt': '台灯不亮时，请先检查电源。',
};
let app: NestExpressApplication;
beforeAll(async () => {
  mkdirSync(join(root, '手册'), { recursive: true });
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(root, name), text);
  writeFileSync(join(root, '手册', '图标.png'), '\x89PNG');
  app = await createTestApp({ RAG_INGEST_ROOT: root });
});
afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

const ingestFolder = (body: object) =>
  postEvents(request(app.getHttpServer()).post('/api/rag/ingest').send(body));
const progressOf = (events: SseRecord[]) =>
  events.filter((e) => e.event === 'progress').map((e) => e.data as Progress);
interface Progress {
  phase: string;
  done: number;
  total: number;
  files: { total: number; read: number; unchanged: number; skipped: number };
  chunks: { embedded: number; total: number };
}
interface Done {
  status: string;
  result: { added: number; chunks: number; removed: number; pruned: string[] } & Record<
    string,
    unknown
  >;
}

describe('ingest progress over SSE', () => {
  it('streams a folder ingest to its end, with counts, then re-ingests unchanged files unread', async () => {
    const first = await ingestFolder({ path: '手册' });
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/event-stream/);
    const id = first.headers.location!.split('/').at(-1)!;
    expect(first.events.slice(0, 2).map((e) => e.data)).toEqual([
      { id, status: 'queued' },
      { id, status: 'running' },
    ]);
    const done = first.events.at(-1)!;
    expect(done.event).toBe('done');
    const { result } = done.data as Done;
    expect(result).toMatchObject({ chunks: 3, added: 3, sources: { read: 4, unchanged: 0 } });
    expect(result.skipped).toEqual([{ source: '手册/图标.png', reason: 'unsupported file type' }]);
    const last = progressOf(first.events).at(-1)!;
    expect(last).toEqual({
      phase: 'store',
      done: 3,
      total: 3,
      files: { total: 4, read: 4, unchanged: 0, skipped: 0 },
      chunks: { embedded: 3, total: 3 },
    });
    expect(
      progressOf(first.events)
        .filter((p) => p.phase === 'embed')
        .at(-1)?.chunks,
    ).toEqual({
      embedded: 3,
      total: 3,
    });

    const embedCalls = modelRequests(app, EMBEDDINGS).length;
    const again = await ingestFolder({ path: '手册' });
    const check = progressOf(again.events).find((p) => p.phase === 'check' && p.done === p.total);
    expect(check?.files).toEqual({ total: 4, read: 0, unchanged: 3, skipped: 0 });
    expect(progressOf(again.events).some((p) => p.phase === 'embed')).toBe(false);
    expect((again.events.at(-1)!.data as Done).result).toMatchObject({
      chunks: 3,
      added: 0,
      unchanged: 3,
      sources: { read: 1, unchanged: 3 }, // the PNG is read (and skipped) each time
    });
    expect(modelRequests(app, EMBEDDINGS)).toHaveLength(embedCalls);
  });

  it('a changed file loses its old chunks; prune removes a deleted one', async () => {
    writeFileSync(join(root, '手册', '保养.md'), '# 保养\n\n每月检查一次电源线。');
    unlinkSync(join(root, '手册', '常见问题.txt'));
    const changed = await ingestFolder({ path: '手册' });
    expect((changed.events.at(-1)!.data as Done).result).toMatchObject({
      added: 1,
      removed: 1,
      pruned: [],
    });
    const pruned = await ingestFolder({ path: '手册', prune: true });
    expect((pruned.events.at(-1)!.data as Done).result).toMatchObject({
      added: 0,
      removed: 1,
      pruned: ['手册/常见问题.txt'],
    });
    const hits = await request(app.getHttpServer())
      .post('/api/rag/search')
      .send({ query: '台灯 电源', topK: 20, mode: 'vector' });
    expect(hits.body.results.map((r: { text: string }) => r.text).sort()).toEqual(
      ['# 安装\n\n把台灯放在桌上，接上电源。', '# 保养\n\n每月检查一次电源线。'].sort(),
    );
  });

  it('streams an upload, and a failing one ends with the error body', async () => {
    const ok = await postEvents(
      request(app.getHttpServer())
        .post('/api/rag/documents')
        .attach('files', Buffer.from('灯罩是磨砂玻璃做的。'), '材料.txt')
        .field('path', '上传/材料.txt'),
    );
    expect(ok.events.at(-1)).toMatchObject({
      event: 'done',
      data: { status: 'succeeded', result: { added: 1, sources: { read: 1, unchanged: 0 } } },
    });
    const broken = await postEvents(
      request(app.getHttpServer())
        .post('/api/rag/documents')
        .attach('files', Buffer.from('%PDF-1.4\n1 0 obj'), '坏的.pdf'),
    );
    expect(broken.status).toBe(200);
    expect(broken.events.at(-1)).toMatchObject({
      event: 'error',
      data: {
        status: 'failed',
        error: { statusCode: 422, error: 'Unprocessable Entity', details: [{ field: 'files' }] },
      },
    });
  });

  it('a request refused before the stream is the usual JSON error', async () => {
    const outside = await ingestFolder({ path: '../外面' });
    expect(outside.status).toBe(400);
    expect(outside.json).toMatchObject({ statusCode: 400, details: [{ field: 'path' }] });
    const badPath = await postEvents(
      request(app.getHttpServer())
        .post('/api/rag/documents')
        .attach('files', Buffer.from('内容。'), 'a.md')
        .field('path', '../a.md'),
    );
    expect(badPath.status).toBe(400);
    expect(badPath.json).toMatchObject({ details: [{ field: 'path[0]' }] });
  });
});
