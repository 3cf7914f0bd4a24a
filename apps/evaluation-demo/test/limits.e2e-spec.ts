// What outside testing found could stall this app or break it, each reproduced on the embedded
// model: a pathological regex and a levenshtein of 150 KB (graded in worker threads now, the
// first in linear time, the second refused by its limit), a grading stuck past
// EVAL_GRADING_TIMEOUT_MS (stopped; /health answers meanwhile), a "billion laughs" YAML and an
// oversized suite (400s naming the limit), and a flood of 1,000-case submissions (EVAL_MAX_RUNNING
// holds on the in-process model too: 429 with Retry-After). No timing is asserted: order is.
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { localLlmOf } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type DoneData, readEvents, startRun } from './create-test-app.js';

let app: NestExpressApplication;
beforeAll(
  async () =>
    (app = await createTestApp(
      { EVAL_MAX_RUNNING: '2', EVAL_MAX_CASES: '1000', EVAL_GRADING_TIMEOUT_MS: '2000' },
      {
        workerFile: new URL(
          '../../../packages/evaluation/src/workers/__fixtures__/spinning-worker.js',
          import.meta.url,
        ),
      },
    )),
);
afterEach(() => localLlmOf(app).reset());
afterAll(async () => {
  await app.close();
});

const post = (suite: unknown) =>
  request(app.getHttpServer()).post('/api/eval/runs').send({ suite });
const health = () => request(app.getHttpServer()).get('/health');

/** Each test its own question: the same request twice would come from the run's output cache. */
const suiteOf = (tests: Array<{ description?: string; vars?: object; assert?: object[] }>) => ({
  prompts: ['回答：{{q}}'],
  providers: ['local'],
  tests: tests.map((test, index) => ({ vars: { q: `第${index}题` }, ...test })),
});

describe('suites refused before any work, with a 400 naming the limit', () => {
  it('a "billion laughs" YAML (nine anchors of nine aliases each)', async () => {
    const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let level = 1; level < 9; level++) {
      const [name, previous] = [String.fromCharCode(97 + level), String.fromCharCode(96 + level)];
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const res = await post(
      [...lines, 'prompts: [x]', 'providers: [local]', 'tests: [{}]'].join('\n'),
    );
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      {
        field: 'suite',
        reason:
          'its aliases (*name) expand beyond the limit of 100 (maxAliasCount): refused as an entity-expansion ("billion laughs") document',
      },
    ]);
  });

  it('a suite making more cases than EVAL_MAX_CASES', async () => {
    const tests = Array.from({ length: 501 }, (_, index) => ({ vars: { q: `第${index}题` } }));
    const res = await post({ ...suiteOf(tests), prompts: ['{{q}}', '问：{{q}}'] });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      {
        field: 'suite.tests',
        reason:
          'makes 1002 cases (501 tests × 2 prompts × 1 providers); the limit is 1000 (EVAL_MAX_CASES)',
      },
    ]);
    expect((await request(app.getHttpServer()).get('/api/eval/runs')).body).toEqual([]);
  });

  it('YAML nested deeper than 64 levels, and a regex that needs backtracking, at its line', async () => {
    const deep = await post(
      `prompts: [x]\nproviders: [local]\ntests: [{vars: {q: ${'['.repeat(80)}${']'.repeat(80)}}}]`,
    );
    expect(deep.status).toBe(400);
    expect(deep.body.details).toEqual([
      { field: 'suite', reason: 'is nested deeper than the limit of 64 levels (maxDepth)' },
    ]);
    const regex = await post(
      'prompts: [x]\nproviders: [local]\ntests:\n  - assert:\n      - {type: regex, value: "北京(?=是)"}\n',
    );
    expect(regex.status).toBe(400);
    expect(regex.body.details).toEqual([
      {
        field: 'suite.tests[0].assert[0].value',
        reason: expect.stringMatching(/lookahead is not supported: .* linear time\) \(at 5:30\)$/),
      },
    ]);
  });
});

