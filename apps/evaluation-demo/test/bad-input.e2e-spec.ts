// A user mistake is never a 500: an unknown bundled suite is a 404 listing the names, a suite that
// does not validate a 400 naming each field (with line:column for YAML), an unknown run a 404, a
// provider without its key a 400 naming the variable, and the app's config is checked at boot.
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAppConfig } from '../src/app-config.js';
import { DEFAULT_DATA_URL, SUITES_FOLDER } from '../src/data-folder.js';
import { createTestApp } from './create-test-app.js';

const NAMES = 'json-extraction, qa, rag-faithfulness';

let app: NestExpressApplication;
beforeAll(async () => (app = await createTestApp()));
afterAll(async () => {
  await app.close();
});

const start = (body: object) => request(app.getHttpServer()).post('/api/eval/runs').send(body);

const inline = (assert: object[]) => ({
  description: 'inline',
  prompts: ['Say {{word}}'],
  providers: ['local'],
  tests: [{ vars: { word: 'hi' }, assert }],
});

describe('suites that cannot run', () => {
  it('an unknown bundled suite is a 404 listing the bundled ones', async () => {
    const res = await start({ suite: 'capitals' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: `No bundled suite "capitals". Bundled suites: ${NAMES}. Send YAML text (with newlines) or a suite object to run your own.`,
      details: [{ field: 'suite', reason: `must be one of: ${NAMES}` }],
    });
  });

  it('an inline suite with an unknown assertion type is a 400 naming the field', async () => {
    const res = await start({ suite: inline([{ type: 'containz', value: 'hi' }]) });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(
      /^Invalid eval suite:\nsuite: tests\[0\]\.assert\[0\]\.type: /,
    );
    expect(res.body.details).toEqual([
      { field: 'suite.tests[0].assert[0].type', reason: expect.stringContaining('"containz"') },
    ]);
  });

  it('every problem of an inline suite is listed at once', async () => {
    const suite = { ...inline([{ type: 'icontains' }]), providers: [], extra: 1 };
    const res = await start({ suite });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'suite.extra',
      'suite.providers',
    ]);
  });

  it('a YAML syntax error is a 400 with its line and column', async () => {
    const yaml = [
      'prompts:',
      "  - 'Say {{word}}'",
      'providers: [local',
      'tests:',
      '  - vars: {word: hi}',
    ].join('\n');
    const res = await start({ suite: yaml });
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ field: 'suite' });
    expect(res.body.details[0].reason).toMatch(/\(at \d+:\d+\)$/);
    expect(res.body.message).toMatch(/^Invalid eval suite:\nsuite:\d+:\d+: /);
  });

  it('a YAML suite that parses but does not validate points at the line of the mistake', async () => {
    const yaml = [
      'prompts:',
      "  - 'Say {{word}}'",
      'providers: [local]',
      'tests:',
      '  - vars: {word: hi}',
      '    assert:',
      '      - type: containz',
      '        value: hi',
    ].join('\n');
    const res = await start({ suite: yaml });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      {
        field: 'suite.tests[0].assert[0].type',
        reason: expect.stringMatching(/"containz".* \(at 7:15\)$/),
      },
    ]);
  });

  it('a prompt read from a file is refused in suites sent over HTTP', async () => {
    const suite = {
      ...inline([{ type: 'icontains', value: 'x' }]),
      prompts: ['file:///etc/passwd'],
    };
    const res = await start({ suite });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      {
        field: 'suite.prompts[0]',
        reason: 'file:// prompts are not allowed here; put the prompt text in the suite',
      },
    ]);
    const yaml = await start({
      suite: 'prompts:\n  - file://../.env\nproviders: [local]\ntests: [{}]',
    });
    expect(yaml.status).toBe(400);
    expect(yaml.body.details[0]).toEqual({
      field: 'suite.prompts[0]',
      reason: expect.stringMatching(/^file:\/\/ prompts are not allowed here.*\(at 2:5\)$/),
    });
  });

  it('a provider without its key is a 400 naming the variable, before anything is stored', async () => {
    const suite = { ...inline([{ type: 'icontains', value: 'hi' }]), providers: ['deepseek'] };
    const res = await start({ suite });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'provider', reason: 'set DEEPSEEK_API_KEY' }]);
    const unknown = await start({ suite: { ...suite, providers: ['gpt-9'] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].field).toBe('provider');
    const runs = await request(app.getHttpServer()).get('/api/eval/runs');
    expect(runs.body).toEqual([]);
  });

  it.each([
    [{}, 'suite', 'is required'],
    [{ suite: '' }, 'suite', 'must not be empty'],
    [{ suite: 42 }, 'suite', 'must be a bundled suite name, YAML text or a suite object'],
    [{ suite: 'qa', concurrency: 0 }, 'concurrency', 'must be at least 1'],
    [{ suite: 'qa', concurrency: 33 }, 'concurrency', 'must be at most 32'],
    [{ suite: 'qa', judge: 'local' }, 'judge', 'is not an accepted field'],
  ])('%j is a 400 naming %s', async (body, field, reason) => {
    const res = await start(body);
    expect(res.status).toBe(400);
    expect(res.body.details).toContainEqual({ field, reason });
  });
});

