// After a restart the app's records are all that is left: a job submitted with an alias to an
// in-process local-llm, the app stopped mid-job (local-llm and the PGlite database closed), then
// a new local-llm, database and backend on the same folders. followRecordedJobs follows the job to
// `succeeded`, the record is current, and the alias answers through the model registry at once.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { userMessage } from '@repo/core';
import { createLocalLlm, type LocalLlm } from '@repo/local-llm';
import { createModelRegistry } from '@repo/providers';
import { createDatabase, type Database } from '@repo/storage';
import { afterAll, expect, it } from 'vitest';
import { chatModelRef, registerFineTunedModel } from './fine-tuned-models.js';
import { followRecordedJobs } from './follow-recorded-jobs.js';
import type { JobRecordStore } from './job-records.js';
import { createOpenAiJobsBackend } from './openai-backend.js';
import { createSqlJobRecordStore } from './sql-job-records.js';

const SFT = path.resolve(import.meta.dirname, '../../../trainer/data/sft.jsonl');
let dir: string;
const open: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  for (const thing of open.reverse()) await thing.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function boot(): Promise<{ llm: LocalLlm; database: Database; records: JobRecordStore }> {
  const llm = createLocalLlm({ dataDir: path.join(dir, 'local-llm'), env: {} });
  const database = await createDatabase({ url: `file:${path.join(dir, 'db')}` });
  open.push(llm, database);
  return { llm, database, records: await createSqlJobRecordStore(database) };
}

const backendOf = (llm: LocalLlm, records: JobRecordStore) =>
  createOpenAiJobsBackend({
    name: 'local-llm',
    baseURL: llm.baseURL,
    fetch: llm.fetch,
    apiKey: 'local',
    records,
  });

// Generous: a real job trains on two cores shared with every other workspace's tests.
it(
  'follows an unfinished job again after a restart and registers its alias',
  { timeout: 240_000 },
  async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ft-follow-'));
    const rows = (await readFile(SFT, 'utf8')).split('\n').filter((row) => row.trim() !== '');
    await writeFile(
      path.join(dir, 'train.jsonl'),
      rows
        .filter((_, i) => i % 9 === 0)
        .slice(0, 30)
        .join('\n') + '\n',
    );

    const first = await boot();
    const backend = backendOf(first.llm, first.records);
    const file = await backend.upload(path.join(dir, 'train.jsonl'), { purpose: 'fine-tune' });
    const spec = { model: 'tiny-gpt', trainingFile: file.id, suffix: 'faq', seed: 5 };
    const job = await backend.create(
      { ...spec, hyperparameters: { nEpochs: 2, batchSize: 8 } },
      { idempotencyKey: 'k-1', alias: '客服-bot' },
    );
    // A finished record and one on a backend this app no longer has: neither is followed.
    await first.records.put({
      jobId: 'ftjob-old',
      backend: 'local-llm',
      spec,
      status: 'succeeded',
      rawStatus: 'succeeded',
      updatedAt: 1,
    });
    await first.records.put({
      jobId: 'ft-tg',
      backend: 'together',
      spec,
      status: 'running',
      rawStatus: 'running',
      updatedAt: 2,
    });
    await first.llm.close();
    await first.database.close();

    const second = await boot();
    const registry = createModelRegistry({}, { localLlm: second.llm, retry: { maxRetries: 0 } });
    const finished: string[] = [];
    const outcomes = await followRecordedJobs(second.records, {
      backends: { 'local-llm': backendOf(second.llm, second.records) },
      pollMs: 100,
      maxPollMs: 400,
      onFinished: (record) =>
        void finished.push(registerFineTunedModel(registry, record) ?? 'none'),
    });

    expect(
      outcomes.map((o) => [
        o.record.jobId,
        'job' in o ? o.job.status : 'skipped' in o ? o.skipped : 'error',
      ]),
    ).toEqual([
      ['ft-tg', 'no backend named "together" is configured'],
      [job.id, 'succeeded'],
    ]);
    expect(finished).toEqual(['客服-bot']);
    const record = await second.records.get('local-llm', job.id);
    expect(record).toMatchObject({ status: 'succeeded', alias: '客服-bot', idempotencyKey: 'k-1' });
    expect(record!.fineTunedModel).toMatch(/^ft:tiny-gpt:local:faq:/);
    expect(registry.aliases()).toEqual({ '客服-bot': chatModelRef(record!) });

    const model = registry.chat('客服-bot');
    expect(model.modelId).toBe(record!.fineTunedModel);
    const answer = await model.call({
      messages: [userMessage('什么是优化器？')],
      options: { maxTokens: 16 },
    });
    expect(answer.text.trim().length).toBeGreaterThan(0);
  },
);

it('names the provider of each backend, and nothing for a backend without one', () => {
  expect(chatModelRef({ backend: 'openai', fineTunedModel: 'ft:gpt-4.1-mini:acme::abc' })).toBe(
    'openai:ft:gpt-4.1-mini:acme::abc',
  );
  expect(chatModelRef({ backend: 'dashscope', fineTunedModel: 'qwen3-8b-ft-1' })).toBe(
    'qwen:qwen3-8b-ft-1',
  );
  expect(chatModelRef({ backend: 'together', fineTunedModel: 'me/m' })).toBeUndefined();
  expect(chatModelRef({ backend: 'local-llm' })).toBeUndefined();
  const registry = createModelRegistry({});
  const record = {
    jobId: 'j',
    backend: 'local-llm',
    spec: { model: 'tiny-gpt', trainingFile: 'f' },
    rawStatus: 'running',
    updatedAt: 0,
    alias: 'bot',
    fineTunedModel: 'ft:tiny-gpt:local::j',
  };
  expect(registerFineTunedModel(registry, { ...record, status: 'running' })).toBeUndefined();
  expect(registerFineTunedModel(registry, { ...record, status: 'succeeded' })).toBe('bot');
  expect(registry.aliases()).toEqual({ bot: 'local:ft:tiny-gpt:local::j' });
});
