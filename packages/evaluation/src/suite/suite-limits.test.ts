import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSuite, parseSuite, parseSuiteText } from './load-suite.js';
import { thrownBy } from '../__fixtures__/thrown-by.js';
import { SuiteError, SuiteTooLargeError } from './suite-errors.js';
import { DEFAULT_SUITE_LIMITS } from './suite-limits.js';

const refusal = (run: () => unknown) => thrownBy(run, SuiteTooLargeError);

/** Nine anchors, each a list of nine aliases of the one before: 9⁹ ≈ 387 million strings. */
function billionLaughs(): string {
  const lines = ['a: &a ["哈哈", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = `*${String.fromCharCode(96 + level)}`;
    lines.push(`${name}: &${name} [${Array(9).fill(previous).join(', ')}]`);
  }
  return [...lines, 'prompts: ["{{q}}"]', 'providers: [local]', 'tests: [{vars: {q: *i}}]'].join(
    '\n',
  );
}

const tests = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ vars: { q: `第${index}题` } }));

describe('suite limits', () => {
  it('refuses a "billion laughs" YAML at its alias limit, before expanding it', () => {
    const error = refusal(() => parseSuiteText(billionLaughs(), { file: 'lol.yaml' }));
    expect(error).toBeInstanceOf(SuiteError);
    expect(error).toMatchObject({
      name: 'SuiteTooLargeError',
      code: 'suite_too_large',
      limit: 'maxAliasCount',
      max: 100,
      file: 'lol.yaml',
      details: [
        {
          field: 'suite',
          reason:
            'its aliases (*name) expand beyond the limit of 100 (maxAliasCount): refused as an entity-expansion ("billion laughs") document',
        },
      ],
    });
    // A few aliases, as suites use them, are fine.
    const shared = [
      'prompts: ["{{q}} {{context}}"]',
      'providers: [local]',
      'tests:',
      '  - vars: {q: 首都？, context: &ctx 北京是中国的首都。}',
      '  - vars: {q: 哪国？, context: *ctx}',
    ].join('\n');
    expect(parseSuiteText(shared).tests[1]?.vars.context).toBe('北京是中国的首都。');
  });

  it('refuses a suite making more cases than maxCases, naming the count and the limit', () => {
    const suite = { prompts: ['{{q}}', 'Q: {{q}}'], providers: ['local'], tests: tests(1001) };
    const error = refusal(() => parseSuite(suite, { limits: { maxCases: 2000 } }));
    expect(error).toMatchObject({ limit: 'maxCases', max: 2000 });
    expect(error.details).toEqual([
      {
        field: 'tests',
        reason:
          'makes 2002 cases (1001 tests × 2 prompts × 1 providers); the limit is 2000 (maxCases)',
      },
    ]);
    // An app names the setting that raises the limit.
    const named = refusal(() =>
      parseSuite(suite, { limits: { maxCases: 2000 }, limitNames: { maxCases: 'EVAL_MAX_CASES' } }),
    );
    expect(named.details[0]?.reason).toMatch(/; the limit is 2000 \(EVAL_MAX_CASES\)$/);
    expect(
      parseSuite({ ...suite, tests: tests(1000) }, { limits: { maxCases: 2000 } }).tests,
    ).toHaveLength(1000);
    expect(DEFAULT_SUITE_LIMITS).toEqual({ maxCases: 100_000, maxAliasCount: 100, maxDepth: 64 });
  });

  it('refuses data nested deeper than maxDepth (a JSON body or YAML alike)', () => {
    let deep: unknown = '底';
    for (let level = 0; level < 10_000; level++) deep = [deep];
    const error = refusal(() =>
      parseSuite({ prompts: ['{{q}}'], providers: ['local'], tests: [{ vars: { q: deep } }] }),
    );
    expect(error).toMatchObject({
      limit: 'maxDepth',
      max: 64,
      details: [
        { field: 'suite', reason: 'is nested deeper than the limit of 64 levels (maxDepth)' },
      ],
    });
    const yaml = `prompts: ['{{q}}']\nproviders: [local]\ntests: [{vars: {q: ${'['.repeat(70)}${']'.repeat(70)}}}]`;
    expect(refusal(() => parseSuiteText(yaml)).limit).toBe('maxDepth');
  });

  it('applies to a dataset file too, reported at the suite', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'suite-limits-'));
    await writeFile(
      join(dir, 'cases.jsonl'),
      tests(3)
        .map((test) => JSON.stringify(test))
        .join('\n'),
    );
    await writeFile(
      join(dir, 'suite.yaml'),
      "prompts: ['{{q}}']\nproviders: [local, local]\ntests: file://cases.jsonl\n",
    );
    const suite = await loadSuite(join(dir, 'suite.yaml'));
    expect(suite.tests).toHaveLength(3);
    expect(() =>
      parseSuiteText("prompts: ['{{q}}']\nproviders: [local, local]\ntests: file://cases.jsonl\n", {
        baseDir: dir,
        limits: { maxCases: 5 },
      }),
    ).toThrow(
      'tests: makes 6 cases (3 tests × 1 prompts × 2 providers); the limit is 5 (maxCases)',
    );
  });
});
