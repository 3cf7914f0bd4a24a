// The app's one error filter: @repo/nest's mapping plus what it cannot know. A suite's problems
// (SuiteError, an InvalidInputError: 400 anywhere) keep their line and column in each reason, so
// a YAML mistake points at its place; too many runs in flight is a 429 with Retry-After; a store
// that cannot open (the PGlite folder held by another process) is a 503.
import { Catch, HttpException, HttpStatus, type ArgumentsHost } from '@nestjs/common';
import { SuiteError, type SuiteProblem } from '@repo/evaluation';
import { AiExceptionFilter } from '@repo/nest';
import { DatabaseInUseError } from '@repo/storage';
import { TooManyRunsError } from '../runs/run-errors.js';

@Catch()
export class AppExceptionFilter extends AiExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (exception instanceof TooManyRunsError)
      host
        .switchToHttp()
        .getResponse<{ setHeader(name: string, value: string): unknown }>()
        .setHeader('Retry-After', String(exception.retryAfterSeconds));
    super.catch(toHttpException(exception), host);
  }
}

function toHttpException(exception: unknown): unknown {
  if (exception instanceof SuiteError)
    return new HttpException(
      { message: exception.message, details: exception.problems.map(toDetail) },
      HttpStatus.BAD_REQUEST,
    );
  if (exception instanceof DatabaseInUseError)
    return new HttpException({ message: exception.message, details: [] }, 503);
  return exception;
}

function toDetail({ field, reason, line, column }: SuiteProblem) {
  const at = line === undefined ? '' : ` (at ${line}:${column ?? 1})`;
  return { field: field || 'suite', reason: `${reason}${at}` };
}
