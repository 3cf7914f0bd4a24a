// Boots the real AppModule for e2e tests with its own config (no process.env): the app's variables
// go through the same zod schema as main.ts, the AI ones to AiModule, with no retries. Default
// store: pgvector on PGlite in memory; default ingest root: the sample corpus. The same
// configureApp() as main.ts (body limits, /docs).
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { RecordedRequest } from '@repo/local-llm';
import { APP_CONFIG } from '@repo/nest';
import { createNestTestApp, localLlmOf } from '@repo/nest/testing';
import request from 'supertest';
import { parseAppConfig } from '../src/app-config.js';
import { AppModule } from '../src/app.module.js';
import { configureApp } from '../src/configure-app.js';

export function createTestApp(env: Record<string, string> = {}): Promise<NestExpressApplication> {
  return createNestTestApp({
    module: AppModule,
    configure: configureApp,
    overrides: [[APP_CONFIG, parseAppConfig({ DATABASE_URL: 'memory://', ...env })]],
  });
}

/** The embedded model's recorded requests (chat and embeddings), to check what was sent. */
export function modelRequests(app: NestExpressApplication, path?: string): RecordedRequest[] {
  const all = localLlmOf(app).requests();
  return path === undefined ? all : all.filter((r) => r.path === path);
}

export const EMBEDDINGS = '/v1/embeddings';
export const CHAT = '/v1/chat/completions';

/** How many vectors the store holds: a search for anything with a topK over the corpus size. */
export async function countVectors(app: NestExpressApplication): Promise<number> {
  const res = await request(app.getHttpServer())
    .post('/api/rag/search')
    .send({ query: 'anything', topK: 50, mode: 'vector' }); // every chunk: no relevance cut-off
  return (res.body as { results: unknown[] }).results.length;
}

export function ingestCorpus(app: NestExpressApplication) {
  return request(app.getHttpServer()).post('/api/rag/ingest').send({ path: '.' });
}
