// A suite that cannot run: every problem with its file:line:column, so an editor can jump to it.
import { InvalidInputError } from '@repo/core';

export interface SuiteProblem {
  /** `tests[2].assert[0].type`; empty for the whole file. */
  field: string;
  reason: string;
  line?: number;
  column?: number;
  /** The file the position is in, when not the suite's own (a `file://` test dataset). */
  file?: string;
}

export class SuiteError extends InvalidInputError {
  readonly file: string | undefined;
  readonly problems: SuiteProblem[];

  constructor(
    problems: SuiteProblem[],
    file?: string,
    options: { cause?: unknown; code?: string } = {},
  ) {
    const where = (problem: SuiteProblem) =>
      [problem.file ?? file ?? 'suite', problem.line, problem.column]
        .filter((part) => part !== undefined)
        .join(':');
    const lines = problems.map(
      (problem) =>
        `${where(problem)}: ${problem.field ? `${problem.field}: ` : ''}${problem.reason}`,
    );
    super(
      `Invalid eval suite:\n${lines.join('\n')}`,
      problems.map(({ field, reason }) => ({ field: field || 'suite', reason })),
      { code: 'suite_invalid', ...options },
    );
    this.file = file;
    this.problems = problems;
  }
}

/** The limits a suite is checked against before it is validated (see suite-limits.ts). */
export type SuiteLimitName = 'maxCases' | 'maxAliasCount' | 'maxDepth' | 'parseTimeoutMs';

/**
 * A suite beyond one of the limits: refused before the work it would cost (validating 12,000 tests,
 * expanding a "billion laughs" document, a run of 100,000 cases). `limit` names which one.
 */
export class SuiteTooLargeError extends SuiteError {
  readonly limit: SuiteLimitName;
  readonly max: number;

  constructor(limit: SuiteLimitName, max: number, problem: SuiteProblem, file?: string) {
    super([problem], file, { code: 'suite_too_large' });
    this.limit = limit;
    this.max = max;
  }
}
