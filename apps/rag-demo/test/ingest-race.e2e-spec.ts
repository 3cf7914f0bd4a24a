// Issue 12 §1, the TOCTOU race: while ingests run, worker threads swap a file inside
// RAG_INGEST_ROOT between itself and a symbolic link to a file outside, and a folder on another
// path between itself and a link to an outside folder. Every answer is a 200 or a 4xx (never a
// 5xx), a folder ingest reports the swapped file as skipped when it was swapped at the wrong
// moment, and no stored chunk ever holds the outside files' marker text.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startPathSwapper } from '@repo/tools/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './create-test-app.js';

const MARKER = 'OUTSIDE-MARKER 机密 vault code 7731';
const INSIDE = '台灯说明：Nova 台灯在夜里发出琥珀色的光。';
const INGESTS = 160;
const CONCURRENCY = 8;
const base = mkdtempSync(join(tmpdir(), 'rag-demo-race-'));
const root = join(base, 'root');
let app: NestExpressApplication;

beforeAll(async () => {
  mkdirSync(join(root, 'notes'), { recursive: true });
  mkdirSync(join(root, 'sub'), { recursive: true });
  mkdirSync(join(base, 'outside-dir'), { recursive: true });
  writeFileSync(join(base, 'secret.txt'), MARKER);
  writeFileSync(join(base, 'outside-dir', 'note.txt'), MARKER);
  writeFileSync(join(root, 'notes', 'lamp.md'), '# Lamp\n\nThe Nova lamp glows amber.');
  writeFileSync(join(root, 'notes', 'swap.txt'), INSIDE);
  writeFileSync(join(root, 'sub', 'note.txt'), INSIDE);
  app = await createTestApp({ RAG_INGEST_ROOT: root, RAG_COLLECTION: 'race' });
});
afterAll(async () => {
  await app.close();
  rmSync(base, { recursive: true, force: true });
});

const PATHS = ['notes', 'notes/swap.txt', 'sub/note.txt', '.'];

describe('ingest while files are swapped for links (TOCTOU)', () => {
  it('never stores outside content and never answers 5xx', async () => {
    const swappers = [
      startPathSwapper({
        target: join(root, 'notes', 'swap.txt'),
        outside: join(base, 'secret.txt'),
        kind: 'file',
        content: INSIDE,
      }),
      startPathSwapper({
        target: join(root, 'sub'),
        outside: join(base, 'outside-dir'),
        kind: 'directory',
      }),
    ];
    const answers: { path: string; status: number; body: Record<string, unknown> }[] = [];
    let next = 0;
    const client = async () => {
      while (next < INGESTS) {
        const path = PATHS[next++ % PATHS.length]!;
        const res = await request(app.getHttpServer()).post('/api/rag/ingest').send({ path });
        answers.push({ path, status: res.status, body: res.body as Record<string, unknown> });
      }
    };
    try {
      await Promise.all(Array.from({ length: CONCURRENCY }, client));
    } finally {
      for (const swapper of swappers) expect(await swapper.stop()).toBeGreaterThan(1000);
    }

    expect(answers).toHaveLength(INGESTS);
    for (const answer of answers) {
      expect(answer.status, JSON.stringify(answer)).toBeLessThan(500);
      expect(JSON.stringify(answer.body)).not.toContain('OUTSIDE-MARKER');
      expect(JSON.stringify(answer.body)).not.toContain(base);
    }
    // The race really ran: some folder ingests skipped the swapped file, some single-file
    // ingests were refused.
    const skippedSwap = answers.filter(
      (a) =>
        a.path === 'notes' &&
        (a.body.skipped as { source: string }[]).some((s) => s.source === 'notes/swap.txt'),
    );
    expect(skippedSwap.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.path !== 'notes' && a.status >= 400).length).toBeGreaterThan(0);

    const stored = await request(app.getHttpServer())
      .post('/api/rag/search')
      .send({ query: 'OUTSIDE-MARKER vault code 机密', topK: 50, mode: 'vector' });
    expect(stored.status).toBe(200);
    const texts = (stored.body.results as { text: string }[]).map((r) => r.text);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.length).toBeLessThan(50);
    for (const text of texts) expect(text).not.toContain('OUTSIDE-MARKER');
  });
});
