// Statuses the jobs API adds to @repo/nest's mapping: 404 for an unknown job, 409 for an action
// the job's status does not allow, 422 for a dataset whose report has errors (its first issues).
import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { DatasetJson } from '../datasets/dataset-json.js';

export function jobNotFound(id: string): NotFoundException {
  return new NotFoundException({
    message: `No job "${id}".`,
    details: [
      { field: 'id', reason: 'is not a known job id (GET /api/fine-tuning/jobs lists them)' },
    ],
  });
}

export function notInThisStatus(id: string, action: string, status: string): ConflictException {
  return new ConflictException({
    message: `Job "${id}" is ${status}: it cannot ${action} now.`,
    details: [{ field: 'status', reason: `is ${status}, where ${action} is not possible` }],
  });
}

/** Issues listed in a 422: enough to see what is wrong, the report has them all. */
const LISTED_ISSUES = 10;

export function datasetHasErrors(
  field: string,
  dataset: DatasetJson,
): UnprocessableEntityException {
  const errors = dataset.issues.filter((issue) => issue.severity === 'error');
  return new UnprocessableEntityException({
    message: `Dataset "${dataset.id}" has errors: fix them and upload it again (GET /api/fine-tuning/datasets/${dataset.id} has the report).`,
    details: [
      { field, reason: `has ${errors.length === 0 ? 'no usable' : errors.length} error(s)` },
      ...errors.slice(0, LISTED_ISSUES).map((issue) => ({
        field: issue.line === null ? field : `${field} line ${issue.line}`,
        reason: `${issue.code}${issue.field ? ` at ${issue.field}` : ''}: ${issue.message}`,
      })),
    ],
  });
}

export function aliasTaken(alias: string): ConflictException {
  return new ConflictException({
    message: `The alias "${alias}" already names another job's model.`,
    details: [{ field: 'alias', reason: 'is taken: choose another name' }],
  });
}
