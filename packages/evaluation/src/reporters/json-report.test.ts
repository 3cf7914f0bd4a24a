import { InvalidInputError } from '@repo/core';
import { describe, expect, it } from 'vitest';
import type { EvalRun } from '../eval-run.js';
import { XSS_OUTPUT, createSampleRun } from './__fixtures__/sample-run.js';
import { parseJsonReport, toJsonReport } from './json-report.js';

function reverseKeys<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).reverse()) as T;
}

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function reportWith(
  edit: (report: { version: unknown; run: Record<string, unknown> }) => void,
): string {
  const report = JSON.parse(toJsonReport(createSampleRun())) as {
    version: unknown;
    run: Record<string, unknown>;
  };
  edit(report);
  return JSON.stringify(report);
}

describe('toJsonReport', () => {
  it('writes {version, timestamp, run} with the summary before the cases', () => {
    const text = toJsonReport(createSampleRun());
    expect(
      text.startsWith(
        '{\n  "version": 1,\n  "timestamp": "2025-11-30T00:50:03.240Z",\n  "run": {\n    "id": ',
      ),
    ).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(text) as { run: EvalRun };
    expect(Object.keys(parsed.run)).toEqual([
      'id',
      'name',
      'suitePath',
      'startedAt',
      'finishedAt',
      'status',
      'judge',
      'summary',
      'results',
    ]);
    expect(Object.keys(parsed.run.results[0] ?? {}).slice(0, 8)).toEqual([
      'id',
      'testIndex',
      'description',
      'prompt',
      'provider',
      'status',
      'pass',
      'score',
    ]);
  });

  it('writes the same bytes whatever order the run was built in', () => {
    const run = createSampleRun();
    const shuffled: EvalRun = reverseKeys({
      ...run,
      summary: reverseKeys(run.summary),
      results: run.results.map((result) =>
        reverseKeys({ ...result, assertions: result.assertions.map(reverseKeys) }),
      ),
    });
    expect(toJsonReport(shuffled)).toBe(toJsonReport(run));
  });

  it('keeps Chinese text and markup as they are', () => {
    const text = toJsonReport(createSampleRun());
    expect(text).toContain('"output": "法国的首都是里昂。"');
    expect(text).toContain(`"output": "${XSS_OUTPUT}"`);
    expect(text).toContain('\\u001b[1mKey point');
  });
});

describe('parseJsonReport', () => {
  it('reads back the run it was given', () => {
    const run = createSampleRun();
    const back = parseJsonReport(toJsonReport(run));
    expect(back).toEqual(run);
    expect(back.results[3]?.assertions[0]?.reason).toBe('输出中没有"巴黎"');
    expect(back.summary.ci95).toEqual([2 / 7, 6 / 7]);
  });

  it('names the field at fault', () => {
    const text = reportWith((report) => {
      const results = report.run.results as Record<string, unknown>[];
      (results[3] as Record<string, unknown>).score = '0.5';
    });
    const error = catchError(() => parseJsonReport(text));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({
      message: 'Not a valid JSON report: run.results[3].score must be a number, got string',
      details: [{ field: 'run.results[3].score', reason: 'must be a number, got string' }],
    });
  });

  it('lists every problem, capped, with nested paths', () => {
    const text = reportWith((report) => {
      const results = report.run.results as Record<string, unknown>[];
      const assertions = (results[0] as { assertions: Record<string, unknown>[] }).assertions;
      (assertions[1] as Record<string, unknown>).method = 'guess';
      (results[6] as Record<string, unknown>).status = 'skipped';
      (report.run.summary as Record<string, unknown>).ci95 = [0.1];
    });
    const error = catchError(() => parseJsonReport(text)) as InvalidInputError;
    expect(error.message).toBe(
      'Not a valid JSON report: run.summary.ci95 must be two numbers [low, high] (and 2 more)',
    );
    expect(error.details.map((detail) => detail.field)).toEqual([
      'run.summary.ci95',
      'run.results[0].assertions[1].method',
      'run.results[6].status',
    ]);
    expect(error.details[1]?.reason).toBe(
      'must be one of "model", "heuristic", "metric", got string',
    );
  });

  it('rejects text that is not JSON, another version, or no run', () => {
    const notJson = catchError(() => parseJsonReport('{"version": 1,')) as InvalidInputError;
    expect(notJson).toBeInstanceOf(InvalidInputError);
    expect(notJson.details[0]?.field).toBe('$');
    expect(notJson.message).toMatch(/^Not a JSON report: /);

    const otherVersion = catchError(() =>
      parseJsonReport(reportWith((report) => (report.version = 2))),
    );
    expect(otherVersion).toMatchObject({
      details: [{ field: 'version', reason: 'must be 1, got 2' }],
    });

    const noRun = catchError(() => parseJsonReport('{"version": 1}'));
    expect(noRun).toMatchObject({
      details: [{ field: 'run', reason: 'must be an object, got undefined' }],
    });

    const array = catchError(() => parseJsonReport('[]'));
    expect(array).toMatchObject({
      details: [{ field: '$', reason: 'must be an object, got array' }],
    });
  });
});
