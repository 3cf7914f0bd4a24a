// validateDataset gives the same report with worker threads as in one thread: every issue with its
// line, the statistics, duplicates and train/validation overlap, on a Chinese file, the file of
// subtle errors and a mixed file that crosses many batches (with a line too big for a worker, one
// over the line cap and a last line without its newline). Vitest runs the built worker file.
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_CONTEXT, writeSubtleErrors } from './__fixtures__/subtle-errors.js';
import { validateDataset, type ValidateDatasetOptions } from './validate-dataset.js';

const CLEAN_ZH = fileURLToPath(new URL('./__fixtures__/clean-zh.jsonl', import.meta.url));

let dir: string;
let subtle: string;
let mixed: string;
let mixedValidation: string;
let noFormat: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ft-workers-'));
  subtle = join(dir, 'subtle.jsonl');
  await writeSubtleErrors(subtle);
  const subtleBytes = await readFile(subtle);
  const zh = await readFile(CLEAN_ZH);
  const chat = (i: number) =>
    JSON.stringify({
      messages: [
        ...(i % 7 === 0 ? [] : [{ role: 'system', content: 'You are terse.' }]),
        { role: 'user', content: `Question ${i % 500}: what is ${i % 500} squared?` },
        {
          role: 'assistant',
          content: `It is ${(i % 500) ** 2}. ${'Some reasoning. '.repeat(i % 9)}`,
        },
      ],
    });
  const parts: (string | Buffer)[] = [];
  for (let i = 0; i < 6000; i += 1) {
    parts.push(chat(i), '\n');
    if (i % 1000 === 10) parts.push(subtleBytes, zh);
    if (i === 2500) parts.push(chat(7001).replace('terse.', `${'长'.repeat(600_000)}`), '\r\n');
    if (i === 3000) parts.push(chat(7002).replace('terse.', 'long '.repeat(250_000)), '\n');
    if (i === 4000) parts.push(`{"messages": "${'x'.repeat(300_000)}"}\n`);
  }
  parts.push(chat(6000)); // no final newline
  mixed = join(dir, 'mixed.jsonl');
  await writeFile(mixed, Buffer.concat(parts.map((p) => Buffer.from(p))));
  mixedValidation = join(dir, 'mixed-validation.jsonl');
  await writeFile(mixedValidation, Array.from({ length: 3000 }, (_, i) => chat(i * 3)).join('\n'));
  noFormat = join(dir, 'no-format.jsonl');
  const completion = (i: number) => JSON.stringify({ prompt: `p${i}`, completion: `c${i}` });
  await writeFile(
    noFormat,
    ['', 'not json', ...Array.from({ length: 3000 }, (_, i) => completion(i % 2000))].join('\n'),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function both(path: string, options: ValidateDatasetOptions = {}) {
  const inThread = await validateDataset(path, { ...options, workers: 0 });
  const inWorkers = await validateDataset(path, { ...options, workers: 2 });
  return { inThread, inWorkers };
}

describe('validateDataset with and without worker threads', () => {
  it('the Chinese file: the same report', async () => {
    const { inThread, inWorkers } = await both(CLEAN_ZH);
    expect(inWorkers).toEqual(inThread);
    expect(inThread.stats.examples).toBe(3);
  });

  it('the file of subtle errors: the same issues, lines and statistics', async () => {
    const { inThread, inWorkers } = await both(subtle, { contextTokens: TINY_CONTEXT });
    expect(inWorkers).toEqual(inThread);
    expect(inThread.errorCount).toBeGreaterThan(10);
  });

  it('a mixed file over many batches, with a validation file: the same report', async () => {
    const options = {
      validation: mixedValidation,
      maxErrors: 1000,
      maxWarnings: 5000,
      maxLineBytes: 1_500_000, // the 1.8 MB line is over it; the 1.25 MB one is examined in-thread
    };
    const { inThread, inWorkers } = await both(mixed, options);
    expect(inWorkers).toEqual(inThread);
    expect(JSON.stringify(inWorkers)).toBe(JSON.stringify(inThread));
    const counts = inThread.counts;
    expect(counts.line_too_long).toBe(1); // the 1.8 MB line
    expect(counts.duplicate_example).toBeGreaterThan(1000);
    expect(counts.invalid_utf8).toBe(6);
    expect(inThread.validation?.overlap).toBeGreaterThan(100);
    expect(inThread.stats.lines).toBeGreaterThan(6000);
  });

  it('a file whose format is detected after unparsable lines: the same report', async () => {
    const { inThread, inWorkers } = await both(noFormat);
    expect(inWorkers).toEqual(inThread);
    expect(inThread.format).toBe('completion');
  });
});
