// Jobs on the real trainer (local-llm in-process) over HTTP: an SFT job followed over SSE to
// succeeded with a falling loss, a DPO job from a feedback-demo export, cancel, pause and resume,
// the Idempotency-Key, and the refusals (422 for a dataset with errors, 404, 400, 409).
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bufferText, parseSse } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  bundledSlice,
  createTestApp,
  readJobEvents,
  submitJob,
  uploadDataset,
  waitForJob,
  type JobJson,
} from './create-test-app.js';
import { FEEDBACK_EXPORTS } from '../../../packages/fine-tuning/src/convert/__fixtures__/feedback-exports.js';

// Real training on two cores shared with whatever else runs: generous limits, values asserted only.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

let app: NestExpressApplication;
let sft: string;
/** The SFT job that succeeded (the first test), for the comparison. */
let succeeded: JobJson;
beforeAll(async () => {
  app = await createTestApp();
  sft = (await uploadDataset(app, await bundledSlice('sft.jsonl', 40), 'sft.jsonl')).id;
});
afterAll(() => app?.close());

describe('an SFT job', () => {
  it('is followed over SSE to succeeded; the loss falls and the ft: model is named', async () => {
    const job = await submitJob(app, sft, { suffix: 'demo', seed: 7, alias: 'my-tiny' });
    expect(job).toMatchObject({
      backend: 'local-llm',
      model: 'tiny-gpt',
      method: 'supervised',
      trainingDataset: sft,
      alias: 'my-tiny',
      fineTunedModel: null,
    });
    const events = await readJobEvents(app, job.id);
    expect(events[0]?.event).toBe('status');
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    const final = done.data as JobJson;
    succeeded = final;
    expect(final.status).toBe('succeeded');
    expect(final.fineTunedModel).toMatch(/^ft:tiny-gpt:local:demo:[0-9a-f]{8}$/);
    // 40 rows, 4 held out: ceil(36 / 8) = 5 steps, each once.
    const points = events
      .filter((event) => event.event === 'metrics')
      .map((event) => event.data as { step: number; trainLoss: number; validLoss: number | null });
    expect(points.map((point) => point.step)).toEqual([1, 2, 3, 4, 5]);
    expect(points.at(-1)!.trainLoss).toBeLessThan(points[0]!.trainLoss);
    expect(final.lastMetrics).toMatchObject({ step: 5, trainLoss: points.at(-1)!.trainLoss });
    const messages = events.filter((event) => event.event === 'message');
    expect(messages.map((event) => (event.data as { message: string }).message)).toContain(
      'Fine-tuning job started',
    );

    const metrics = await request(app.getHttpServer()).get(
      `/api/fine-tuning/jobs/${job.id}/metrics`,
    );
    expect(metrics.body).toEqual({ points });
    const listed = await request(app.getHttpServer()).get('/api/fine-tuning/jobs');
    expect((listed.body as { data: JobJson[] }).data.find((j) => j.id === job.id)).toEqual(final);
    // A finished job's stream replays at once and ends with done.
    const again = await readJobEvents(app, job.id);
    expect(again.at(-1)).toEqual(done);

    // The alias answers at once, and so does the fine-tuned id; Chinese prompts too.
    const chat = await request(app.getHttpServer())
      .post('/api/fine-tuning/chat')
      .send({
        prompt: '什么是优化器？',
        models: ['tiny-gpt', 'my-tiny', final.fineTunedModel],
        maxTokens: 24,
      });
    expect(chat.status, JSON.stringify(chat.body)).toBe(200);
    const answers = (chat.body as { answers: Array<{ model: string; text: string; ms: number }> })
      .answers;
    expect(answers.map((answer) => answer.model)).toEqual([
      'tiny-gpt',
      'my-tiny',
      final.fineTunedModel,
    ]);
    for (const answer of answers) expect(answer.text.length).toBeGreaterThan(0);
    // The alias and the id are the same seeded model: the same answer.
    expect(answers[1]!.text).toBe(answers[2]!.text);
    expect(answers[0]!.text).not.toBe(answers[1]!.text);

    const side = await request(app.getHttpServer())
      .post(`/api/fine-tuning/jobs/${job.id}/chat`)
      .send({ prompt: 'What is a token?', maxTokens: 24 });
    expect(side.status).toBe(200);
    expect(side.body).toMatchObject({
      base: { model: 'tiny-gpt' },
      tuned: { model: 'my-tiny' },
    });
    const { base, tuned } = side.body as { base: { text: string }; tuned: { text: string } };
    expect(base.text.length).toBeGreaterThan(0);
    expect(tuned.text.length).toBeGreaterThan(0);

    const unknown = await request(app.getHttpServer())
      .post('/api/fine-tuning/chat')
      .send({ prompt: 'hi', models: ['tiny-gpt', 'no-such-alias'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ details: [{ field: 'models[1]' }] });
    const taken = await request(app.getHttpServer())
      .post('/api/fine-tuning/jobs')
      .send({ trainingDataset: sft, alias: 'my-tiny' });
    expect(taken.status).toBe(409);
  });
});

describe('compare', () => {
  it('judges tuned vs base on the held-out set, one comparison at a time', async () => {
    const start = () =>
      request(app.getHttpServer())
        .post(`/api/fine-tuning/jobs/${succeeded.id}/compare`)
        .send({ limit: 10 });
    // Two at once: one runs, the other is refused (the slot is taken before any await).
    const both = await Promise.all([start(), start()]);
    expect(both.map((res) => res.status).sort()).toEqual([202, 429]);
    const first = both.find((res) => res.status === 202)!;
    const busy = both.find((res) => res.status === 429)!;
    expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
    const id = (first.body as { id: string }).id;
    const res = await request(app.getHttpServer())
      .get(`/api/fine-tuning/compares/${id}/events`)
      .buffer(true)
      .parse(bufferText);
    const events = parseSse(res.body as string);
    expect(events.at(-1)?.event).toBe('done');
    const progress = events
      .filter((event) => event.event === 'progress')
      .map((event) => event.data);
    expect(progress.at(-1)).toEqual({ done: 10, total: 10 });
    const compare = events.at(-1)!.data as {
      status: string;
      jobId: string;
      result: {
        n: number;
        wins: number;
        losses: number;
        ties: number;
        winRate: number;
        judge: string;
        rows: Array<{ prompt: string; base: string; tuned: string; verdict: string }>;
      };
    };
    expect(compare).toMatchObject({ status: 'done', jobId: succeeded.id, error: null });
    const { n, wins, losses, ties, winRate, rows, judge } = compare.result;
    expect(n).toBe(10);
    expect(wins + losses + ties).toBe(n);
    expect(winRate).toBe(wins / n);
    expect(rows).toHaveLength(n);
    expect(rows.filter((row) => row.verdict === 'tuned')).toHaveLength(wins);
    expect(rows.filter((row) => row.verdict === 'base')).toHaveLength(losses);
    expect(judge).toMatch(/^heuristic/);
    expect(rows.map((row) => row.prompt)).toContain('什么是学习率？');
    const read = await request(app.getHttpServer()).get(`/api/fine-tuning/compares/${id}`);
    expect(read.body).toEqual(compare);
    expect(
      (await request(app.getHttpServer()).get('/api/fine-tuning/compares/cmp-nope')).status,
    ).toBe(404);
  });
});

describe('the Idempotency-Key', () => {
  it('gives one job for the same key, sent twice in a row or twice at once', async () => {
    const post = (key: string) =>
      request(app.getHttpServer())
        .post('/api/fine-tuning/jobs')
        .set('Idempotency-Key', key)
        .send({ trainingDataset: sft, hyperparameters: { nEpochs: 1, batchSize: 8 } });
    const first = await post('click-1');
    const second = await post('click-1');
    expect([first.status, second.status]).toEqual([201, 200]);
    expect((second.body as JobJson).id).toBe((first.body as JobJson).id);
    const together = await Promise.all([post('click-2'), post('click-2')]);
    expect(together.map((res) => res.status).sort()).toEqual([200, 201]);
    expect((together[0].body as JobJson).id).toBe((together[1].body as JobJson).id);
    const jobs = (await request(app.getHttpServer()).get('/api/fine-tuning/jobs')).body as {
      data: JobJson[];
    };
    const ids = new Set([(first.body as JobJson).id, (together[0].body as JobJson).id]);
    expect(jobs.data.filter((job) => ids.has(job.id))).toHaveLength(2);
    for (const id of ids) {
      const cancelled = await request(app.getHttpServer()).post(
        `/api/fine-tuning/jobs/${id}/cancel`,
      );
      expect(cancelled.status).toBe(200);
      expect((cancelled.body as JobJson).status).toBe('cancelled');
    }
    const bad = await request(app.getHttpServer())
      .post('/api/fine-tuning/jobs')
      .set('Idempotency-Key', 'é'.repeat(3))
      .send({ trainingDataset: sft });
    expect(bad.status).toBe(400);
  });
});

describe('pause, resume and cancel', () => {
  it('pauses a running job, resumes it, then cancels it; actions out of turn are 409', async () => {
    const job = await submitJob(app, sft, { hyperparameters: { nEpochs: 4, batchSize: 8 } });
    const act = (action: string) =>
      request(app.getHttpServer()).post(`/api/fine-tuning/jobs/${job.id}/${action}`);
    expect((await act('resume')).status).toBe(409);
    await waitForJob(app, job.id, (j) => j.status === 'running' && (j.lastMetrics?.step ?? 0) >= 1);
    const paused = await act('pause');
    expect(paused.status).toBe(200);
    expect((paused.body as JobJson).status).toBe('paused');
    expect((await act('pause')).status).toBe(409);
    const resumed = await act('resume');
    expect(resumed.status).toBe(200);
    expect(['queued', 'running']).toContain((resumed.body as JobJson).status);
    const cancelled = await act('cancel');
    expect(cancelled.status).toBe(200);
    expect((cancelled.body as JobJson).status).toBe('cancelled');
    const events = await readJobEvents(app, job.id);
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { status: 'cancelled' } });
    const messages = events.map((event) => (event.data as { message?: string }).message);
    expect(messages).toContain('Fine-tuning job paused');
    expect((await act('cancel')).status).toBe(409);
    const compare = await request(app.getHttpServer())
      .post(`/api/fine-tuning/jobs/${job.id}/compare`)
      .send({});
    expect(compare.status).toBe(409);
    const chat = await request(app.getHttpServer())
      .post(`/api/fine-tuning/jobs/${job.id}/chat`)
      .send({ prompt: 'hi' });
    expect(chat.status).toBe(409);
  });
});

