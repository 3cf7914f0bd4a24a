// The app's one error filter: @repo/nest's mapping plus the two storage/memory errors it does not
// know. A message over the size limit is the caller's (413, with the field); a PGlite folder held
// by another process is the operator's (503, with the pid), never a bare 500.
import { Catch, HttpException, HttpStatus, type ArgumentsHost } from '@nestjs/common';
import { MessageTooLargeError } from '@repo/memory';
import { AiExceptionFilter } from '@repo/nest';
import { DatabaseInUseError } from '@repo/storage';

@Catch()
export class AppExceptionFilter extends AiExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    super.catch(toHttpException(exception), host);
  }
}

function toHttpException(exception: unknown): unknown {
  if (exception instanceof MessageTooLargeError)
    return new HttpException(
      {
        message: exception.message,
        details: [
          { field: exception.field, reason: `must be at most ${exception.limitBytes} bytes` },
        ],
      },
      HttpStatus.PAYLOAD_TOO_LARGE,
    );
  if (exception instanceof DatabaseInUseError)
    return new HttpException(
      { message: exception.message, details: [] },
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  return exception;
}
