import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MockEmbeddingModel } from '@repo/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingStore } from './__fixtures__/pipeline-fixtures.js';
import { makePdf } from './__fixtures__/make-pdf.js';
import { listFiles, loadEmbeddingModel, runIngestCli } from './ingest-cli.js';

function output(isTTY = false) {
  let text = '';
  return { isTTY, write: (chunk: string) => (text += chunk), text: () => text };
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rag-ingest-cli-'));
  await cp(
    fileURLToPath(new URL('./__fixtures__/corpus/', import.meta.url)),
    join(folder, 'docs'),
    { recursive: true },
  );
  await writeFile(
    join(folder, 'docs', 'report.pdf'),
    makePdf([['Page one text.'], ['Page two text.']]),
  );
  await writeFile(join(folder, '.hidden.md'), '# Hidden');
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('ingest CLI', () => {
  it('lists files under the folder, sorted, without hidden ones', async () => {
    const files = await listFiles(folder);
    expect(files.map((f) => f.slice(folder.length + 1))).toEqual([
      'docs/article.html',
      'docs/chat.json',
      'docs/empty.txt',
      'docs/guide.md',
      'docs/logo.png',
      'docs/notes.txt',
      'docs/report.pdf',
    ]);
  });

  it('ingests a folder and prints the report, with skips and a per-phase log off a terminal', async () => {
    const stdout = output();
    const stderr = output();
    const store = createRecordingStore();
    const code = await runIngestCli([folder, '--chunk-size', '200', '--overlap', '20'], {
      store,
      embeddingModel: new MockEmbeddingModel(),
      stdout,
      stderr,
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout.text()) as Record<string, unknown>;
    expect(report).toMatchObject({
      store: 'recording',
      // html 1 + json 1 + md 4 sections + txt 1 + pdf 2 pages
      documents: 9,
      added: 9,
      unchanged: 0,
      ids: 9,
      skipped: [
        { source: 'docs/empty.txt', reason: 'it contains no text' },
        { source: 'docs/logo.png', reason: 'unsupported file type' },
      ],
    });
    expect([...store.rows.values()].map((d) => d.metadata.source)).toContain('docs/report.pdf');
    expect(
      stderr
        .text()
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(' ')[0]),
    ).toEqual(['read', 'split', 'embed', 'store']);
  });

  it('draws the bar in place on a terminal', async () => {
    const stderr = output(true);
    await runIngestCli([join(folder, 'docs')], {
      store: createRecordingStore(),
      embeddingModel: new MockEmbeddingModel(),
      stdout: output(),
      stderr,
    });
    expect(stderr.text()).toContain('\rstore  [########################] 9/9');
  });

  it('fails with exit code 1 when nothing could be read, and 2 on bad usage', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'rag-ingest-empty-'));
    const stderr = output();
    expect(
      await runIngestCli([empty], {
        store: createRecordingStore(),
        embeddingModel: new MockEmbeddingModel(),
        stderr,
        stdout: output(),
      }),
    ).toBe(1);
    expect(stderr.text()).toContain(
      'ingest: Nothing to ingest: no documents or sources were given.',
    );
    await rm(empty, { recursive: true });

    const usage = output();
    expect(await runIngestCli([], { stderr: usage, stdout: output() })).toBe(2);
    expect(usage.text()).toMatch(
      /expected exactly one folder[\s\S]*Usage: node dist\/ingest-cli\.js/,
    );
    expect(
      await runIngestCli(['x', '--chunk-size', 'big'], { stderr: output(), stdout: output() }),
    ).toBe(2);
  });

  it('embeds with the provider from @repo/providers when no model is given (local by default)', async () => {
    const model = await loadEmbeddingModel(undefined, {});
    expect(model.provider).toBe('local');
    const response = await model.embed({ input: ['北京'] });
    expect(response.embeddings).toHaveLength(1);
    expect(response.embeddings[0]?.length).toBeGreaterThan(0);
  });

  it('says what to do when @repo/providers is not installed, instead of a bare module error', async () => {
    const notInstalled = Object.assign(
      new Error("Cannot find package '@repo/providers' imported from /app/dist/ingest-cli.js"),
      { code: 'ERR_MODULE_NOT_FOUND' },
    );
    const failure = await loadEmbeddingModel('local', {}, () => Promise.reject(notInstalled)).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toBe(
      'the CLI embeds through @repo/providers, a devDependency of @repo/rag that is not ' +
        'installed here: run it inside the nest-ai-summary workspace, or call ' +
        'runIngestCli(argv, { embeddingModel }) with your own EmbeddingModel',
    );
    expect(failure?.cause).toBe(notInstalled);
    // Another failure inside providers is not hidden behind that message.
    const other = new Error('boom');
    await expect(loadEmbeddingModel('local', {}, () => Promise.reject(other))).rejects.toBe(other);
  });
});
