// A restart on the same data folder (DATABASE_URL=file:…): datasets and jobs are listed again, an
// alias registered before answers at once, and a job the restart cut off mid-training is followed
// again to succeeded. /health answers while a job trains.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundledSlice,
  createTestApp,
  readJobEvents,
  submitJob,
  uploadDataset,
  waitForJob,
  type JobJson,
} from './create-test-app.js';

let folder: string;
const apps: NestExpressApplication[] = [];
// Generous timeout: training shares two cores with whatever else runs; the test asserts values only.
beforeAll(async () => (folder = await mkdtemp(path.join(tmpdir(), 'ft-demo-restart-'))));
afterAll(async () => {
  for (const app of apps) await app.close();
  await rm(folder, { recursive: true, force: true });
});

const boot = async () => {
  const app = await createTestApp({ DATABASE_URL: `file:${folder}` });
  apps.push(app);
  return app;
};

describe('a restart', () => {
  it('keeps datasets, jobs and aliases, and follows an unfinished job to its end', async () => {
    const first = await boot();
    const dataset = await uploadDataset(first, await bundledSlice('sft.jsonl', 40), 'sft.jsonl');
    const quick = await submitJob(first, dataset.id, { alias: 'before-restart', seed: 1 });
    expect((await readJobEvents(first, quick.id)).at(-1)).toMatchObject({
      event: 'done',
      data: { status: 'succeeded' },
    });
    const long = await submitJob(first, dataset.id, {
      hyperparameters: { nEpochs: 2, batchSize: 8 },
    });
    await waitForJob(first, long.id, (job) => (job.lastMetrics?.step ?? 0) >= 1);
    const health = await request(first.getHttpServer()).get('/health');
    expect(health.status).toBe(200);
    expect(JSON.stringify(health.body)).toContain('"following":1');
    await first.close();
    apps.pop();

    const second = await boot();
    const datasets = await request(second.getHttpServer()).get('/api/fine-tuning/datasets');
    expect((datasets.body as { data: Array<{ id: string }> }).data.map((d) => d.id)).toEqual([
      dataset.id,
    ]);
    const jobs = await request(second.getHttpServer()).get('/api/fine-tuning/jobs');
    const listed = (jobs.body as { data: JobJson[] }).data;
    expect(listed.map((job) => job.id)).toEqual([long.id, quick.id]);
    expect(listed[1]).toMatchObject({ status: 'succeeded', alias: 'before-restart' });

    const chat = await request(second.getHttpServer())
      .post('/api/fine-tuning/chat')
      .send({ prompt: '你好', models: ['before-restart'], maxTokens: 16 });
    expect(chat.status, JSON.stringify(chat.body)).toBe(200);

    const events = await readJobEvents(second, long.id);
    const done = events.at(-1)!;
    expect(done).toMatchObject({ event: 'done', data: { status: 'succeeded' } });
    expect((done.data as JobJson).fineTunedModel).toMatch(/^ft:tiny-gpt:local:/);
    // ceil(2 × 36 / 8) = 9 steps, each recorded once although the run stopped in between.
    const metrics = await request(second.getHttpServer()).get(
      `/api/fine-tuning/jobs/${long.id}/metrics`,
    );
    const steps = (metrics.body as { points: Array<{ step: number }> }).points.map((p) => p.step);
    expect(steps).toEqual(Array.from({ length: 9 }, (_, i) => i + 1));
  }, 300_000);
});
