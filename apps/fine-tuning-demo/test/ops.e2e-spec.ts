// Operations: a provider key turns its backend on and is never answered, logged into a record or
// written to the data folder; one submit over FINE_TUNING_MAX_ACTIVE_JOBS is a 429 with
// Retry-After (nothing is created); /health answers while a job trains.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundledSlice,
  createTestApp,
  submitJob,
  uploadDataset,
  waitForJob,
  type JobJson,
} from './create-test-app.js';

const SECRET = 'sk-test-secret-value-0123456789';
let folder: string;
let app: NestExpressApplication;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'ft-demo-ops-'));
  app = await createTestApp({
    DATABASE_URL: `file:${folder}`,
    OPENAI_API_KEY: SECRET,
    FINE_TUNING_MAX_ACTIVE_JOBS: '1',
  });
});
afterAll(async () => {
  await app?.close();
  await rm(folder, { recursive: true, force: true });
});

/** Every file under `dir`, as text (binary files too: the key must not be in any byte). */
async function everyFile(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = names.filter((entry) => entry.isFile());
  return Promise.all(
    files.map((entry) => readFile(path.join(entry.parentPath, entry.name), 'latin1')),
  );
}

describe('operations', () => {
  it('keeps the key secret and refuses a job beyond FINE_TUNING_MAX_ACTIVE_JOBS', async () => {
    const backends = await request(app.getHttpServer()).get('/api/fine-tuning/backends');
    expect(backends.body).toMatchObject({
      backends: [
        { name: 'local-llm', configured: true },
        { name: 'openai', configured: true },
        { name: 'dashscope', configured: false },
      ],
    });
    const dataset = await uploadDataset(app, await bundledSlice('sft.jsonl', 40));
    const job = await submitJob(app, dataset.id, { hyperparameters: { nEpochs: 3, batchSize: 8 } });
    const over = await request(app.getHttpServer())
      .post('/api/fine-tuning/jobs')
      .send({ trainingDataset: dataset.id });
    expect(over.status).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.body).toMatchObject({ statusCode: 429 });

    await waitForJob(app, job.id, (j) => (j.lastMetrics?.step ?? 0) >= 1);
    const health = await request(app.getHttpServer()).get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', info: { jobs: { following: 1 } } });

    const cancelled = await request(app.getHttpServer()).post(
      `/api/fine-tuning/jobs/${job.id}/cancel`,
    );
    expect((cancelled.body as JobJson).status).toBe('cancelled');
    const jobs = await request(app.getHttpServer()).get('/api/fine-tuning/jobs');
    expect((jobs.body as { data: JobJson[] }).data).toHaveLength(1);
    for (const text of [
      JSON.stringify(backends.body),
      JSON.stringify(jobs.body),
      ...(await everyFile(folder)),
    ])
      expect(text.includes(SECRET)).toBe(false);
  }, 180_000);
});
