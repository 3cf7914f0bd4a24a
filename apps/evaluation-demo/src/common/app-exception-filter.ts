// The app's one error filter: @repo/nest's mapping plus what it cannot know. A suite's problems
// (SuiteError, an InvalidInputError: 400 anywhere; SuiteTooLargeError too, naming the limit) keep
// their line and column in each reason, so a YAML mistake points at its place; a store that
// cannot open (the PGlite folder held by another process) is a 503. Too many runs in flight is
// @repo/core's OverloadedError: @repo/nest's 429 with Retry-After.
import { Catch, HttpException, HttpStatus, type ArgumentsHost } from '@nestjs/common';
import { SuiteError, type SuiteProblem } from '@repo/evaluation';
import { AiExceptionFilter } from '@repo/nest';
import { DatabaseInUseError } from '@repo/storage';

@Catch()
export class AppExceptionFilter extends AiExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
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

/** A problem's field inside the request body, where the suite is `suite`: `suite.tests[0].vars`. */
function toDetail({ field, reason, line, column }: SuiteProblem) {
  const at = line === undefined ? '' : ` (at ${line}:${column ?? 1})`;
  return { field: field ? `suite.${field}` : 'suite', reason: `${reason}${at}` };
}
