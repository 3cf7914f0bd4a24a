// Issue 17: an upload keeps the client's relative path as its source (a `path` field per file, or
// a relative file name), else gets a unique `upload/<hash>/<name>`; three README.md are three
// sources, and only an upload of the very same path replaces a folder-ingested file. A path with
// `..`, an absolute path or a NUL is a 400 naming the field. Chinese names and text throughout.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './create-test-app.js';

const root = mkdtempSync(join(tmpdir(), 'rag-demo-sources-'));
let app: NestExpressApplication;
beforeAll(async () => {
  mkdirSync(join(root, '文档'), { recursive: true });
  writeFileSync(join(root, '文档', 'README.md'), '# 目录说明\n\n这个文件夹里放着产品手册。');
  app = await createTestApp({ RAG_INGEST_ROOT: root });
});
afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

const upload = () => request(app.getHttpServer()).post('/api/rag/documents');
/** form-data sends `filepath` as the file name unshortened (its typings lack the option). */
const filePath = (filepath: string) => ({ filepath }) as { filename?: string };
const readme = (text: string) => Buffer.from(`# 读我\n\n${text}`);

/** Every source the store holds and the texts under it (a search with a topK over the corpus). */
async function sources(): Promise<Map<string, string[]>> {
  const res = await request(app.getHttpServer())
    .post('/api/rag/search')
    .send({ query: '读我 说明', topK: 50, mode: 'vector' });
  const found = new Map<string, string[]>();
  for (const hit of res.body.results as { text: string; metadata: { source: string } }[])
    found.set(hit.metadata.source, [...(found.get(hit.metadata.source) ?? []), hit.text]);
  return found;
}

describe('upload source names', () => {
  it('three README.md from different folders are three sources, beside the folder one', async () => {
    expect(
      (await request(app.getHttpServer()).post('/api/rag/ingest').send({ path: '.' })).status,
    ).toBe(200);
    const withPaths = await upload()
      .attach('files', readme('甲项目的说明。'), 'README.md')
      .attach('files', readme('乙项目的说明。'), 'README.md')
      .field('path', '项目/甲/README.md')
      .field('path', '项目\\乙\\.\\README.md');
    expect(withPaths.status).toBe(200);
    expect(withPaths.body).toMatchObject({ added: 2, sources: { read: 2, unchanged: 0 } });
    // A browser's relative path in the file name (form-data sends `filepath` unshortened).
    const relative = await upload().attach(
      'files',
      readme('丙项目的说明。'),
      filePath('项目/丙/README.md'),
    );
    expect(relative.status).toBe(200);
    // No path at all: a unique name, never the folder's `文档/README.md`.
    const bare = await upload().attach('files', readme('丁项目的说明。'), 'README.md');
    expect(bare.status).toBe(200);

    const found = await sources();
    const bareName = [...found.keys()].find((name) => name.startsWith('upload/'))!;
    expect(bareName).toMatch(/^upload\/[0-9a-f]{12}\/README\.md$/);
    expect([...found.keys()].sort()).toEqual(
      [
        '文档/README.md',
        '项目/甲/README.md',
        '项目/乙/README.md',
        '项目/丙/README.md',
        bareName,
      ].sort(),
    );
    expect(found.get('文档/README.md')).toEqual(['# 目录说明\n\n这个文件夹里放着产品手册。']);

    // The same bytes under the same name again: the same source, unchanged and not read.
    const again = await upload().attach('files', readme('丁项目的说明。'), 'README.md');
    expect(again.body).toMatchObject({ added: 0, sources: { read: 0, unchanged: 1 } });
  });

  it('an upload of the very same path replaces the folder file, removing its old chunks', async () => {
    const res = await upload()
      .attach('files', Buffer.from('# 目录说明\n\n手册已经移到新的位置。'), 'README.md')
      .field('path', '文档/README.md');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ added: 1, removed: 1 });
    expect((await sources()).get('文档/README.md')).toEqual([
      '# 目录说明\n\n手册已经移到新的位置。',
    ]);
  });

  it.each([
    ['path', '../secret.md', 'path[0]', 'must not contain ".."'],
    ['path', '文档/../../外面.md', 'path[0]', 'must not contain ".."'],
    ['path', '/etc/passwd.md', 'path[0]', 'must be a relative path'],
    ['path', 'C:\\文档\\a.md', 'path[0]', 'must be a relative path'],
    // The app's own text check refuses a NUL in any field first.
    ['path', 'a\u0000.md', 'path', 'must not contain NUL'],
    ['filename', '../../上级.md', 'files[0].filename', 'must not contain ".."'],
  ])('a %s of %j is a 400 naming %s', async (kind, value, field, reason) => {
    const name = kind === 'filename' ? filePath(value) : 'a.md';
    let req = upload().attach('files', readme('不应被存储。'), name);
    if (kind === 'path') req = req.field('path', value);
    const res = await req;
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.body.details).toEqual([{ field, reason: expect.stringContaining(reason) }]);
    expect(res.body.message).toContain(field);
  });

  it('paths must match the files one to one and not repeat', async () => {
    const missing = await upload()
      .attach('files', readme('一。'), 'a.md')
      .attach('files', readme('二。'), 'b.md')
      .field('path', '只有一个.md');
    expect(missing.status).toBe(400);
    expect(missing.body.details[0].field).toBe('path');
    const twice = await upload()
      .attach('files', readme('一。'), 'a.md')
      .attach('files', readme('二。'), 'b.md')
      .field('path', '同名.md')
      .field('path', './同名.md');
    expect(twice.status).toBe(400);
    expect(twice.body.details).toEqual([{ field: 'path[1]', reason: '"同名.md" is given twice' }]);
  });
});
