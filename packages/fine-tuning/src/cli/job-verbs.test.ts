// submit, follow, list and cancel against recorded OpenAI fine-tuning answers served on a local
// port: what was sent (the upload, the job spec, the key) and what was printed, and the key never
// in the output.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../jobs/__fixtures__/fixture-server.js';
import { packageDir, runAiFt } from './__fixtures__/run-ai-ft.js';

const KEY = 'sk-cli-secret-4d9e2a7b';
const CLEAN_ZH = path.join(packageDir, 'src/dataset/__fixtures__/clean-zh.jsonl');
const MODEL = 'gpt-4o-mini-2024-07-18';

const job = (status: string, extra: object = {}) => ({
  id: 'ftjob-7',
  object: 'fine_tuning.job',
  model: MODEL,
  status,
  created_at: 1_765_000_000,
  finished_at: null,
  fine_tuned_model: null,
  organization_id: 'org-1',
  result_files: [],
  hyperparameters: { n_epochs: 2 },
  training_file: 'file-train',
  validation_file: null,
  trained_tokens: null,
  error: null,
  seed: 3,
  ...extra,
});
const event = (id: string, seconds: number, message: string) => ({
  id,
  object: 'fine_tuning.job.event',
  created_at: 1_765_000_000 + seconds,
  level: 'info',
  message,
  type: 'message',
});

let server: FixtureServer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ai-ft-jobs-'));
  server = await startFixtureServer({
    'POST /v1/files': {
      body: {
        id: 'file-train',
        object: 'file',
        bytes: 900,
        created_at: 1_765_000_000,
        filename: 'clean-zh.jsonl',
        purpose: 'fine-tune',
        status: 'processed',
      },
    },
    'POST /v1/fine_tuning/jobs': { body: job('validating_files') },
    'GET /v1/fine_tuning/jobs/ftjob-7': [
      { body: job('running') },
      {
        body: job('succeeded', {
          fine_tuned_model: 'ft:gpt-4o-mini:org::abc',
          finished_at: 1_765_000_900,
        }),
      },
    ],
    'GET /v1/fine_tuning/jobs/ftjob-7/events?limit=100': [
      { body: { object: 'list', data: [event('ev-1', 1, '训练开始')], has_more: false } },
      {
        body: {
          object: 'list',
          data: [
            event('ev-2', 900, 'The job has successfully completed'),
            event('ev-1', 1, '训练开始'),
          ],
          has_more: false,
        },
      },
    ],
    'GET /v1/fine_tuning/jobs?limit=2': {
      body: {
        object: 'list',
        data: [job('running'), { ...job('failed'), id: 'ftjob-6' }],
        has_more: true,
      },
    },
    'POST /v1/fine_tuning/jobs/ftjob-7/cancel': { body: job('cancelled') },
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const withKey = (...args: string[]) =>
  runAiFt([...args, '--base-url', `${server.url}/v1`], { OPENAI_API_KEY: KEY });

describe('ai-ft job verbs', () => {
  it('submit uploads, creates and follows the job to its fine-tuned model', async () => {
    const run = await withKey(
      'submit',
      CLEAN_ZH,
      '--model',
      MODEL,
      '--epochs',
      '2',
      '--seed',
      '3',
      '--follow',
      '--poll-ms',
      '1',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      `submitted ftjob-7  validating (validating_files)  ${MODEL}`,
      'status running (running)',
      '2025-12-06 05:46:41  训练开始',
      'status succeeded (succeeded)',
      '2025-12-06 06:01:40  The job has successfully completed',
      `ftjob-7  succeeded (succeeded)  ${MODEL}  → ft:gpt-4o-mini:org::abc`,
    ]);
    const created = server.received.find(
      (r) => r.method === 'POST' && r.path === '/v1/fine_tuning/jobs',
    );
    expect(JSON.parse(created?.body ?? '{}')).toMatchObject({
      model: MODEL,
      training_file: 'file-train',
      seed: 3,
    });
    const upload = server.received.find((r) => r.path === '/v1/files');
    expect(upload?.body).toContain('画蛇添足');
    expect(upload?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(run.stdout + run.stderr).not.toContain(KEY);
  });

  it('submit refuses a file with errors before uploading anything', async () => {
    const bad = path.join(dir, 'bad.jsonl');
    await writeFile(bad, '{"messages": [{"role": "user"\n');
    const uploads = server.received.length;
    const run = await withKey('submit', bad, '--model', MODEL);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^line 1 {2}invalid_json {2}/);
    expect(run.stderr).toContain('ai-ft: not uploaded: 1 errors');
    expect(server.received.length).toBe(uploads);
  });

  it('list and cancel print the jobs; a missing key is named, not printed', async () => {
    const list = await withKey('list', '--limit', '2');
    expect(list.code).toBe(0);
    expect(list.stdout).toBe(
      `2025-12-06 05:46:40  ftjob-7  running (running)  ${MODEL}\n` +
        `2025-12-06 05:46:40  ftjob-6  failed (failed)  ${MODEL}\n… more (--limit)\n`,
    );
    const cancel = await withKey('cancel', 'ftjob-7', '--json');
    expect(cancel.code).toBe(0);
    expect(JSON.parse(cancel.stdout)).toMatchObject({
      id: 'ftjob-7',
      status: 'cancelled',
      backend: 'openai',
    });
    const noKey = await runAiFt(['list', '--base-url', `${server.url}/v1`]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toBe('ai-ft list: no API key: set OPENAI_API_KEY\n');
    const badBackend = await withKey('list', '--backend', 'vertex');
    expect(badBackend.code).toBe(2);
    expect(badBackend.stderr).toContain(
      '--backend must be one of openai, azure, local-llm, dashscope, together',
    );
  });
});
