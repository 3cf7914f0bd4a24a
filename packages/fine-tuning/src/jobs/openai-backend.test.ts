// The SDK backend against local-llm on a real port, which trains the trainer's tiny GPT for real:
// upload, an idempotent create (local-llm ignores Idempotency-Key: the record store answers),
// followJob to `succeeded` with metrics whose loss fell, the ft: model answering, cancel, and no
// key in records or errors.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ProviderError } from '@repo/core';
import { startLocalLlmServer, type LocalLlmServer } from '@repo/local-llm';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followJob } from './follow-job.js';
import { createJsonFolderJobRecordStore } from './job-records.js';
import type { FineTuningBackend, JobEvent } from './job-types.js';
import { createOpenAiJobsBackend } from './openai-backend.js';

const SFT = path.resolve(import.meta.dirname, '../../../trainer/data/sft.jsonl');
const API_KEY = 'sk-local-secret-7f3a9c2e1b';

let server: LocalLlmServer;
let dir: string;
let backend: FineTuningBackend;
let trainingFile: string;
const sentKeys: (string | null)[] = [];

// Records the Idempotency-Key of each job creation the SDK sends.
const recordingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  if (request.method === 'POST' && request.url.endsWith('/fine_tuning/jobs'))
    sentKeys.push(request.headers.get('idempotency-key'));
  return fetch(input, init);
};

beforeAll(async () => {
  server = await startLocalLlmServer({ port: 0, env: {} });
  dir = await mkdtemp(path.join(tmpdir(), 'ft-jobs-'));
  // 30 rows, every 9th of the trainer's bundled file: Chinese and English, seconds to train.
  const rows = (await readFile(SFT, 'utf8')).split('\n').filter((row) => row.trim() !== '');
  const picked = rows.filter((_, i) => i % 9 === 0).slice(0, 30);
  expect(picked).toHaveLength(30);
  await writeFile(path.join(dir, 'train.jsonl'), picked.join('\n') + '\n');
  backend = createOpenAiJobsBackend({
    name: 'local-llm',
    baseURL: server.baseURL,
    env: { OPENAI_API_KEY: API_KEY },
    fetch: recordingFetch,
    records: createJsonFolderJobRecordStore(path.join(dir, 'records')),
  });
  trainingFile = (await backend.upload(path.join(dir, 'train.jsonl'), { purpose: 'fine-tune' })).id;
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('OpenAI SDK backend on local-llm', () => {
  it('submits once per idempotency key, follows to succeeded, and the ft: model answers', async () => {
    const spec = {
      model: 'tiny-gpt',
      trainingFile,
      suffix: 'jobs',
      seed: 3,
      hyperparameters: { nEpochs: 2, batchSize: 8 },
    };
    const first = await backend.create(spec, { idempotencyKey: 'submit-1' });
    const again = await backend.create(spec, { idempotencyKey: 'submit-1' });
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ model: 'tiny-gpt', backend: 'local-llm' });
    expect(['validating', 'queued', 'running']).toContain(first.status);
    // One request reached the server, with the key as Idempotency-Key; the server holds one job.
    expect(sentKeys).toEqual(['submit-1']);
    const listed = await backend.list({ limit: 100 });
    expect(listed.jobs.map((j) => j.id)).toEqual([first.id]);
    expect(listed.hasMore).toBe(false);

    const events: JobEvent[] = [];
    const statuses: string[] = [];
    const job = await followJob(backend, first.id, {
      pollMs: 100,
      maxPollMs: 400,
      onEvent: (event) => void events.push(event),
      onStatus: (j) => void statuses.push(j.status),
    });
    expect(job.status).toBe('succeeded');
    expect(job.rawStatus).toBe('succeeded');
    expect(statuses.at(-1)).toBe('succeeded');
    expect(job.fineTunedModel).toMatch(/^ft:tiny-gpt:local:jobs:[0-9a-f]{8}$/);
    expect(job.trainedTokens).toBeGreaterThan(0);
    expect(job.finishedAt).toBeGreaterThanOrEqual(job.createdAt);
    expect(job.hyperparameters).toMatchObject({ n_epochs: 2, batch_size: 8 });

    // Each event once, oldest first; 27 training rows (3 held out), 2 epochs, batch 8: 7 steps.
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const metrics = events.filter((e) => e.type === 'metrics').map((e) => e.data!);
    expect(metrics.map((m) => m['step'])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(metrics.at(-1)!['valid_loss']).toBeLessThan(metrics[0]!['valid_loss'] as number);
    expect(events.map((e) => e.message)).toContain('The job has successfully completed');

    const checkpoints = await backend.checkpoints(job.id);
    expect(checkpoints.map((c) => c.step).sort((a, b) => a - b)).toEqual([3, 6]);
    expect(checkpoints[0]!.model).toMatch(/^ft:tiny-gpt:local:jobs:[0-9a-f]{8}:ckpt-step-\d$/);

    const client = new OpenAI({ apiKey: API_KEY, baseURL: server.baseURL, maxRetries: 0 });
    const answer = await client.chat.completions.create({
      model: job.fineTunedModel!,
      messages: [{ role: 'user', content: '什么是优化器？' }],
      max_tokens: 24,
    });
    expect(answer.model).toBe(job.fineTunedModel);
    expect(answer.choices[0]!.message.content!.trim().length).toBeGreaterThan(0);

    // The record a restarted follower reads: key, spec and last status, never the key.
    const files = await readdir(path.join(dir, 'records'));
    const text = await readFile(path.join(dir, 'records', files[0]!), 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      jobId: first.id,
      backend: 'local-llm',
      idempotencyKey: 'submit-1',
      spec,
      status: 'succeeded',
      fineTunedModel: job.fineTunedModel,
    });
    expect(text).not.toContain(API_KEY);
  });

  it('cancels a running job: cancelled, and the follower stops there', async () => {
    const job = await backend.create({
      model: 'tiny-gpt',
      trainingFile,
      suffix: 'stop',
      hyperparameters: { nEpochs: 20, batchSize: 2 },
    });
    // Cancel once it trains (local-llm revives a job cancelled while its run is starting).
    const controller = new AbortController();
    const started = followJob(backend, job.id, {
      pollMs: 50,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'metrics') controller.abort();
      },
    }).catch((error: unknown) => error);
    expect(await started).toMatchObject({ kind: 'aborted' });
    const cancelled = await backend.cancel(job.id);
    expect(cancelled).toMatchObject({ id: job.id, status: 'cancelled', rawStatus: 'cancelled' });
    const events: string[] = [];
    const final = await followJob(backend, job.id, {
      pollMs: 50,
      onEvent: (event) => void events.push(event.message),
    });
    expect(final.status).toBe('cancelled');
    expect(final.fineTunedModel).toBeUndefined();
    expect(events).toContain('Fine-tuning job cancelled');
  });

  it('answers an unknown job with a typed not_found error that holds no key', async () => {
    const error = await backend.get('ftjob-missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'not_found', status: 404, provider: 'local-llm' });
    expect((error as Error).message).toMatch(/^local-llm: /);
    expect(JSON.stringify(error) + (error as Error).message).not.toContain(API_KEY);
  });
});
