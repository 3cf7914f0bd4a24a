// Boots the real AppModule for e2e tests with its own config (no process.env): the app's variables
// go through the same zod schema as main.ts. Default store: a temporary data folder
// (DATABASE_URL=memory://, removed on close). The same configureApp() as main.ts.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG } from '@repo/nest';
import { BUNDLED_DATA_DIR } from '@repo/trainer';
import { bufferText, createNestTestApp, parseSse, type SseRecord } from '@repo/nest/testing';
import request from 'supertest';
import { expect } from 'vitest';
import { parseAppConfig } from '../src/app-config.js';
import { AppModule } from '../src/app.module.js';
import { configureApp } from '../src/configure-app.js';

export function createTestApp(env: Record<string, string> = {}): Promise<NestExpressApplication> {
  const config = parseAppConfig({ DATABASE_URL: 'memory://', FINE_TUNING_POLL_MS: '100', ...env });
  return createNestTestApp({
    module: AppModule,
    configure: configureApp,
    overrides: [[APP_CONFIG, config]],
  });
}

/** The trainer's bundled data (@repo/trainer is a devDependency: its data folder only). */
const TRAINER_DATA = pathToFileURL(`${BUNDLED_DATA_DIR}/`);

/** A fixture of @repo/fine-tuning's own tests, by path inside the repository. */
export const FINE_TUNING_FIXTURES = fileURLToPath(
  new URL('../../../packages/fine-tuning/src/', import.meta.url),
);

/** Every `every`-th row of the trainer's bundled file, `count` rows: both languages, fast to train. */
export async function bundledSlice(
  name: 'sft.jsonl' | 'preferences.jsonl',
  count: number,
  every = 6,
): Promise<string> {
  const rows = (await readFile(new URL(name, TRAINER_DATA), 'utf8')).split('\n');
  const picked = rows.filter((row, i) => row.trim() !== '' && i % every === 0).slice(0, count);
  return picked.join('\n') + '\n';
}

export interface DatasetJson {
  id: string;
  ok: boolean;
  format: string;
  source: string;
  issues: Array<{ line: number | null; code: string; severity: string; field?: string }>;
  issuesTotal: number;
  stats: {
    examples: number;
    tokens: { total: number; p50: number; p95: number; max: number; mean: number };
    assistantTokens: { total: number; p50: number; p95: number; max: number; mean: number };
    truncated: number;
    duplicates: number;
  };
  estimate: { model: string; epochs: number; billedTokens: number; priceUsd: number | null } | null;
}

/** Uploads `text` as a file (201) and returns its report. */
export async function uploadDataset(
  app: NestExpressApplication,
  text: string | Buffer,
  filename = 'train.jsonl',
  fields: Record<string, string> = {},
): Promise<DatasetJson> {
  let req = request(app.getHttpServer()).post('/api/fine-tuning/datasets');
  for (const [key, value] of Object.entries(fields)) req = req.field(key, value);
  const res = await req.attach('file', Buffer.from(text), filename);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as DatasetJson;
}

export interface JobJson {
  id: string;
  backend: string;
  status: string;
  model: string;
  fineTunedModel: string | null;
  alias: string | null;
  method: string;
  trainingDataset: string;
  error: { message: string } | null;
  lastMetrics: { step: number; trainLoss: number; validLoss?: number } | null;
}

/** Submits a job (201) on `datasetId` with fast settings, `extra` merged over them. */
export async function submitJob(
  app: NestExpressApplication,
  datasetId: string,
  extra: Record<string, unknown> = {},
): Promise<JobJson> {
  const res = await request(app.getHttpServer())
    .post('/api/fine-tuning/jobs')
    .send({ trainingDataset: datasetId, hyperparameters: { nEpochs: 1, batchSize: 8 }, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as JobJson;
}

/** The job's whole SSE stream, read until it ends (after `done`). */
export async function readJobEvents(
  app: NestExpressApplication,
  jobId: string,
): Promise<SseRecord[]> {
  const res = await request(app.getHttpServer())
    .get(`/api/fine-tuning/jobs/${jobId}/events`)
    .buffer(true)
    .parse(bufferText);
  expect(res.status).toBe(200);
  return parseSse(res.body as string);
}

/** Polls the job until `until` holds (the test's timeout bounds it). */
export async function waitForJob(
  app: NestExpressApplication,
  jobId: string,
  until: (job: JobJson) => boolean,
): Promise<JobJson> {
  for (;;) {
    const res = await request(app.getHttpServer()).get(`/api/fine-tuning/jobs/${jobId}`);
    const job = res.body as JobJson;
    if (until(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
