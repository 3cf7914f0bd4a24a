// POST /api/rag/ingest stays inside RAG_INGEST_ROOT: `..`, absolute paths, hidden files and
// symbolic links leading out are 400s naming `path`; a missing file is a 404. Inside a folder,
// unreadable files and links are skipped and reported rather than failing the run.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './create-test-app.js';

const base = mkdtempSync(join(tmpdir(), 'rag-demo-root-'));
const root = join(base, 'root');
const outside = join(base, 'secret.txt');
let app: NestExpressApplication;

beforeAll(async () => {
  mkdirSync(join(root, 'notes'), { recursive: true });
  writeFileSync(outside, 'The vault code is 1234.');
  writeFileSync(join(root, 'notes', 'lamp.md'), '# Lamp\n\nThe Nova lamp glows amber.');
  writeFileSync(join(root, 'notes', 'logo.png'), '\x89PNG');
  writeFileSync(join(root, 'notes', 'broken.pdf'), '%PDF-1.4\n1 0 obj');
  writeFileSync(join(root, '.env'), 'KEY=secret');
  symlinkSync(outside, join(root, 'escape.txt'));
  symlinkSync(outside, join(root, 'notes', 'linked.txt'));
  app = await createTestApp({ RAG_INGEST_ROOT: root });
});
afterAll(async () => {
  await app.close();
  rmSync(base, { recursive: true, force: true });
});

const ingest = (path: string) =>
  request(app.getHttpServer()).post('/api/rag/ingest').send({ path });

describe('ingest root confinement', () => {
  it.each([
    ['../secret.txt', 'leaves the ingest root'],
    ['notes/../../secret.txt', 'leaves the ingest root'],
    [outside, 'is absolute'],
    ['C:\\Windows\\win.ini', 'is absolute'],
    ['.env', 'is a hidden file or folder'],
    ['escape.txt', 'symbolic link (or inside one) leading outside the ingest root'],
  ])('%s is a 400 naming `path`', async (path, reason) => {
    const res = await ingest(path);
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('path');
    expect(res.body.details[0].reason).toContain(reason);
    // The root's location stays private.
    expect(JSON.stringify(res.body)).not.toContain(root);
  });

  it('a missing file is a 404', async () => {
    const res = await ingest('notes/nothing.md');
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('No file or folder "notes/nothing.md" in the ingest root.');
  });

  it('a folder skips (and reports) what it cannot read, and ingests the rest', async () => {
    const res = await ingest('notes');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ documents: 1, added: 1 });
    expect(res.body.skipped).toEqual([
      { source: 'notes/linked.txt', reason: 'symbolic links inside a folder are not followed' },
      { source: 'notes/broken.pdf', reason: expect.stringContaining('not a valid PDF') },
      { source: 'notes/logo.png', reason: 'unsupported file type' },
    ]);
    const hit = await request(app.getHttpServer())
      .post('/api/rag/search')
      .send({ query: 'amber', topK: 5 });
    expect(
      hit.body.results.map((r: { metadata: { source: string } }) => r.metadata.source),
    ).toEqual(['notes/lamp.md']);
  });

  it('a single unreadable file is as strict as an upload (415)', async () => {
    expect((await ingest('notes/logo.png')).status).toBe(415);
    expect((await ingest('notes/broken.pdf')).status).toBe(422);
  });
});