describe('runs that do not exist', () => {
  it.each([
    ['get', '/api/eval/runs/nope'],
    ['get', '/api/eval/runs/nope/events'],
    ['get', '/api/eval/runs/nope/report.html'],
    ['post', '/api/eval/runs/nope/cancel'],
  ] as const)('%s %s is a 404', async (method, path) => {
    const res = await request(app.getHttpServer())[method](path);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ statusCode: 404, message: 'No eval run "nope".' });
  });

  it('compare names the missing parameter (400) and the unknown run (404)', async () => {
    const server = app.getHttpServer();
    const missing = await request(server).get('/api/eval/compare?a=x');
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([{ field: 'b', reason: 'is required' }]);
    const unknown = await request(server).get('/api/eval/compare?a=x&b=y');
    expect(unknown.status).toBe(404);
    expect(unknown.body.details[0].field).toBe('a');
    const format = await request(server).get('/api/eval/compare?a=x&b=y&format=pdf');
    expect(format.body.details).toEqual([
      { field: 'format', reason: 'must be one of: json, html' },
    ]);
  });
});

describe('config', () => {
  it('defaults: port 3006, loopback, the PGlite folder, the bundled suites', () => {
    expect(parseAppConfig({})).toEqual({
      PORT: 3006,
      HOST: '127.0.0.1',
      TRUSTED_NETWORK: false,
      HTTP_MAX_IN_FLIGHT: 64,
      HTTP_MAX_QUEUED: 256,
      DATABASE_URL: DEFAULT_DATA_URL,
      EVAL_CONCURRENCY: 4,
      EVAL_MAX_RUNNING: 4,
      EVAL_MAX_CASES: 2000,
      EVAL_GRADING_TIMEOUT_MS: 10_000,
      EVAL_SUITES_DIR: SUITES_FOLDER,
    });
    expect(DEFAULT_DATA_URL).toMatch(/^file:\/.*evaluation-demo\/\.data\/evaluation-demo$/);
    expect(SUITES_FOLDER).toMatch(/evaluation-demo\/suites$/);
  });

  it('lists every bad variable; a judge must be a configured provider', () => {
    expect(() =>
      parseAppConfig({ EVAL_JUDGE: 'deepsek', EVAL_CONCURRENCY: '0', DATABASE_URL: 'mysql://x' }),
    ).toThrow(
      'Invalid configuration:\n' +
        '  - DATABASE_URL: must be memory://, file:<folder> or postgres://…\n' +
        '  - EVAL_JUDGE: "deepsek" is not a provider; use provider[:model] with one of openai, deepseek, qwen, doubao, zhipu, moonshot, ollama, local\n' +
        '  - EVAL_CONCURRENCY: must be between 1 and 32',
    );
    expect(() =>
      parseAppConfig({
        EVAL_MAX_CASES: '0',
        EVAL_GRADING_TIMEOUT_MS: '10',
        EVAL_WORKER_THREADS: 'x',
      }),
    ).toThrow(
      'Invalid configuration:\n' +
        '  - EVAL_MAX_CASES: must be between 1 and 100000\n' +
        '  - EVAL_GRADING_TIMEOUT_MS: must be between 100 and 600000\n' +
        '  - EVAL_WORKER_THREADS: must be a number',
    );
    expect(parseAppConfig({ EVAL_WORKER_THREADS: '2' })).toMatchObject({ EVAL_WORKER_THREADS: 2 });
    expect(() => parseAppConfig({ EVAL_JUDGE: 'deepseek' })).toThrow(
      '  - EVAL_JUDGE: the deepseek provider is not configured; set DEEPSEEK_API_KEY',
    );
    expect(
      parseAppConfig({ EVAL_JUDGE: 'deepseek:deepseek-v4-flash', DEEPSEEK_API_KEY: 'k' }),
    ).toMatchObject({ EVAL_JUDGE: 'deepseek:deepseek-v4-flash' });
    expect(parseAppConfig({ EVAL_JUDGE: '', PORT: '' })).toMatchObject({ PORT: 3006 });
  });
});
