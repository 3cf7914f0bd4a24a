// Where a run's suite comes from: a bundled suite by name (`qa` → EVAL_SUITES_DIR/qa.eval.yaml),
// YAML text (anything with a newline) or a suite object. Every form goes through
// @repo/evaluation's validation, whose SuiteError lists each problem with its field (and, for
// YAML, its line and column), and its limits (EVAL_MAX_CASES cases; YAML aliases, nesting). A
// suite posted over HTTP is parsed in a worker thread (a 500 kB YAML takes ~0.4 s to parse) and
// may not read files (`allowFiles: false`): promptfoo's `file://prompt.txt` would otherwise read
// any file the app can see and send it to the model.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { withDetails, type AiError } from '@repo/core';
import {
  parseSuiteText,
  SuiteError,
  type EvalSuite,
  type ParseSuiteOptions,
} from '@repo/evaluation';
import { APP_CONFIG } from '@repo/nest';
import type { AppConfig } from '../app-config.js';
import { EvalWorkersService } from '../common/eval-workers.service.js';

const SUFFIX = '.eval.yaml';

export interface BundledSuite {
  name: string;
  description: string;
  /** Tests × prompts × providers: the `total` of a run. */
  cases: number;
  providers: string[];
  /** Why the file does not load (with file:line:column). */
  error?: string;
}

export type SuiteSource = string | Record<string, unknown>;

@Injectable()
export class SuitesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EvalWorkersService) private readonly workers: EvalWorkersService,
  ) {}

  /** A suite file that does not load is listed with its problems rather than failing the list. */
  async list(): Promise<BundledSuite[]> {
    return Promise.all(
      (await this.names()).map(async (name) => {
        try {
          const suite = await this.loadFile(name);
          return {
            name,
            description: suite.name,
            cases: caseCount(suite),
            providers: suite.providers.map((provider) => provider.label),
          };
        } catch (error) {
          if (!(error instanceof SuiteError)) throw error;
          return { name, description: '', cases: 0, providers: [], error: error.message };
        }
      }),
    );
  }

  async resolve(source: SuiteSource): Promise<EvalSuite> {
    try {
      if (typeof source === 'string' && !source.includes('\n'))
        return await this.load(source.trim());
      return await this.workers.pool.parseSuite(source, { ...this.limits(), allowFiles: false });
    } catch (error) {
      throw error instanceof SuiteError ? inRequestBody(error) : error;
    }
  }

  /** EVAL_MAX_CASES, and the settings named in the problem when a suite is over a limit. */
  private limits(): ParseSuiteOptions {
    return {
      limits: { maxCases: this.config.EVAL_MAX_CASES },
      limitNames: { maxCases: 'EVAL_MAX_CASES', parseTimeoutMs: 'EVAL_GRADING_TIMEOUT_MS' },
    };
  }

  private async load(name: string): Promise<EvalSuite> {
    const names = await this.names();
    if (!names.includes(name))
      throw new NotFoundException({
        message: `No bundled suite "${name}". Bundled suites: ${names.join(', ')}. Send YAML text (with newlines) or a suite object to run your own.`,
        details: [{ field: 'suite', reason: `must be one of: ${names.join(', ')}` }],
      });
    return this.loadFile(name);
  }

  /** Named by its file name only: the app's folder stays out of messages and stored runs. */
  private async loadFile(name: string): Promise<EvalSuite> {
    const file = `${name}${SUFFIX}`;
    const text = await readFile(join(this.config.EVAL_SUITES_DIR, file), 'utf8');
    const options = { ...this.limits(), file, baseDir: this.config.EVAL_SUITES_DIR };
    return { ...parseSuiteText(text, options), path: file };
  }

  private async names(): Promise<string[]> {
    const files = await readdir(this.config.EVAL_SUITES_DIR).catch(() => [] as string[]);
    return files
      .filter((file) => file.endsWith(SUFFIX))
      .map(nameOf)
      .sort();
  }
}

/** Tests × prompts × providers. */
export function caseCount(suite: EvalSuite): number {
  return suite.tests.length * suite.prompts.length * suite.providers.length;
}

function nameOf(file: string): string {
  return file.slice(0, -SUFFIX.length);
}

/**
 * The suite's problems as fields of the request body, where the suite is `suite`
 * (`suite.tests[0].vars`), each with its line and column so a YAML mistake points at its place.
 */
function inRequestBody(error: SuiteError): AiError {
  return withDetails(
    error,
    error.problems.map(({ field, reason, line, column }) => {
      const at = line === undefined ? '' : ` (at ${line}:${column ?? 1})`;
      return { field: field ? `suite.${field}` : 'suite', reason: `${reason}${at}` };
    }),
  );
}
