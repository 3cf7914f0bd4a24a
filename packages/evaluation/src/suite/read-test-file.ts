// `tests: file://cases.jsonl`: a dataset of test cases beside the suite (suites in
// YAML plus JSONL datasets), one JSON object per line, or a YAML/JSON list. Problems inside it are
// reported at the dataset's own file:line.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Locate } from './load-suite.js';
import { locator } from './suite-locator.js';
import { SuiteError } from './suite-errors.js';
import { toPlainData, type ResolvedSuiteLimits } from './suite-limits.js';

export interface TestFile {
  tests: unknown[];
  /** The dataset's path, shown in problems instead of the suite's. */
  file: string;
  /** Positions of `[index, …path]` inside the dataset. */
  locate: Locate;
}

export function readTestFile(
  reference: string,
  baseDir: string,
  limits: ResolvedSuiteLimits,
): TestFile {
  const file = resolve(baseDir, reference.slice('file://'.length));
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new SuiteError([{ field: 'tests', reason: `cannot read ${file}` }]);
  }
  return file.endsWith('.jsonl') ? readJsonLines(text, file) : readList(text, file, limits);
}

function readJsonLines(text: string, file: string): TestFile {
  const tests: unknown[] = [];
  const lines: number[] = [];
  const problems: Array<{ field: string; reason: string; line: number; column: number }> = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      tests.push(JSON.parse(line));
      lines.push(index + 1);
    } catch (error) {
      const reason = `invalid JSON: ${(error as Error).message}`;
      problems.push({ field: `tests[${tests.length}]`, reason, line: index + 1, column: 1 });
    }
  });
  if (problems.length > 0) throw new SuiteError(problems, file);
  return {
    tests,
    file,
    locate: ([index]) => {
      const line = typeof index === 'number' ? lines[index] : undefined;
      return line === undefined ? undefined : { line, column: 1 };
    },
  };
}

function readList(text: string, file: string, limits: ResolvedSuiteLimits): TestFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const [error] = doc.errors;
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    const reason = error.message.split('\n')[0] ?? error.message;
    throw new SuiteError([{ field: 'tests', reason, line: pos.line, column: pos.col }], file);
  }
  const tests = toPlainData(doc, limits, file);
  if (!Array.isArray(tests))
    throw new SuiteError([{ field: 'tests', reason: 'must be a list of tests' }], file);
  return { tests, file, locate: locator(doc, lineCounter) };
}
