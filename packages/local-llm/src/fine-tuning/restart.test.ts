// Jobs survive a restart: a server closed while a job trains leaves it `running` in the data
// folder (stopped after its step, with a checkpoint); a new server on the same folder resumes it
// from that checkpoint to succeeded, and still serves the files and models made before.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLine } from '../__fixtures__/first-line.js';
import { startLocalLlmServer, type LocalLlmServer } from '../index.js';
import {
  bundledSlice,
  follow,
  metricsOf,
  sdkClient,
  upload,
  completed,
} from '../__fixtures__/fine-tuning-client.js';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
let dataDir: string;
const servers: LocalLlmServer[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-llm-restart-'));
});
afterAll(async () => {
  for (const server of servers) await server.close().catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
});

async function start() {
  const server = await startLocalLlmServer({ port: 0, env: { LOCAL_LLM_DATA_DIR: dataDir } });
  servers.push(server);
  return { server, client: sdkClient(server.baseURL) };
}

describe('a restart mid-job', () => {
  it('resumes the running job from its checkpoint and keeps queued ones queued', async () => {
    const first = await start();
    const file = await upload(first.client, await bundledSlice('sft.jsonl', 40, 7));
    const hyperparameters = { n_epochs: 2, batch_size: 8 };
    const running = await first.client.fineTuning.jobs.create({
      model: 'tiny-gpt',
      training_file: file.id,
      seed: 5,
      suffix: 'restart',
      hyperparameters,
    });
    const queued = await first.client.fineTuning.jobs.create({
      model: 'tiny-gpt',
      training_file: file.id,
      hyperparameters,
    });
    // 9 steps, a checkpoint every 3: wait for the first, then stop the server mid-run.
    await follow(first.client, running.id, (_, events) =>
      events.some((e) => e.message === 'Checkpoint created at step 3'),
    );
    await first.server.close();
    const saved = JSON.parse(
      await readFile(path.join(dataDir, 'jobs', running.id, 'job.json'), 'utf8'),
    ) as { job: { status: string } };
    expect(saved.job.status).toBe('running');

    const second = await start();
    expect((await second.client.files.retrieve(file.id)).id).toBe(file.id);
    expect((await second.client.fineTuning.jobs.retrieve(queued.id)).status).toBe('queued');
    const { job, events } = await follow(second.client, running.id, completed);
    const messages = events.map((e) => e.message);
    expect(messages).toContain('The server restarted: the job resumes from its last checkpoint');
    const resumedAt = messages.find((m) => m.startsWith('Resuming from the checkpoint at step'));
    expect(Number(/step (\d+)/.exec(resumedAt ?? '')?.[1])).toBeGreaterThanOrEqual(3);
    expect(metricsOf(events).map((m) => m.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(job.fine_tuned_model).toMatch(/^ft:tiny-gpt:local:restart:/);

    // The queued job is cancelled rather than trained: the restart is what this test is about.
    await second.client.fineTuning.jobs.cancel(queued.id);
    const answer = await second.client.chat.completions.create({
      model: job.fine_tuned_model!,
      messages: [{ role: 'user', content: '什么是损失？' }],
      max_tokens: 16,
    });
    expect(answer.choices[0]?.message.content?.length).toBeGreaterThan(0);

    // A third start finds the finished job's model without any request first.
    await second.server.close();
    const third = await start();
    const models = await third.client.models.list();
    expect(models.data.map((m) => m.id)).toContain(job.fine_tuned_model);
  });

  it('resumes after `local-llm serve` is killed outright (SIGKILL, no goodbye)', async () => {
    const crashDir = await mkdtemp(path.join(tmpdir(), 'local-llm-crash-'));
    const child = spawn(process.execPath, ['bin/local-llm.js', 'serve', '--port', '0'], {
      cwd: packageDir,
      env: { ...process.env, LOCAL_LLM_DATA_DIR: crashDir },
    });
    let id: string;
    try {
      const baseURL = /listening on (http:\/\/\S+)$/.exec(await firstLine(child.stdout))?.[1];
      const client = sdkClient(baseURL as string);
      const file = await upload(client, await bundledSlice('sft.jsonl', 40, 5));
      ({ id } = await client.fineTuning.jobs.create({
        model: 'tiny-gpt',
        training_file: file.id,
        seed: 9,
        hyperparameters: { n_epochs: 2, batch_size: 8 },
      }));
      await follow(client, id, (_, events) => metricsOf(events).some((m) => m.step >= 4));
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
    try {
      const server = await startLocalLlmServer({ port: 0, env: { LOCAL_LLM_DATA_DIR: crashDir } });
      servers.push(server);
      const client = sdkClient(server.baseURL);
      const { events } = await follow(client, id, completed);
      // A periodic checkpoint (every 3 steps) is where it picks up; later steps are trained again.
      const resumed = events.map((e) => e.message).filter((m) => m.startsWith('Resuming'));
      expect(resumed).toHaveLength(1);
      expect(resumed[0]).toMatch(/^Resuming from the checkpoint at step [36]$/);
      expect(metricsOf(events).map((m) => m.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    } finally {
      await rm(crashDir, { recursive: true, force: true });
    }
  });
});
