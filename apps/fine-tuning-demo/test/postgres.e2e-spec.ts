// DATABASE_URL=postgres://…: the job records live in PostgreSQL (fine-tuning's own table and
// migrations), the files in FINE_TUNING_DATA_DIR; after a restart the job, its alias and its
// idempotency key are still there. Runs when TEST_POSTGRES_URL names a server (CI starts one).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestDatabase, postgresTestUrl, type TestDatabase } from '@repo/storage/testing';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bundledSlice,
  createTestApp,
  readJobEvents,
  uploadDataset,
  type JobJson,
} from './create-test-app.js';

let database: TestDatabase | undefined;
let folder: string | undefined;
const apps: NestExpressApplication[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
  await database?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe.skipIf(postgresTestUrl() === undefined)('job records in PostgreSQL', () => {
  it(
    'keeps a job, its alias and its idempotency key across a restart',
    { timeout: 240_000 },
    async () => {
      database = await createTestDatabase({ kind: 'postgres' });
      folder = await mkdtemp(path.join(tmpdir(), 'ft-demo-pg-'));
      const env = { DATABASE_URL: database.connectionString, FINE_TUNING_DATA_DIR: folder };
      const boot = async () => {
        const app = await createTestApp(env);
        apps.push(app);
        return app;
      };
      const submit = (app: NestExpressApplication, dataset: string) =>
        request(app.getHttpServer())
          .post('/api/fine-tuning/jobs')
          .set('Idempotency-Key', 'pg-restart-1')
          .send({
            trainingDataset: dataset,
            alias: 'pg-bot',
            hyperparameters: { nEpochs: 1, batchSize: 8 },
          });

      const first = await boot();
      const dataset = await uploadDataset(first, await bundledSlice('sft.jsonl', 40), 'sft.jsonl');
      const created = await submit(first, dataset.id);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const job = created.body as JobJson;
      expect((await readJobEvents(first, job.id)).at(-1)).toMatchObject({
        event: 'done',
        data: { status: 'succeeded' },
      });
      await first.close();
      apps.pop();

      const rows = (await database.db.execute(
        sql`SELECT job_id, status, alias FROM fine_tuning_jobs`,
      )) as unknown as { rows: unknown[] };
      expect(rows.rows).toEqual([{ job_id: job.id, status: 'succeeded', alias: 'pg-bot' }]);

      const second = await boot();
      const again = await submit(second, dataset.id);
      expect([again.status, (again.body as JobJson).id]).toEqual([200, job.id]);
      const chat = await request(second.getHttpServer())
        .post('/api/fine-tuning/chat')
        .send({ prompt: '什么是优化器？', models: ['pg-bot'], maxTokens: 16 });
      expect(chat.status, JSON.stringify(chat.body)).toBe(200);
      expect(
        (chat.body as { answers: Array<{ text: string }> }).answers[0]!.text.length,
      ).toBeGreaterThan(0);
    },
  );
});