describe("a DPO job on feedback-demo's TRL export", () => {
  it('converts the export on upload and trains on it: the DPO loss falls below log 2', async () => {
    const rows = Array.from({ length: 12 }, () => FEEDBACK_EXPORTS['dpo-trl']).join('\n');
    const dataset = await uploadDataset(app, `${rows}\n`, 'campaign-dpo-trl.jsonl');
    expect(dataset).toMatchObject({
      format: 'dpo',
      source: 'feedback-dpo-trl converted',
      ok: true,
    });
    const job = await submitJob(app, dataset.id, {
      hyperparameters: { nEpochs: 1, batchSize: 4, beta: 0.2 },
    });
    expect(job.method).toBe('dpo');
    const events = await readJobEvents(app, job.id);
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { status: 'succeeded' } });
    const points = events
      .filter((event) => event.event === 'metrics')
      .map((event) => event.data as { trainLoss: number });
    expect(points[0]!.trainLoss).toBeCloseTo(Math.log(2), 5);
    expect(points.at(-1)!.trainLoss).toBeLessThan(Math.log(2));
  });
});

describe('refusals', () => {
  it('422 for a dataset with errors, with its first issues by line', async () => {
    const bad = await uploadDataset(
      app,
      '{"messages": [\n{"messages":[{"role":"user","content":"hi"}]}\n',
    );
    const res = await request(app.getHttpServer())
      .post('/api/fine-tuning/jobs')
      .send({ trainingDataset: bad.id });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      details: [
        { field: 'trainingDataset' },
        {
          field: 'trainingDataset line 1',
          reason: expect.stringMatching(/^invalid_json/) as string,
        },
        {
          field: 'trainingDataset line 2',
          reason: expect.stringMatching(/^example_missing_assistant_message/) as string,
        },
      ],
    });
  });

  it('404 for an unknown dataset or job, 400 for a bad field, 409 for an action out of turn', async () => {
    const post = (body: object) =>
      request(app.getHttpServer()).post('/api/fine-tuning/jobs').send(body);
    const unknown = await post({ trainingDataset: 'ds-missing' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ details: [{ field: 'trainingDataset' }] });
    for (const [body, field] of [
      [{ trainingDataset: sft, backend: 'openai' }, 'backend'],
      [{ trainingDataset: sft, backend: 'nowhere' }, 'backend'],
      [{ trainingDataset: sft, model: 'gpt-4o' }, 'model'],
      [{ trainingDataset: sft, method: 'dpo' }, 'method'],
      [{ trainingDataset: sft, hyperparameters: { nEpochs: 0 } }, 'hyperparameters.nEpochs'],
      [{ trainingDataset: sft, alias: 'local:x' }, 'alias'],
      [{ trainingDataset: sft, colour: 'red' }, ''],
    ] as const) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      if (field) expect(JSON.stringify(res.body)).toContain(`"field":"${field}"`);
    }
    expect(
      (await request(app.getHttpServer()).get('/api/fine-tuning/jobs/ftjob-nope')).status,
    ).toBe(404);
    const done = (await request(app.getHttpServer()).get('/api/fine-tuning/jobs')).body as {
      data: JobJson[];
    };
    const finished = done.data.find((job) => job.status === 'succeeded')!;
    const cancel = await request(app.getHttpServer()).post(
      `/api/fine-tuning/jobs/${finished.id}/cancel`,
    );
    expect(cancel.status).toBe(409);
    expect(cancel.body).toMatchObject({ details: [{ field: 'status' }] });
  });
});
