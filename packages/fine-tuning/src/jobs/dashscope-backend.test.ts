// The DashScope backend against its documented answers, served by a local fixture server: what
// is sent (paths, auth, bodies) and what comes back (statuses, models, typed errors).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ProviderError } from '@repo/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createDashScopeJobsBackend } from './dashscope-backend.js';
import { UnsupportedJobOperationError } from './jobs-errors.js';
import * as ds from './__fixtures__/dashscope-responses.js';
import { startFixtureServer, type FixtureServer } from './__fixtures__/fixture-server.js';

const KEY = 'sk-dashscope-4e8b1f0a9d';
const JOBS = '/api/v1/fine-tunes';
let server: FixtureServer | undefined;
afterEach(() => server?.close());

async function backendFor(routes: Parameters<typeof startFixtureServer>[0]) {
  server = await startFixtureServer(routes);
  return createDashScopeJobsBackend({ baseURL: server.url, env: { DASHSCOPE_API_KEY: KEY } });
}

describe('DashScope backend', () => {
  it('uploads through compatible mode and creates a job once per idempotency key', async () => {
    const backend = await backendFor({
      'POST /compatible-mode/v1/files': { body: ds.UPLOADED },
      [`POST ${JOBS}`]: { body: ds.CREATED },
      [`GET ${JOBS}/ft-202410291653-1c7f`]: { body: ds.CREATED },
    });
    const dir = await mkdtemp(path.join(tmpdir(), 'ds-'));
    await writeFile(
      path.join(dir, 'train.jsonl'),
      '{"messages":[{"role":"user","content":"你好"}]}\n',
    );
    const file = await backend.upload(path.join(dir, 'train.jsonl'), { purpose: 'fine-tune' });
    await rm(dir, { recursive: true });
    expect(file.id).toBe('file-ft-b2f7d9c1e4a34f6e');
    const upload = server!.received[0]!;
    expect(upload.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.body).toContain('name="purpose"\r\n\r\nfine-tune');
    expect(upload.body).toContain('filename="train.jsonl"');
    expect(upload.body).toContain('你好');

    const spec = {
      model: 'qwen3-14b',
      trainingFile: file.id,
      suffix: 'suffix',
      hyperparameters: { nEpochs: 3, batchSize: 32, learningRate: 1.6e-5 },
    };
    const job = await backend.create(spec, { idempotencyKey: 'k1' });
    const again = await backend.create(spec, { idempotencyKey: 'k1' });
    expect(again.id).toBe(job.id);
    expect(server!.received.filter((r) => r.method === 'POST' && r.path === JOBS)).toHaveLength(1);
    expect(JSON.parse(server!.received[1]!.body)).toEqual({
      model: 'qwen3-14b',
      training_file_ids: ['file-ft-b2f7d9c1e4a34f6e'],
      training_type: 'sft',
      finetuned_output_suffix: 'suffix',
      hyper_parameters: { n_epochs: 3, batch_size: 32, learning_rate: '0.000016' },
    });
    expect(job).toEqual({
      id: 'ft-202410291653-1c7f',
      status: 'queued',
      rawStatus: 'PENDING',
      model: 'qwen3-14b',
      createdAt: Date.UTC(2024, 9, 29, 8, 53, 53),
      hyperparameters: ds.CREATED.output.hyper_parameters,
      backend: 'dashscope',
    });
  });

  it('gets a finished job, lists a page and cancels', async () => {
    const backend = await backendFor({
      [`GET ${JOBS}/ft-202410291653-1c7f`]: { body: ds.SUCCEEDED },
      [`GET ${JOBS}?page_no=2&page_size=10`]: { body: ds.LIST_PAGE_2 },
      [`POST ${JOBS}/ft-202410291512-1851/cancel`]: { body: ds.CANCEL_OK },
      [`GET ${JOBS}/ft-202410291512-1851`]: { body: { request_id: 'r', output: ds.CANCELED_JOB } },
    });
    const job = await backend.get('ft-202410291653-1c7f');
    expect(job).toMatchObject({
      status: 'succeeded',
      rawStatus: 'SUCCEEDED',
      fineTunedModel: 'qwen3-14b-suffix-ft-202410291653-1c7f',
      finishedAt: Date.UTC(2024, 9, 29, 9, 11, 26),
      trainedTokens: 279808,
    });
    const page = await backend.list({ after: '1', limit: 10 });
    expect(page.jobs.map((j) => [j.id, j.status])).toEqual([
      ['ft-202410291653-1c7f', 'succeeded'],
      ['ft-202410291512-1851', 'cancelled'],
    ]);
    expect(page.hasMore).toBe(false); // page 2 of 10 holds jobs 11 and 12 of 12
    const cancelled = await backend.cancel('ft-202410291512-1851');
    expect(cancelled).toMatchObject({ status: 'cancelled', rawStatus: 'CANCELED' });
    expect(server!.received.map((r) => `${r.method} ${r.path}`).slice(-2)).toEqual([
      `POST ${JOBS}/ft-202410291512-1851/cancel`,
      `GET ${JOBS}/ft-202410291512-1851`,
    ]);
    await expect(backend.events('ft-202410291653-1c7f')).rejects.toBeInstanceOf(
      UnsupportedJobOperationError,
    );
  });

  it("turns an error answer into a typed error with DashScope's message and request id", async () => {
    const backend = await backendFor({
      [`GET ${JOBS}/ft-missing`]: { status: 404, body: ds.NOT_FOUND },
    });
    const error = await backend.get('ft-missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      message: 'dashscope: Not Found!',
      kind: 'not_found',
      code: 'NotFound',
      status: 404,
      provider: 'dashscope',
      requestId: 'BE213CDD-8A5C-59EE-9A67-055EAB0CB59B',
      retryable: false,
    });
  });
});
