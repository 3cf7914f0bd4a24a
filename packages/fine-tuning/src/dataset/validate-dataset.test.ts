import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '@repo/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXPECTED_ERRORS,
  EXPECTED_WARNINGS,
  TINY_CONTEXT,
  writeSubtleErrors,
} from './__fixtures__/subtle-errors.js';
import { validateDataset } from './validate-dataset.js';

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ft-dataset-'));
  file = join(dir, 'subtle.jsonl');
  await writeSubtleErrors(file);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const pairs = (issues: { line: number; code: string }[]) =>
  issues.map((i): [number, string] => [i.line, i.code]);

describe('validateDataset on a file with one subtle problem per line', () => {
  it('finds exactly the expected (line, code) pairs, every one of them', async () => {
    const report = await validateDataset(file, { contextTokens: TINY_CONTEXT });
    expect(report.ok).toBe(false);
    expect(report.format).toBe('sft');
    expect(pairs(report.errors)).toEqual(EXPECTED_ERRORS);
    expect(pairs(report.warnings).sort((a, b) => a[0] - b[0])).toEqual(EXPECTED_WARNINGS);
    expect(report.errorCount).toBe(EXPECTED_ERRORS.length);
    expect(report.warningCount).toBe(EXPECTED_WARNINGS.length);
  });

  it('names the field at fault and why', async () => {
    const report = await validateDataset(file, { contextTokens: TINY_CONTEXT });
    const at = (line: number) => report.errors.find((e) => e.line === line);
    expect(at(4)).toMatchObject({
      field: 'metadata',
      reason: expect.stringContaining('"metadata"'),
    });
    expect(at(5)).toMatchObject({ field: 'messages[2].thought' });
    expect(at(6)).toMatchObject({ field: 'messages[1].role', reason: 'unknown role "human"' });
    expect(at(7)).toMatchObject({ field: 'messages[1].role' });
    expect(at(9)).toMatchObject({ field: 'messages[2].tool_calls[0]' });
    expect(at(10)).toMatchObject({ field: 'messages[2].tool_call_id' });
    expect(at(11)).toMatchObject({ field: 'messages[2].weight' });
    expect(at(12)).toMatchObject({ field: 'messages[1].weight' });
    expect(at(14)).toMatchObject({ field: 'messages[2].content' });
    const dup = report.warnings.find((w) => w.code === 'duplicate_example');
    expect(dup?.reason).toBe('same example as line 2');
  });

  it('counts lines, valid examples and line endings', async () => {
    const { stats } = await validateDataset(file, { contextTokens: TINY_CONTEXT });
    expect(stats.lines).toBe(19);
    expect(stats.examples).toBe(5); // lines 2, 13, 17, 18, 19: a line with any error is no example
    expect(stats.invalidExamples).toBe(13); // 1 (BOM), 3–12, 14, 15; the blank line is not counted
    expect(stats.lineEndings).toEqual({ lf: 18, crlf: 1 });
    expect(stats.overContext).toBe(1);
    expect(stats.duplicates).toBe(1);
    expect(stats.toolCalls).toBe(1);
    expect(stats.examplesWithTools).toBe(1);
    expect(stats.tokensPerExample.max).toBeGreaterThan(TINY_CONTEXT);
    expect(stats.billingTokens).toBe(
      stats.tokensPerExample.total - stats.tokensPerExample.max + TINY_CONTEXT,
    );
  });

  it('keeps at most maxErrors but counts them all', async () => {
    const report = await validateDataset(file, { contextTokens: TINY_CONTEXT, maxErrors: 3 });
    expect(pairs(report.errors)).toEqual(EXPECTED_ERRORS.slice(0, 3));
    expect(report.errorCount).toBe(EXPECTED_ERRORS.length);
    expect(report.counts.invalid_utf8).toBe(1);
  });

  it('rejects bad options with the field named', async () => {
    const bad = validateDataset(file, { format: 'chat' as never });
    await expect(bad).rejects.toBeInstanceOf(InvalidInputError);
    await expect(bad).rejects.toMatchObject({ details: [{ field: 'format' }] });
    await expect(validateDataset(file, { contextTokens: 0 })).rejects.toMatchObject({
      details: [{ field: 'contextTokens' }],
    });
  });
});
