// The Files API and everything about jobs that trains nothing: bad requests, a bad file failing
// its job with the line at fault, list pagination and the metadata filter.
import type OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalLlmServer, type LocalLlmServer } from '../index.js';
import { bundledSlice, follow, sdkClient, upload } from '../__fixtures__/fine-tuning-client.js';

let server: LocalLlmServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startLocalLlmServer({ port: 0, env: {}, maxFileBytes: 64 * 1024 });
  client = sdkClient(server.baseURL);
  // The first request opens the temporary data folder.
  await client.files.list();
});
afterAll(() => server.close());

const zhRow = JSON.stringify({
  messages: [
    { role: 'user', content: '什么是模型？' },
    { role: 'assistant', content: '好的。模型预测下一个词。' },
  ],
});

describe('/v1/files', () => {
  it('uploads, lists, retrieves, reads back and deletes a file', async () => {
    const text = await bundledSlice('sft.jsonl', 10);
    const file = await upload(client, text, '训练.jsonl');
    expect(file).toMatchObject({
      object: 'file',
      bytes: Buffer.byteLength(text),
      filename: '训练.jsonl',
      purpose: 'fine-tune',
      status: 'processed',
    });
    expect(file.id).toMatch(/^file-[0-9a-f]{24}$/);
    expect(await client.files.retrieve(file.id)).toEqual(file);
    expect(await (await client.files.content(file.id)).text()).toBe(text);
    const listed = await client.files.list();
    expect(listed.data[0]).toEqual(file);

    expect(await client.files.delete(file.id)).toEqual({
      id: file.id,
      object: 'file',
      deleted: true,
    });
    await expect(client.files.retrieve(file.id)).rejects.toMatchObject({
      status: 404,
      error: { code: 'file_not_found' },
    });
  });

  it('answers 413 in OpenAI’s error shape above the size cap', async () => {
    const big = (zhRow + '\n').repeat(1000);
    await expect(upload(client, big)).rejects.toMatchObject({
      status: 413,
      error: { type: 'invalid_request_error', param: 'file', code: 'file_too_large' },
    });
  });

  it('takes only purpose "fine-tune"', async () => {
    const form = new FormData();
    form.set('purpose', 'assistants');
    form.set('file', new Blob([zhRow]), 'a.jsonl');
    const response = await fetch(`${server.baseURL}/files`, { method: 'POST', body: form });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { param: string } }).error.param).toBe('purpose');
  });
});

describe('/v1/fine_tuning/jobs without training', () => {
  it('answers 400 naming the param for an unknown file or model and bad settings', async () => {
    const file = await upload(client, zhRow + '\n');
    const cases: [Record<string, unknown>, string, number][] = [
      [{ model: 'tiny-gpt', training_file: 'file-nope' }, 'training_file', 400],
      [{ model: 'gpt-4o-mini', training_file: file.id }, 'model', 400],
      [{ model: 'tiny-gpt', training_file: file.id, method: { type: 'rlhf' } }, 'method.type', 400],
      [
        { model: 'tiny-gpt', training_file: file.id, hyperparameters: { n_epochs: 0 } },
        'hyperparameters.n_epochs',
        400,
      ],
      [
        {
          model: 'tiny-gpt',
          training_file: file.id,
          method: { type: 'dpo', dpo: { hyperparameters: { beta: -1 } } },
        },
        'method.dpo.hyperparameters.beta',
        400,
      ],
      [{ model: 'tiny-gpt', training_file: file.id, suffix: 'has space' }, 'suffix', 400],
    ];
    for (const [body, param, status] of cases)
      await expect(
        client.fineTuning.jobs.create(body as never),
        JSON.stringify(body),
      ).rejects.toMatchObject({ status, error: { type: 'invalid_request_error', param } });
    await expect(client.fineTuning.jobs.retrieve('ftjob-missing')).rejects.toMatchObject({
      status: 404,
      error: { code: 'fine_tune_not_found' },
    });
  });

  it('fails a job whose file has a bad line, naming the line and field', async () => {
    const bad = JSON.stringify({ messages: [{ role: 'robot', content: '你好' }] });
    const file = await upload(client, `${zhRow}\n${zhRow}\n${bad}\n`);
    const created = await client.fineTuning.jobs.create({
      model: 'tiny-gpt',
      training_file: file.id,
    });
    expect(created.status).toBe('validating_files');
    const { job, events } = await follow(client, created.id, (j) => j.status === 'failed');
    expect(job.error).toEqual({
      code: 'invalid_training_file',
      param: 'training_file',
      message: expect.stringContaining(
        'line 3: messages[0].role must be system, user or assistant',
      ) as string,
    });
    expect(job.fine_tuned_model).toBeNull();
    expect(job.finished_at).toBeGreaterThan(0);
    expect(events.map((e) => [e.level, e.type])).toContainEqual(['error', 'message']);
  });

  it('fails a DPO job given a supervised file', async () => {
    const file = await upload(client, zhRow + '\n');
    const created = await client.fineTuning.jobs.create({
      model: 'tiny-gpt',
      training_file: file.id,
      method: { type: 'dpo' },
    });
    const { job } = await follow(client, created.id, (j) => j.status === 'failed');
    expect(job.error?.message).toContain('line 1: input.messages must be a non-empty array');
  });

  it('pages jobs newest first with after/limit and filters by metadata', async () => {
    const file = await upload(client, '{"messages": "not a list"}\n');
    const ids: string[] = [];
    for (const team of ['语言', 'vision', '语言']) {
      const job = await client.fineTuning.jobs.create({
        model: 'tiny-gpt',
        training_file: file.id,
        metadata: { team, batch: 'paging' },
      });
      ids.push(job.id);
    }
    const first = await client.fineTuning.jobs.list({ limit: 2, metadata: { batch: 'paging' } });
    expect(first.data.map((j) => j.id)).toEqual([ids[2], ids[1]]);
    expect(first.has_more).toBe(true);
    const second = await client.fineTuning.jobs.list({
      limit: 2,
      after: ids[1],
      metadata: { batch: 'paging' },
    });
    expect(second.data.map((j) => j.id)).toEqual([ids[0]]);
    expect(second.has_more).toBe(false);

    const chinese = await client.fineTuning.jobs.list({ metadata: { team: '语言' } });
    expect(chinese.data.map((j) => j.id)).toEqual([ids[2], ids[0]]);
    expect(chinese.data[0]?.metadata).toEqual({ team: '语言', batch: 'paging' });

    const all: string[] = [];
    for await (const job of client.fineTuning.jobs.list({
      limit: 1,
      metadata: { batch: 'paging' },
    }))
      all.push(job.id);
    expect(all).toEqual([...ids].reverse());
  });
});
