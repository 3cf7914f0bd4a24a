// Suite runs through the API on the embedded model: each bundled suite passes 100% with progress
// over SSE, then is listed, reported (HTML) and readable as JSON; two runs of an inline suite are
// compared (the case an assertion change broke is listed as flipped); a slow run (local-llm's
// latency fault) is cancelled, keeps what finished, and meanwhile a second run is a 429.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { localLlmOf } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../src/runs/live-run.js';
import {
  createTestApp,
  type DoneData,
  readEvents,
  runUntilDone,
  startRun,
} from './create-test-app.js';

let app: NestExpressApplication;
beforeAll(async () => (app = await createTestApp({ EVAL_MAX_RUNNING: '1' })));
afterEach(() => localLlmOf(app).reset());
afterAll(async () => {
  await app.close();
});

const get = (path: string) => request(app.getHttpServer()).get(path);

describe.each([
  ['qa', 'Question answering from a context (English and Chinese)', 8, 1],
  ['rag-faithfulness', 'Faithfulness of retrieval-augmented answers', 6, undefined],
  ['json-extraction', 'JSON extraction of orders with response_format json_schema', 6, undefined],
])('the bundled suite %s', (suite, name, total, concurrency) => {
  it(`passes all ${total} cases, with progress over SSE, and is stored, listed and reported`, async () => {
    // The first model call waits a second, so the stream opens before that case finishes. One
    // case at a time (qa), nothing has finished yet; four at a time, the others may have: the
    // stream then starts with a snapshot of the counts so far.
    localLlmOf(app).faults({ latencyMs: 1000, times: 1 });
    const { runId, events, done } = await runUntilDone(app, {
      suite,
      ...(concurrency ? { concurrency } : {}),
    });

    const progress = events
      .filter((e) => e.event === 'progress')
      .map((e) => e.data as ProgressEvent);
    const [snapshot, ...perCase] = progress;
    const already = snapshot?.done ?? -1;
    expect(snapshot).toEqual({ done: already, total, passed: already, failed: 0, errors: 0 });
    if (concurrency === 1) expect(already).toBe(0);
    expect(already).toBeLessThan(total);
    // One event per case that finished after the client connected, counts going up one by one.
    expect(perCase.map((p) => p.done)).toEqual(
      Array.from({ length: total - already }, (_, i) => already + i + 1),
    );
    expect(perCase.every((p) => p.case?.status === 'passed' && p.passed === p.done)).toBe(true);
    expect(done).toMatchObject({
      runId,
      status: 'completed',
      summary: { total, passed: total, failed: 0, passRate: 1 },
    });

    const list = await get('/api/eval/runs');
    expect(list.body[0]).toMatchObject({
      id: runId,
      name,
      status: 'completed',
      passRate: 1,
      error: null,
    });

    const report = await get(`/api/eval/runs/${runId}/report.html`);
    expect(report.status).toBe(200);
    expect(report.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(report.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    );
    expect(report.text).toContain(`<title>${name}</title>`);
    expect(report.text).toContain('<svg');

    const json = await get(`/api/eval/runs/${runId}`);
    expect(json.body).toMatchObject({ id: runId, status: 'completed', run: { id: runId, name } });
    expect(json.body.run.suitePath).toBe(`${suite}.eval.yaml`);
    expect(json.body.run.results).toHaveLength(total);
    expect(json.body.run.results.every((r: { status: string }) => r.status === 'passed')).toBe(
      true,
    );

    // A finished run's stream is its `done` at once.
    const again = await readEvents(app, runId);
    expect(again.map((e) => e.event)).toEqual(['done']);
    expect(again[0]?.data).toMatchObject({ runId, status: 'completed', summary: { passRate: 1 } });
  });
});

describe('comparing two runs', () => {
  const suite = (answerMustContain: string) => ({
    description: 'Capitals',
    prompts: ['Context: {{context}}\nQuestion: {{question}}'],
    providers: ['local'],
    tests: [
      {
        description: 'France',
        vars: {
          question: 'What is the capital of France?',
          context: 'Paris is the capital of France.',
        },
        assert: [{ type: 'icontains', value: answerMustContain }],
      },
      {
        description: 'Germany',
        vars: {
          question: 'What is the capital of Germany?',
          context: 'Berlin is the capital of Germany.',
        },
        assert: [{ type: 'icontains', value: 'Berlin' }],
      },
    ],
  });

  it('lists the case an assertion change broke as flipped, in JSON and in the HTML report', async () => {
    const before = await runUntilDone(app, { suite: suite('Paris') });
    const after = await runUntilDone(app, { suite: suite('Lyon') });
    expect(before.done.summary.passRate).toBe(1);
    expect(after.done.summary.passRate).toBe(0.5);

    const res = await get(`/api/eval/compare?a=${before.runId}&b=${after.runId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      a: { id: before.runId, name: 'Capitals', passRate: 1 },
      b: { id: after.runId, name: 'Capitals', passRate: 0.5 },
      passRateDelta: -0.5,
      onlyInA: [],
      onlyInB: [],
    });
    expect(res.body.flipped).toEqual([
      expect.objectContaining({ description: 'France', before: 'passed', after: 'failed' }),
    ]);

    const html = await get(`/api/eval/compare?a=${before.runId}&b=${after.runId}&format=html`);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    );
    expect(html.text).toContain('<h2>Compared with Capitals</h2>');
    expect(html.text).toContain('1 flipped: 1 regressions');
  });
});

describe('a slow run', () => {
  it('can be cancelled (finished cases are kept); meanwhile a second run is a 429 and its report a 409', async () => {
    // Every model call takes a second; one case at a time.
    localLlmOf(app).faults({ latencyMs: 1000 });
    const runId = await startRun(app, { suite: 'qa', concurrency: 1 });

    const busy = await request(app.getHttpServer()).post('/api/eval/runs').send({ suite: 'qa' });
    expect(busy.status).toBe(429);
    expect(busy.headers['retry-after']).toBe('5');
    expect(busy.body.message).toContain('EVAL_MAX_RUNNING');

    const early = await get(`/api/eval/runs/${runId}/report.html`);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/^Run .+ is still running \(\d of 8 cases done\)/);
    expect((await get(`/api/eval/compare?a=${runId}&b=${runId}`)).status).toBe(409);

    // Wait for the first case, then cancel during the second.
    let details = await get(`/api/eval/runs/${runId}`);
    expect(details.body).toMatchObject({ status: 'running', run: null, progress: { total: 8 } });
    while (details.body.progress?.done === 0) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      details = await get(`/api/eval/runs/${runId}`);
    }
    const cancel = await request(app.getHttpServer()).post(`/api/eval/runs/${runId}/cancel`);
    expect(cancel.status).toBe(202);
    expect(cancel.body).toEqual({ runId, status: 'cancelling' });
    const events = await readEvents(app, runId);
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { runId, status: 'cancelled' } });
    const { summary } = events.at(-1)?.data as DoneData;
    expect(summary.passed).toBeGreaterThanOrEqual(1);
    expect(summary.cancelled).toBeGreaterThanOrEqual(1);
    expect(summary.passed + summary.cancelled).toBe(8);
    // The model call in flight was aborted, not waited for.
    expect(
      localLlmOf(app)
        .requests()
        .some((r) => r.aborted),
    ).toBe(true);

    const stored = await get(`/api/eval/runs/${runId}`);
    expect(stored.body).toMatchObject({ status: 'cancelled', run: { status: 'cancelled' } });
    expect(stored.body.run.results[0]).toMatchObject({
      description: 'Eiffel Tower height',
      status: 'passed',
    });
    expect((await get(`/api/eval/runs/${runId}/report.html`)).status).toBe(200);
    const twice = await request(app.getHttpServer()).post(`/api/eval/runs/${runId}/cancel`);
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe(
      `Run ${runId} is cancelled; only a running run can be cancelled.`,
    );
  });
});