describe('gradings that used to hold the event loop', () => {
  it('(a+)+b against a run of a’s fails as no match; a 150 KB levenshtein is that case’s error', async () => {
    // 30 a's: JavaScript's backtracking would take about a minute; RE2 takes microseconds.
    localLlmOf(app).script([{ content: 'a'.repeat(30) }, { content: 'ab '.repeat(50_000) }]);
    const runId = await startRun(app, {
      suite: suiteOf([
        { description: 'redos', assert: [{ type: 'regex', value: '(a+)+b' }] },
        { description: 'distance', assert: [{ type: 'levenshtein', value: '北京' }] },
      ]),
      concurrency: 1,
    });
    const done = (await readEvents(app, runId)).at(-1)?.data as DoneData;
    expect(done).toMatchObject({ status: 'completed', summary: { total: 2, failed: 1 } });
    const { body } = await request(app.getHttpServer()).get(`/api/eval/runs/${runId}`);
    const [redos, distance] = body.run.results;
    expect(redos).toMatchObject({
      status: 'failed',
      assertions: [{ reason: 'no match for /(a+)+b/' }],
    });
    expect(distance).toMatchObject({
      status: 'error',
      error:
        'MetricInputError: levenshtein accepts at most 10000 characters per text; the output has 150000',
    });
  });

  it('a grading stuck past EVAL_GRADING_TIMEOUT_MS: /health answers meanwhile, the case errors, the run goes on', async () => {
    // The test worker never finishes grading an output that starts with "spin".
    localLlmOf(app).script([{ content: 'spin: 北京' }, { content: '北京是中国的首都。' }]);
    const runId = await startRun(app, {
      suite: suiteOf([
        { description: 'stuck', assert: [{ type: 'icontains', value: '北京' }] },
        { description: 'after', assert: [{ type: 'icontains', value: '北京' }] },
      ]),
      concurrency: 1,
    });
    const order: string[] = [];
    const [alive, events] = await Promise.all([
      health().then((res) => (order.push('health'), res)),
      readEvents(app, runId).then((records) => (order.push('done'), records)),
    ]);
    expect(alive.status).toBe(200);
    expect(alive.body.info.runs).toEqual({ status: 'up', running: 1 });
    expect(order).toEqual(['health', 'done']);
    expect(events.at(-1)?.data).toMatchObject({
      status: 'completed',
      summary: { total: 2, passed: 1, errors: 1 },
    });
    const { body } = await request(app.getHttpServer()).get(`/api/eval/runs/${runId}`);
    expect(body.run.results.map((r: { status: string }) => r.status)).toEqual(['error', 'passed']);
    expect(body.run.results[0].error).toBe(
      'GradingTimeoutError: grading the icontains assertion took longer than the time limit of 2000 ms; the worker thread was stopped',
    );
  });
});

describe('many submissions at once on the embedded model', () => {
  it('accepts EVAL_MAX_RUNNING runs and refuses the rest with 429 + Retry-After; /health answers during', async () => {
    // Over a real socket, as a client floods it. Before, runs on the in-process model held the
    // event loop: 13 of these 40 were accepted, one after another, and /health answered only
    // once every run had ended (running: 0).
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const tests = Array.from({ length: 1000 }, (_, index) => ({
      vars: { q: `问题 ${index}` },
      assert: [{ type: 'icontains', value: '问题' }],
    }));
    const body = JSON.stringify({ suite: { ...suiteOf([]), tests } });
    const submit = async () => {
      const res = await fetch(`${base}/api/eval/runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return {
        status: res.status,
        retryAfter: res.headers.get('retry-after'),
        body: await res.json(),
      };
    };
    const answers = await Promise.all(Array.from({ length: 40 }, submit));
    const alive = await health();
    const accepted = answers.filter((res) => res.status === 202);
    const refused = answers.filter((res) => res.status === 429);
    expect(accepted.length + refused.length).toBe(40);
    expect(accepted.length).toBeGreaterThanOrEqual(2);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const res of refused) {
      expect(Number(res.retryAfter)).toBeGreaterThanOrEqual(5);
      expect(res.body).toMatchObject({
        statusCode: 429,
        retryAfter: Number(res.retryAfter),
        message: expect.stringMatching(
          /^Too many eval runs at once \(2 running, 0 waiting\); retry in \d+ s; cancel one, or raise EVAL_MAX_RUNNING\.$/,
        ),
      });
    }
    // /health answered while runs were still in flight, and never more than the limit.
    expect(alive.status).toBe(200);
    expect(alive.body.info.runs.running).toBeGreaterThanOrEqual(1);
    expect(alive.body.info.runs.running).toBeLessThanOrEqual(2);
    for (const res of accepted) {
      const done = (await readEvents(app, res.body.runId)).at(-1)?.data as DoneData;
      expect(done.summary).toMatchObject({ total: 1000, passed: 1000 });
    }
  });
});

describe('logs', () => {
  it('carry run ids, counts and sizes, never the suite or the output', async () => {
    const lines: string[] = [];
    const record = (message: unknown) => void lines.push(String(message));
    const spies = (['log', 'error', 'warn'] as const).map((level) =>
      vi.spyOn(Logger.prototype, level).mockImplementation(record),
    );
    try {
      localLlmOf(app).script([{ content: '机密输出 canary-output' }]);
      const yaml = [
        'description: 机密 canary-suite',
        'prompts: ["canary-prompt {{q}}"]',
        'providers: [local]',
        'tests: [{vars: {q: canary-var}, assert: [{type: contains, value: canary-value}]}]',
      ].join('\n');
      const runId = await startRun(app, { suite: yaml });
      await readEvents(app, runId);
      expect(lines).toEqual(
        expect.arrayContaining([
          `Run ${runId} started: YAML of ${yaml.length} characters, 1 tests, 1 cases, 4 at a time`,
          expect.stringMatching(
            new RegExp(
              `^Run ${runId} completed: 0 passed, 1 failed, 0 errors, 0 cancelled of 1 in \\d+ ms$`,
            ),
          ),
        ]),
      );
      expect(lines.filter((line) => /canary|机密/.test(line))).toEqual([]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
