// What a hostile or unlucky suite can no longer do to the process running it: a pathological
// regex or an oversized metric is that case's result or error, a grading stuck past its time limit
// is stopped and the run goes on, and the event loop turns between cases on the embedded model.
import { createLocalLlm } from '@repo/local-llm';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSuite } from '../suite/load-suite.js';
import { createEvalWorkerPool } from '../workers/eval-worker-pool.js';
import { createModelResolver } from './resolve-models.js';
import { runSuite } from './run-suite.js';

const spinning = createEvalWorkerPool({
  threads: 1,
  gradingTimeoutMs: 1000,
  workerFile: new URL('../workers/__fixtures__/spinning-worker.js', import.meta.url),
});
afterAll(() => spinning.close());

function scripted(...replies: string[]) {
  const llm = createLocalLlm({ script: replies.map((content) => ({ content })) });
  return createModelResolver({ env: {}, localLlm: llm });
}

const suiteOf = (tests: Array<{ description: string; assert: object[] }>) =>
  parseSuite({
    prompts: ['回答：{{q}}'],
    providers: ['local'],
    defaultTest: { vars: { q: '?' } },
    tests,
  });

describe('runSuite with pathological input', () => {
  it('grades (a+)+b against 5,000 a’s as no match, and a levenshtein over its limit as that case’s error', async () => {
    const suite = suiteOf([
      { description: 'redos', assert: [{ type: 'regex', value: '(a+)+b' }] },
      { description: 'huge distance', assert: [{ type: 'levenshtein', value: '北京' }] },
      { description: 'fine', assert: [{ type: 'regex', value: '^北京' }] },
    ]);
    // Spaces in the long reply: local-llm's token count of one 150,000-character word is itself slow.
    const models = scripted('a'.repeat(5000), 'ab '.repeat(50_000), '北京是中国的首都。');
    const run = await runSuite(suite, { models, concurrency: 1, cache: false });
    expect(run.status).toBe('completed');
    expect(run.results.map((result) => [result.description, result.status])).toEqual([
      ['redos', 'failed'],
      ['huge distance', 'error'],
      ['fine', 'passed'],
    ]);
    expect(run.results[0]?.assertions[0]?.reason).toBe('no match for /(a+)+b/');
    expect(run.results[1]?.error).toBe(
      'MetricInputError: levenshtein accepts at most 10000 characters per text; the output has 150000',
    );
    expect(run.results[2]?.assertions[0]?.reason).toBe('matched "北京"');
  });

  it('stops a grading past the time limit: that case errors with the reason, the run goes on', async () => {
    const suite = suiteOf([
      {
        description: 'stuck',
        assert: [
          { type: 'icontains', value: 'spin' },
          { type: 'latency', threshold: 600_000 },
          { type: 'regex', value: '^spin' },
        ],
      },
      { description: 'after', assert: [{ type: 'icontains', value: 'fine' }] },
    ]);
    const run = await runSuite(suite, {
      models: scripted('spin', 'fine'),
      workers: spinning,
      concurrency: 1,
      cache: false,
    });
    expect(run.status).toBe('completed');
    expect(run.results.map((result) => [result.description, result.status])).toEqual([
      ['stuck', 'error'],
      ['after', 'passed'],
    ]);
    expect(run.results[0]?.error).toBe(
      'GradingTimeoutError: grading the icontains and regex assertions took longer than the time limit of 1000 ms; the worker thread was stopped',
    );
    expect(run.summary).toMatchObject({ total: 2, passed: 1, errors: 1 });
  });

  it('gives the event loop a turn after every case, even when nothing else yields', async () => {
    // `latency` is checked here, not in a worker, and the embedded model answers in-process, so
    // before, a run held the event loop from its first case to its last.
    const cases = 40;
    const suite = parseSuite({
      prompts: ['{{q}}'],
      providers: ['local'],
      tests: Array.from({ length: cases }, (_, index) => ({
        vars: { q: `问题 ${index}` },
        assert: [{ type: 'latency', threshold: 600_000 }],
      })),
    });
    const models = createModelResolver({ env: {}, localLlm: createLocalLlm() });
    // The first call loads local-llm's engine and tokenizer (real I/O, many turns): done first.
    await runSuite(suite, { models, concurrency: 1, cache: false });
    let turns = 0;
    let running = true;
    const spin = () => {
      if (!running) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const run = await runSuite(suite, { models, concurrency: 1, cache: false });
    running = false;
    expect(run.summary.passed).toBe(cases);
    // One turn per case (about 40); without them, none at all.
    expect(turns).toBeGreaterThanOrEqual(cases / 2);
  });
});
