// Statuses the run API adds to @repo/nest's mapping: 404 for an unknown run, 409 for a run in the
// wrong state (a report while running, cancelling a finished run), 429 with Retry-After when
// EVAL_MAX_RUNNING runs are in flight.
import { ConflictException, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';

/** Seconds a client is told to wait when too many runs are in flight (suites take seconds). */
export const RETRY_AFTER_SECONDS = 5;

export class TooManyRunsError extends HttpException {
  readonly retryAfterSeconds = RETRY_AFTER_SECONDS;

  constructor(limit: number) {
    super(
      {
        message: `${limit} run(s) are already in flight (EVAL_MAX_RUNNING); retry in ${RETRY_AFTER_SECONDS} s or cancel one.`,
        details: [],
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

export function runNotFound(id: string, field = 'id'): NotFoundException {
  return new NotFoundException({
    message: `No eval run "${id}".`,
    details: [{ field, reason: 'is not a known run id (GET /api/eval/runs lists them)' }],
  });
}

export function runConflict(message: string, field = 'id', reason = message): ConflictException {
  return new ConflictException({ message, details: [{ field, reason }] });
}
