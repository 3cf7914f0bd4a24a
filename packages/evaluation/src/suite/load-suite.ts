// Reads a suite from YAML or JSON (JSON is YAML, so one parser gives line:column for both) or from
// an object (the HTTP API), checks its size (suite-limits.ts), validates it with zod and then by
// meaning (known assertion types, each with what it needs; every prompt variable defined), and
// reports every problem at once.
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { describeSchemaIssue, formatIssuePath } from '@repo/core';
import { LineCounter, parseDocument } from 'yaml';
import type { EvalSuite } from './eval-suite.js';
import { buildTests } from './build-tests.js';
import { SuiteError, type SuiteLimitName, type SuiteProblem } from './suite-errors.js';
import { readTestFile } from './read-test-file.js';
import { locator } from './suite-locator.js';
import {
  checkSuiteSize,
  resolveSuiteLimits,
  toPlainData,
  type ResolvedSuiteLimits,
  type SuiteLimits,
} from './suite-limits.js';
import { toPrompt, toProvider } from './suite-parts.js';
import { compilePrompt, type CompiledPrompt } from './suite-templates.js';
import { suiteSchema } from './suite-schema.js';

type Path = ReadonlyArray<PropertyKey>;
/** Where `path` is in the file: its value, or with `key` the key itself (for an unknown field). */
export type Locate = (
  path: Path,
  options?: { key?: boolean },
) => { line: number; column: number } | undefined;

export interface ParseSuiteOptions {
  /** Shown in errors and used as the suite's name when it has no description. */
  file?: string;
  /** Where `file://` prompts are read from (default: the file's folder, else the working directory). */
  baseDir?: string;
  /**
   * `false` refuses `file://` prompts: a suite that arrives over HTTP must not read the server's
   * files and send them to a model. Default true (a suite file on your own disk).
   */
  allowFiles?: boolean;
  /** Cases, nesting and YAML alias expansion allowed (suite-limits.ts has the defaults). */
  limits?: Partial<SuiteLimits>;
  /** How messages name each limit: the setting that raises it (`{maxCases: 'EVAL_MAX_CASES'}`). */
  limitNames?: Partial<Record<SuiteLimitName, string>>;
}

/** Reads and validates a suite file (`.yaml`, `.yml` or `.json`). Throws SuiteError. */
export async function loadSuite(path: string): Promise<EvalSuite> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new SuiteError([{ field: '', reason: `the file ${reason}` }], path, { cause: error });
  }
  return { ...parseSuiteText(text, { file: path, baseDir: dirname(resolve(path)) }), path };
}

/** Parses suite text; problems carry line and column. */
export function parseSuiteText(text: string, options: ParseSuiteOptions = {}): EvalSuite {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0)
    throw new SuiteError(
      doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        return {
          field: '',
          reason: error.message.split('\n')[0] ?? error.message,
          line: pos.line,
          column: pos.col,
        };
      }),
      options.file,
    );
  const limits = resolveSuiteLimits(options.limits, options.limitNames);
  const data = toPlainData(doc, limits, options.file);
  return parseSuite(data, { ...options, locate: locator(doc, lineCounter) });
}

/** Validates an already parsed suite (for example a request body). */
export function parseSuite(
  input: unknown,
  options: ParseSuiteOptions & { locate?: Locate } = {},
): EvalSuite {
  const baseDir = options.baseDir ?? process.cwd();
  const limits = resolveSuiteLimits(options.limits, options.limitNames);
  const dataset = testsFromFile(
    input,
    options.allowFiles === false ? undefined : baseDir,
    options.file,
    limits,
  );
  const locate: Locate = options.locate ?? (() => undefined);
  const at = (path: Path, reason: string, key = false): SuiteProblem =>
    dataset && path[0] === 'tests' && path.length > 1
      ? {
          field: formatIssuePath(path, ''),
          reason,
          file: dataset.file,
          ...dataset.locate(path.slice(1), { key }),
        }
      : { field: formatIssuePath(path, ''), reason, ...locate(path, { key }) };
  const whole = dataset ? { ...(input as object), tests: dataset.tests } : input;
  checkSuiteSize(whole, limits, options.file);
  const parsed = suiteSchema.safeParse(whole);
  if (!parsed.success)
    throw new SuiteError(
      parsed.error.issues.flatMap((issue) =>
        // An unknown key is reported at the key itself, not at the object holding it.
        describeSchemaIssue(issue, { input: whole }).map(({ path, reason }) =>
          at(path, reason, issue.code === 'unrecognized_keys'),
        ),
      ),
      options.file,
    );
  const file = parsed.data;
  const problems: SuiteProblem[] = [];
  const prompts = file.prompts.map((prompt, index) =>
    toPrompt(prompt, index, options.allowFiles === false ? undefined : baseDir, (reason) =>
      problems.push(at(['prompts', index], reason)),
    ),
  );
  const compiled = prompts.flatMap((prompt, index) => {
    try {
      return [compilePrompt(prompt)];
    } catch (error) {
      problems.push(at(['prompts', index], (error as Error).message));
      return [] as CompiledPrompt[];
    }
  });
  const tests = buildTests(file, compiled, (path, reason) => problems.push(at(path, reason)));
  if (problems.length > 0) throw new SuiteError(problems, options.file);
  return {
    name: file.description ?? (options.file ? basename(options.file) : 'suite'),
    prompts,
    providers: file.providers.map(toProvider),
    tests,
    ...(file.evaluateOptions?.maxConcurrency
      ? { maxConcurrency: file.evaluateOptions.maxConcurrency }
      : {}),
  };
}

/** `tests: file://cases.jsonl` read (or refused when files are not allowed). */
function testsFromFile(
  input: unknown,
  baseDir: string | undefined,
  suiteFile: string | undefined,
  limits: ResolvedSuiteLimits,
) {
  const tests =
    typeof input === 'object' && input !== null ? (input as { tests?: unknown }).tests : undefined;
  if (typeof tests !== 'string' || !tests.startsWith('file://')) return undefined;
  if (baseDir === undefined)
    throw new SuiteError(
      [
        {
          field: 'tests',
          reason: 'file:// tests are not allowed here; put the tests in the suite',
        },
      ],
      suiteFile,
    );
  try {
    return readTestFile(tests, baseDir, limits);
  } catch (error) {
    // A problem reading the dataset itself is reported against the suite that names it.
    if (error instanceof SuiteError && error.file === undefined)
      throw new SuiteError(error.problems, suiteFile);
    throw error;
  }
}
