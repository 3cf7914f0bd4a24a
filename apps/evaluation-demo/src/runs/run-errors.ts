// Statuses the run API adds to @repo/nest's mapping: 404 for an unknown run, 409 for a run in the
// wrong state (a report while running, cancelling a finished run). Too many runs in flight is
// @repo/core's OverloadedError, which @repo/nest answers with 429 and Retry-After.
import { ConflictException, NotFoundException } from '@nestjs/common';

export function runNotFound(id: string, field = 'id'): NotFoundException {
  return new NotFoundException({
    message: `No eval run "${id}".`,
    details: [{ field, reason: 'is not a known run id (GET /api/eval/runs lists them)' }],
  });
}

export function runConflict(message: string, field = 'id', reason = message): ConflictException {
  return new ConflictException({ message, details: [{ field, reason }] });
}
