// Fine-tuning jobs on the real trainer through the openai SDK: supervised and DPO jobs that
// succeed and whose `ft:` models answer at once, cancel, pause and resume, the queue.
import type OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalLlmServer, type LocalLlmServer } from '../index.js';
import {
  bundledSlice,
  follow,
  metricsOf,
  sdkClient,
  upload,
  completed,
} from '../__fixtures__/fine-tuning-client.js';

let server: LocalLlmServer;
let client: OpenAI;
let sftFile: string;

beforeAll(async () => {
  server = await startLocalLlmServer({ port: 0, env: {} });
  client = sdkClient(server.baseURL);
  sftFile = (await upload(client, await bundledSlice('sft.jsonl', 40))).id;
});
afterAll(() => server.close());

const chat = (model: string, content: string) =>
  client.chat.completions.create({ model, messages: [{ role: 'user', content }], max_tokens: 24 });

describe('fine-tuning jobs on the trainer', () => {
  it('runs a supervised job to succeeded; the loss falls and the ft: model answers', async () => {
    const created = await client.fineTuning.jobs.create({
      model: 'tiny-gpt',
      training_file: sftFile,
      suffix: 'zh-en',
      seed: 7,
      metadata: { purpose: 'test' },
      method: {
        type: 'supervised',
        supervised: { hyperparameters: { n_epochs: 1, batch_size: 8 } },
      },
    });
    expect(created).toMatchObject({
      object: 'fine_tuning.job',
      status: 'validating_files',
      seed: 7,
    });
    const { job, events } = await follow(client, created.id, completed);
    // 40 rows, 4 held out for validation: ceil(36 / 8) = 5 steps.
    expect(job.hyperparameters).toEqual({
      n_epochs: 1,
      batch_size: 8,
      learning_rate_multiplier: 1,
    });
    expect(job.method).toEqual({
      type: 'supervised',
      supervised: { hyperparameters: job.hyperparameters },
    });
    expect(job.fine_tuned_model).toMatch(/^ft:tiny-gpt:local:zh-en:[0-9a-f]{8}$/);
    expect(job.trained_tokens).toBeGreaterThan(1000);
    expect(job.error).toBeNull();

    const metrics = metricsOf(events);
    expect(metrics.map((m) => m.step)).toEqual([1, 2, 3, 4, 5]);
    const first = metrics[0]!;
    const last = metrics.at(-1)!;
    expect(last.valid_loss).toBeLessThan(first.valid_loss!);
    expect(events.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        `Validating training file: ${sftFile}`,
        'Fine-tuning job started',
        'Checkpoint created at step 2',
        `New fine-tuned model created: ${job.fine_tuned_model}`,
        'The job has successfully completed',
      ]),
    );

    const checkpoints = await client.fineTuning.jobs.checkpoints.list(job.id);
    expect(checkpoints.data.map((c) => c.step_number)).toEqual([4, 2]);
    expect(checkpoints.data[0]).toMatchObject({
      object: 'fine_tuning.job.checkpoint',
      fine_tuning_job_id: job.id,
      fine_tuned_model_checkpoint: `${job.fine_tuned_model}:ckpt-step-4`,
      metrics: { step: 4, train_loss: metrics[3]!.train_loss },
    });

    const model = job.fine_tuned_model!;
    expect((await client.models.list()).data.map((m) => m.id)).toContain(model);
    const answer = await chat(model, '什么是优化器？');
    expect(answer.model).toBe(model);
    expect(answer.choices[0]?.message.content?.length).toBeGreaterThan(0);
    const fromCheckpoint = await chat(`${model}:ckpt-step-2`, 'What is a token?');
    expect(fromCheckpoint.choices[0]?.message.content?.length).toBeGreaterThan(0);
  });

  it('runs a DPO job on preference pairs', async () => {
    const file = await upload(client, await bundledSlice('preferences.jsonl', 20));
    const created = await client.fineTuning.jobs.create({
      model: 'tiny-gpt',
      training_file: file.id,
      seed: 3,
      method: { type: 'dpo', dpo: { hyperparameters: { beta: 0.2, n_epochs: 1 } } },
    });
    const { job, events } = await follow(client, created.id, completed);
    // 20 pairs, 2 held out, batch "auto" = 4: ceil(18 / 4) = 5 steps.
    expect(job.method).toEqual({
      type: 'dpo',
      dpo: {
        hyperparameters: { n_epochs: 1, batch_size: 4, learning_rate_multiplier: 1, beta: 0.2 },
      },
    });
    const metrics = metricsOf(events) as Record<string, number>[];
    expect(metrics).toHaveLength(5);
    // DPO starts at log 2 (the policy is its reference) and learns to prefer the chosen answers.
    expect(metrics[0]!.train_loss).toBeCloseTo(Math.log(2), 5);
    expect(metrics.at(-1)!.train_loss).toBeLessThan(Math.log(2));
    expect(metrics.at(-1)).toHaveProperty('train_accuracy');
    expect(metrics.at(-1)).toHaveProperty('valid_accuracy');
    const answer = await chat(job.fine_tuned_model!, '你好');
    expect(answer.choices[0]?.message.content?.length).toBeGreaterThan(0);
  });

  it('cancels a running job; a second job waits queued meanwhile', async () => {
    const long = { n_epochs: 5, batch_size: 8 };
    const running = await client.fineTuning.jobs.create({
      model: 'tiny-gpt',
      training_file: sftFile,
      hyperparameters: long,
    });
    const waiting = await client.fineTuning.jobs.create({
      model: 'tiny-gpt',
      training_file: sftFile,
      hyperparameters: long,
    });
    await follow(client, running.id, (_, events) => metricsOf(events).length >= 1);
    expect((await client.fineTuning.jobs.retrieve(waiting.id)).status).toBe('queued');
    const cancelledWaiting = await client.fineTuning.jobs.cancel(waiting.id);
    expect(cancelledWaiting.status).toBe('cancelled');

    const cancelled = await client.fineTuning.jobs.cancel(running.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.finished_at).toBeGreaterThan(0);
    await expect(client.fineTuning.jobs.cancel(running.id)).rejects.toMatchObject({
      status: 400,
      error: { code: 'invalid_job_status' },
    });
    const after = await client.fineTuning.jobs.retrieve(running.id);
    expect(after).toMatchObject({ status: 'cancelled', fine_tuned_model: null });
  });

  it('a job cancelled while it starts stays cancelled, and the next job runs', async () => {
    const short = { n_epochs: 1, batch_size: 8 };
    const job = await client.fineTuning.jobs.create({
      model: 'tiny-gpt',
      training_file: sftFile,
      hyperparameters: short,
    });
    // As soon as it leaves file validation it is starting (no worker yet) or just running.
    await follow(client, job.id, (j) => j.status !== 'validating_files');
    expect((await client.fineTuning.jobs.cancel(job.id)).status).toBe('cancelled');
    const next = await client.fineTuning.jobs.create({
      model: 'tiny-gpt',
      training_file: sftFile,
      hyperparameters: short,
    });
    const done = await follow(client, next.id, (j) =>
      ['succeeded', 'failed', 'cancelled'].includes(j.status),
    );
    expect(done.job.status).toBe('succeeded');
    expect(await client.fineTuning.jobs.retrieve(job.id)).toMatchObject({
      status: 'cancelled',
      fine_tuned_model: null,
    });
  });

  it('pauses a running job and resumes it from its checkpoint to succeeded', async () => {
    const created = await client.fineTuning.jobs.create({
      model: 'tiny-gpt',
      training_file: sftFile,
      seed: 11,
      hyperparameters: { n_epochs: 2, batch_size: 8 },
    });
    await follow(client, created.id, (_, events) => metricsOf(events).length >= 2);
    expect((await client.fineTuning.jobs.pause(created.id)).status).toBe('paused');
    await expect(client.fineTuning.jobs.pause(created.id)).rejects.toMatchObject({ status: 400 });
    expect((await client.fineTuning.jobs.retrieve(created.id)).status).toBe('paused');

    expect((await client.fineTuning.jobs.resume(created.id)).status).toBe('queued');
    const { job, events } = await follow(client, created.id, completed);
    const messages = events.map((e) => e.message);
    expect(messages).toContain('Fine-tuning job paused');
    expect(messages.some((m) => m.startsWith('Resuming from the checkpoint at step'))).toBe(true);
    // ceil(2 × 36 / 8) = 9 steps, each logged once although the run stopped in between.
    expect(metricsOf(events).map((m) => m.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect((await chat(job.fine_tuned_model!, 'Hello')).choices[0]?.message.content).not.toBe('');
  });
});
