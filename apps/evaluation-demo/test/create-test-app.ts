// Boots the real AppModule for e2e tests with its own config (no process.env): the app's variables
// go through the same zod schema as main.ts, the AI ones to AiModule, with no retries. Default
// store: PGlite in memory (each test file its own). The same configureApp() as main.ts.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createEvalWorkerPool } from '@repo/evaluation';
import { APP_CONFIG } from '@repo/nest';
import { bufferText, parseSse, type SseRecord, createNestTestApp } from '@repo/nest/testing';
import request from 'supertest';
import { expect } from 'vitest';
import { parseAppConfig } from '../src/app-config.js';
import { AppModule } from '../src/app.module.js';
import { configureApp } from '../src/configure-app.js';
import { EvalWorkersService } from '../src/common/eval-workers.service.js';

export function createTestApp(
  env: Record<string, string> = {},
  options: { workerFile?: URL } = {},
): Promise<NestExpressApplication> {
  const config = parseAppConfig({ DATABASE_URL: 'memory://', ...env });
  // Another worker module (the package's test worker that can hang a grading), same time limit.
  const workers = options.workerFile && {
    pool: createEvalWorkerPool({
      workerFile: options.workerFile,
      gradingTimeoutMs: config.EVAL_GRADING_TIMEOUT_MS,
      parseTimeoutMs: config.EVAL_GRADING_TIMEOUT_MS,
    }),
  };
  return createNestTestApp({
    module: AppModule,
    configure: configureApp,
    overrides: [
      [APP_CONFIG, config],
      ...(workers
        ? [
            [
              EvalWorkersService,
              { ...workers, onApplicationShutdown: () => workers.pool.close() },
            ] as const,
          ]
        : []),
    ],
  });
}

/** POST /api/eval/runs, expecting 202; the run id. */
export async function startRun(
  app: NestExpressApplication,
  body: { suite: unknown; concurrency?: number },
): Promise<string> {
  const res = await request(app.getHttpServer()).post('/api/eval/runs').send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return (res.body as { runId: string }).runId;
}

/** The run's SSE stream, read until the server ends it (after `done`). */
export async function readEvents(app: NestExpressApplication, runId: string): Promise<SseRecord[]> {
  const res = await request(app.getHttpServer())
    .get(`/api/eval/runs/${runId}/events`)
    .buffer(true)
    .parse(bufferText);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
  return parseSse(res.body as string);
}

export interface DoneData {
  runId: string;
  status: string;
  summary: { total: number; passed: number; failed: number; passRate: number; cancelled: number };
  error?: string;
}

/** Starts a run and waits for its `done` event. */
export async function runUntilDone(
  app: NestExpressApplication,
  body: { suite: unknown; concurrency?: number },
): Promise<{ runId: string; events: SseRecord[]; done: DoneData }> {
  const runId = await startRun(app, body);
  const events = await readEvents(app, runId);
  const last = events.at(-1);
  expect(last?.event).toBe('done');
  return { runId, events, done: last?.data as DoneData };
}
