// The Together backend against its documented answers, served by a local fixture server, and
// followJob over it: events once each, Retry-After honoured, the key never in an error.
import { Readable } from 'node:stream';
import { AuthenticationError } from '@repo/core';
import { afterEach, describe, expect, it } from 'vitest';
import { followJob } from './follow-job.js';
import type { JobEvent } from './job-types.js';
import { createTogetherJobsBackend, type TogetherJobsBackendOptions } from './together-backend.js';
import * as tg from './__fixtures__/together-responses.js';
import { startFixtureServer, type FixtureServer } from './__fixtures__/fixture-server.js';

const KEY = 'tgp_v1_secret_0c9e2d7a5b';
const ID = 'ft-01234567890123456789';
let server: FixtureServer | undefined;
afterEach(() => server?.close());

async function backendFor(
  routes: Parameters<typeof startFixtureServer>[0],
  options: TogetherJobsBackendOptions = {},
) {
  server = await startFixtureServer(routes);
  return createTogetherJobsBackend({ baseURL: `${server.url}/v1`, apiKey: KEY, ...options });
}

describe('Together backend', () => {
  it('uploads a stream, creates, gets, lists, reads events and cancels', async () => {
    const backend = await backendFor({
      'POST /v1/files/upload': { body: tg.UPLOADED },
      'POST /v1/fine-tunes': { body: tg.withStatus('pending') },
      [`GET /v1/fine-tunes/${ID}`]: { body: tg.CREATED },
      'GET /v1/fine-tunes': { body: tg.LIST },
      [`GET /v1/fine-tunes/${ID}/events`]: {
        body: { data: [tg.EVENT_PENDING, tg.EVENT_STARTED, tg.EVENT_DONE] },
      },
      [`POST /v1/fine-tunes/${ID}/cancel`]: { body: tg.CANCEL_REQUESTED },
    });
    const file = await backend.upload(Readable.from([Buffer.from('{"text":"你好"}\n')]), {
      purpose: 'fine-tune',
      filename: 'zh.jsonl',
    });
    expect(file.id).toBe('file-01234567890123456789');
    expect(server!.received[0]!.body).toContain('name="file_name"\r\n\r\nzh.jsonl');
    expect(server!.received[0]!.headers.authorization).toBe(`Bearer ${KEY}`);

    const created = await backend.create({
      model: 'meta-llama/Llama-2-7b-hf',
      trainingFile: file.id,
      suffix: 'zh',
      hyperparameters: { nEpochs: 3, learningRate: 1e-5 },
    });
    expect(JSON.parse(server!.received[1]!.body)).toEqual({
      model: 'meta-llama/Llama-2-7b-hf',
      training_file: 'file-01234567890123456789',
      suffix: 'zh',
      n_epochs: 3,
      learning_rate: 1e-5,
      training_method: { method: 'sft' },
    });
    expect(created).toMatchObject({ id: ID, status: 'queued', rawStatus: 'pending' });
    expect(created.fineTunedModel).toBeUndefined();

    expect(await backend.get(ID)).toEqual({
      id: ID,
      status: 'succeeded',
      rawStatus: 'completed',
      model: 'meta-llama/Llama-2-7b-hf',
      fineTunedModel: 'mynamespace/meta-llama/Llama-2-7b-hf-32162631',
      createdAt: Date.parse('2023-05-17T17:35:45.123Z'),
      finishedAt: Date.parse('2023-05-17T18:46:23.456Z'),
      trainedTokens: 850000,
      hyperparameters: { n_epochs: 3 },
      backend: 'together',
    });
    const list = await backend.list();
    expect(list.jobs.map((j) => j.status)).toEqual(['succeeded', 'running']);
    const events = await backend.events(ID, { after: 'a1' });
    expect(events.map((e) => [e.id, e.message])).toEqual([
      ['a2', 'Training started'],
      ['a3', 'Job finished'],
    ]);
    expect(await backend.cancel(ID)).toMatchObject({
      status: 'cancelling',
      rawStatus: 'cancel_requested',
    });
  });

  it('follows a job to its end: each event once, a 429 waited out as Retry-After asks', async () => {
    const pending = { body: { data: [tg.EVENT_PENDING] } };
    const started = { body: { data: [tg.EVENT_PENDING, tg.EVENT_STARTED] } };
    const backend = await backendFor(
      {
        [`GET /v1/fine-tunes/${ID}`]: [
          { body: tg.withStatus('pending') },
          { status: 429, body: { message: 'rate limited' }, headers: { 'retry-after': '7' } },
          { body: tg.withStatus('running') },
          { body: tg.withStatus('running') },
          { body: tg.withStatus('completed') },
        ],
        [`GET /v1/fine-tunes/${ID}/events`]: [
          pending,
          started,
          started,
          { body: { data: [tg.EVENT_PENDING, tg.EVENT_STARTED, tg.EVENT_DONE] } },
        ],
      },
      { retry: { maxRetries: 0 } }, // the 429 reaches the follower
    );
    const waits: number[] = [];
    const seen: JobEvent[] = [];
    const job = await followJob(backend, ID, {
      pollMs: 100,
      onEvent: (event) => void seen.push(event),
      sleep: async (ms) => void waits.push(ms),
    });
    expect(job.status).toBe('succeeded');
    expect(seen.map((e) => e.id)).toEqual(['a1', 'a2', 'a3']);
    // pending (new event) 100; the 429: 7 s; running (changed, new event) 100; nothing new 200.
    expect(waits).toEqual([100, 7000, 100, 200]);
  });

  it('retries a 429 itself with Retry-After, and keeps the key out of an auth error', async () => {
    const delays: number[] = [];
    const backend = await backendFor(
      {
        [`GET /v1/fine-tunes/${ID}`]: [
          { status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '2' } },
          { body: tg.CREATED },
        ],
        'GET /v1/fine-tunes': { status: 401, body: tg.unauthorized(KEY) },
      },
      { retry: { sleep: async (ms) => void delays.push(ms) } },
    );
    expect((await backend.get(ID)).status).toBe('succeeded');
    expect(delays).toEqual([2000]);
    const error = await backend.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      message: 'together: Invalid API key provided: [redacted]',
      code: 'invalid_api_key',
      status: 401,
    });
    expect(JSON.stringify((error as AuthenticationError).body)).not.toContain(KEY);
    expect((error as Error).message).not.toContain(KEY);
  });
});
