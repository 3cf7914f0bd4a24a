// Errors across the thread boundary. A worker's exception reaches the main thread as a
// structured clone, which keeps `message` but drops the class and its data (a SuiteError's
// problems, a MetricInputError's details), so workers answer with this plain form and the pool
// rebuilds the typed error. And the error of a grading stopped at its time limit.
import { TimeoutError, type InvalidInputDetail } from '@repo/core';
import { MetricInputError } from '../metrics/metrics-errors.js';
import {
  SuiteError,
  SuiteTooLargeError,
  type SuiteLimitName,
  type SuiteProblem,
} from '../suite/suite-errors.js';

/** A case's checks on its output ran past the grading time limit; the worker thread was stopped. */
export class GradingTimeoutError extends TimeoutError {
  readonly assertionTypes: string[];

  constructor(assertionTypes: string[], timeoutMs: number) {
    const names =
      assertionTypes.length > 1
        ? `${assertionTypes.slice(0, -1).join(', ')} and ${assertionTypes.at(-1)} assertions`
        : `${assertionTypes[0] ?? 'output'} assertion`;
    super(
      `grading the ${names} took longer than the time limit of ${timeoutMs} ms; the worker thread was stopped`,
      timeoutMs,
      { code: 'grading_timeout' },
    );
    this.assertionTypes = assertionTypes;
  }
}

export interface PlainError {
  name: string;
  message: string;
  details?: InvalidInputDetail[];
  problems?: SuiteProblem[];
  file?: string;
  limit?: { name: SuiteLimitName; max: number };
}

export function toPlainError(error: unknown): PlainError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const plain: PlainError = { name: error.name, message: error.message };
  if (error instanceof SuiteTooLargeError) plain.limit = { name: error.limit, max: error.max };
  if (error instanceof SuiteError)
    return { ...plain, problems: error.problems, ...(error.file ? { file: error.file } : {}) };
  if (error instanceof MetricInputError) return { ...plain, details: error.details };
  return plain;
}

export function fromPlainError(plain: PlainError): Error {
  const [problem] = plain.problems ?? [];
  if (plain.limit && problem)
    return new SuiteTooLargeError(plain.limit.name, plain.limit.max, problem, plain.file);
  if (plain.problems) return new SuiteError(plain.problems, plain.file);
  if (plain.name === 'MetricInputError') return new MetricInputError(plain.message, plain.details);
  const error = new Error(plain.message);
  error.name = plain.name;
  return error;
}
