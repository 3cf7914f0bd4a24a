// /health (Terminus: model + vector store), /docs (Swagger, built on first request), the
// boot-time config check (one message listing every bad variable) and how `node dist/main.js`
// stops on a mistake (one message, exit 1, no stack trace).
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bootChecks } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAppConfig } from '../src/app-config.js';
import { CORPUS_FOLDER, DEFAULT_DATA_URL } from '../src/data-folder.js';
import { createTestApp } from './create-test-app.js';

let app: NestExpressApplication;
beforeAll(async () => (app = await createTestApp({ RAG_COLLECTION: 'ops' })));
afterAll(async () => {
  await app.close();
});

describe('ops endpoints', () => {
  it('/health reports the model and the vector store', async () => {
    const res = await request(app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.info).toEqual({
      ai: {
        status: 'up',
        provider: 'local',
        model: 'local',
        embeddingProvider: 'local',
        configuredProviders: ['local'],
        checked: 'config',
      },
      storage: { status: 'up', collection: 'ops' },
    });
  });

  it('/docs serves the Swagger UI and its OpenAPI document lists the routes', async () => {
    const ui = await request(app.getHttpServer()).get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
    const spec = await request(app.getHttpServer()).get('/docs-json');
    expect(Object.keys(spec.body.paths).sort()).toEqual([
      '/api/qwen/embedding_test',
      '/api/rag/ask',
      '/api/rag/ask/stream',
      '/api/rag/chat',
      '/api/rag/documents',
      '/api/rag/ingest',
      '/api/rag/jobs/{id}',
      '/api/rag/jobs/{id}/events',
      '/api/rag/search',
      '/api/rag/vectors',
      '/health',
    ]);
  });
});

describe('config', () => {
  it('defaults: port 3005 on loopback, PGlite under .data/, the sample corpus, collection docs', () => {
    expect(parseAppConfig({})).toEqual({
      PORT: 3005,
      HOST: '127.0.0.1',
      API_TOKEN: undefined,
      TRUSTED_NETWORK: false,
      HTTP_MAX_IN_FLIGHT: 64,
      HTTP_MAX_QUEUED: 256,
      DATABASE_URL: DEFAULT_DATA_URL,
      RAG_COLLECTION: 'docs',
      RAG_INGEST_ROOT: CORPUS_FOLDER,
      RAG_MAX_UPLOAD_BYTES: 10 * 1024 * 1024,
      RAG_MAX_REQUEST_BYTES: 32 * 1024 * 1024,
      RAG_SYNC_INGEST_BYTES: 64 * 1024,
      RAG_INGEST_CONCURRENCY: 2,
      RAG_INGEST_QUEUE: 8,
      RAG_READ_TIMEOUT_MS: 60_000,
      RAG_TOP_K: 4,
      RAG_SEARCH_MODE: 'hybrid',
      RAG_RERANK: 'auto',
    });
    expect(DEFAULT_DATA_URL).toMatch(/^file:\/.*rag-demo\/\.data\/rag-demo$/);
    expect(CORPUS_FOLDER).toMatch(/rag-demo\/corpus\/docs$/);
  });

  it('lists every bad variable, and treats empty values as unset', () => {
    expect(() =>
      parseAppConfig({ RAG_COLLECTION: 'My Docs', DATABASE_URL: 'mysql://x', RAG_TOP_K: '0' }),
    ).toThrow(
      'Invalid configuration:\n' +
        '  - DATABASE_URL: must be memory://, file:<folder> or postgres://…\n' +
        '  - RAG_COLLECTION: must be 1-40 lower-case letters, digits or _, starting with a letter\n' +
        '  - RAG_TOP_K: must be between 1 and 50',
    );
    expect(() =>
      parseAppConfig({ RAG_MAX_UPLOAD_BYTES: '4096', RAG_MAX_REQUEST_BYTES: '2048' }),
    ).toThrow(
      'Invalid configuration:\n' +
        '  - RAG_MAX_REQUEST_BYTES: must be at least RAG_MAX_UPLOAD_BYTES (4096): a request must hold one file of the largest size',
    );
    expect(parseAppConfig({ RAG_COLLECTION: '', PORT: '' })).toMatchObject({
      PORT: 3005,
      RAG_COLLECTION: 'docs',
    });
  });
});

describe('boot', () => {
  const main = new URL('../dist/main.js', import.meta.url);
  // Never the app's own data folder.
  const checks = bootChecks(main, {
    env: { DATABASE_URL: 'memory://' },
    badVariable: {
      env: { RAG_TOP_K: '0' },
      message: 'Invalid configuration:\n  - RAG_TOP_K: must be between 1 and 50',
    },
  });
  for (const check of checks) it(check.name, check.run);
});
