import { AbortedError, TimeoutError } from '@repo/core';
import { afterAll, describe, expect, it } from 'vitest';
import { MetricInputError } from '../metrics/metrics-errors.js';
import { SuiteError, SuiteTooLargeError } from '../suite/suite-errors.js';
import { parseSuiteText } from '../suite/load-suite.js';
import { createEvalWorkerPool } from './eval-worker-pool.js';
import { GradingTimeoutError } from './worker-errors.js';

const pool = createEvalWorkerPool({ threads: 2 });
const spinning = createEvalWorkerPool({
  threads: 1,
  gradingTimeoutMs: 1000,
  workerFile: new URL('./__fixtures__/spinning-worker.js', import.meta.url),
});
afterAll(() => Promise.all([pool.close(), spinning.close()]));

/** One check; its outcome. */
const grade = async (type: string, output: string, value?: unknown) =>
  (await pool.grade({ output, checks: [{ type, value, config: {} }] }))[0];

describe('grading in worker threads', () => {
  it('runs a case’s checks on the output together and answers their outcomes in order', async () => {
    expect(
      await pool.grade({
        output: '北京是中国的首都。',
        checks: [
          { type: 'contains', value: '北京', config: {} },
          { type: 'rouge-n', value: '北京', config: { n: 2 } },
          { type: 'starts-with', value: '上海', config: {} },
        ],
      }),
    ).toEqual([
      { pass: true, score: 1, reason: '1 of 1 found: "北京"', method: 'metric' },
      // bigrams: 北京 京是 是中 中国 国的 的首 首都 vs 北京: P = 1/7, R = 1, F = 2/8
      { pass: false, score: 0.25, reason: 'ROUGE-2 F 0.25 < 0.75', method: 'metric' },
      { pass: false, score: 0, reason: 'does not start with "上海"', method: 'metric' },
    ]);
  });

  it('answers each check’s outcome', async () => {
    expect(await grade('icontains', '首都是北京', '北京')).toEqual({
      pass: true,
      score: 1,
      reason: '1 of 1 found: "北京"',
      method: 'metric',
    });
    expect(await grade('regex', 'a'.repeat(100_000), '(a+)+b')).toEqual({
      pass: false,
      score: 0,
      reason: 'no match for /(a+)+b/',
      method: 'metric',
    });
    expect(await grade('levenshtein', 'kitten', 'sitting')).toMatchObject({
      pass: true,
      reason: 'edit distance 3 ≤ 5',
    });
  });

  it('sends typed errors back: a levenshtein over its limit names the limit and the side', async () => {
    const error = await grade('levenshtein', 'a'.repeat(150_000), 'a'.repeat(150_000)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MetricInputError);
    expect(error).toMatchObject({
      message: 'levenshtein accepts at most 10000 characters per text; the output has 150000',
      details: [{ field: 'the output', reason: 'has 150000 characters; the limit is 10000' }],
    });
    await expect(grade('levenshtein', 'short', '中'.repeat(10_001))).rejects.toThrow(
      'levenshtein accepts at most 10000 characters per text; the value has 10001',
    );
    await expect(grade('regex', 'x', 'x(?=y)')).rejects.toThrow(
      /^invalid regular expression: .*lookahead is not supported/,
    );
  });

  it('stops a grading past the time limit, while the event loop keeps turning', async () => {
    const order: string[] = [];
    const stuck = spinning.grade({ output: 'spin', checks: [{ type: 'regex', config: {} }] }).then(
      () => order.push('graded'),
      (error: unknown) => {
        order.push('stopped');
        return error;
      },
    );
    // The worker never finishes on its own: ticks of this thread run meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 10));
    order.push('tick');
    const error = await stuck;
    expect(order).toEqual(['tick', 'stopped']);
    expect(error).toBeInstanceOf(GradingTimeoutError);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      assertionTypes: ['regex'],
      timeoutMs: 1000,
      message:
        'grading the regex assertion took longer than the time limit of 1000 ms; the worker thread was stopped',
    });
    // The thread was replaced: the next task is graded.
    expect(
      await spinning.grade({
        output: 'fine',
        checks: [{ type: 'icontains', value: 'FINE', config: {} }],
      }),
    ).toEqual([{ pass: true, score: 1, reason: '1 of 1 found: "FINE"', method: 'metric' }]);
  });

  it('aborts a grading when its signal fires (a cancelled run)', async () => {
    const controller = new AbortController();
    const stuck = spinning.grade(
      { output: 'spin', checks: [{ type: 'regex', config: {} }] },
      controller.signal,
    );
    controller.abort();
    await expect(stuck).rejects.toBeInstanceOf(AbortedError);
  });
});

describe('parsing suites in worker threads', () => {
  const yaml = [
    'description: 城市',
    'prompts: ["{{question}}"]',
    'providers: [local]',
    'tests:',
    '  - vars: {question: 北京是哪国的首都？}',
    '    assert: [{type: contains, value: 中国}]',
  ].join('\n');

  it('returns the same suite as parsing here', async () => {
    expect(await pool.parseSuite(yaml, { allowFiles: false })).toEqual(
      parseSuiteText(yaml, { allowFiles: false }),
    );
    const object = { prompts: ['{{q}}'], providers: ['local'], tests: [{ vars: { q: 'hi' } }] };
    expect(await pool.parseSuite(object)).toMatchObject({ name: 'suite', tests: [{ key: '#1' }] });
  });

  it('keeps every problem, with its line and column, and the limit a suite is over', async () => {
    const error = await pool
      .parseSuite(yaml.replace('contains', 'containz'), { file: 'cities.yaml' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SuiteError);
    expect(error).toMatchObject({
      file: 'cities.yaml',
      problems: [
        { field: 'tests[0].assert[0].type', line: 6, column: 21, reason: expect.any(String) },
      ],
    });
    const big = await pool
      .parseSuite(yaml, { limits: { maxCases: 0 } })
      .catch((caught: unknown) => caught);
    expect(big).toBeInstanceOf(SuiteTooLargeError);
    expect(big).toMatchObject({ limit: 'maxCases', max: 0, code: 'suite_too_large' });
  });
});
