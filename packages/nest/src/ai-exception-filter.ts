// The app's one exception filter (docs/conventions.md rule 12): every error, thrown anywhere (a
// controller, a pipe, body parsing, an unknown route), leaves as docs/architecture.md's error body.
import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { describeErrorFrames, describeErrorKind } from './describe-error-for-log.js';
import { toHttpError } from './map-error.js';

/** The part of express' Response the filter needs. */
interface HttpResponse {
  headersSent: boolean;
  writableEnded?: boolean;
  status(code: number): HttpResponse;
  setHeader(name: string, value: string): unknown;
  json(body: unknown): unknown;
  end(): unknown;
}

@Catch()
export class AiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('AiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const mapped = toHttpError(exception);
    const request = host.switchToHttp().getRequest<{ method?: string; path?: string }>();
    // The path without its query (which may hold the user's text), the error's kind and frames;
    // never its message (see describe-error-for-log.ts).
    if (mapped.unexpected)
      this.logger.error(
        `${request?.method ?? ''} ${request?.path ?? ''} failed: ${describeErrorKind(exception)}`,
        describeErrorFrames(exception).join('\n'),
      );
    const response = host.switchToHttp().getResponse<HttpResponse>();
    if (response.headersSent) {
      // A stream already started: the status is gone; end it so the client is not left hanging.
      if (!response.writableEnded) response.end();
      return;
    }
    if (!mapped.body) {
      response.status(mapped.status).end();
      return;
    }
    // A route's @Header('Content-Type', 'text/plain') is already set; express' json() keeps it.
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    for (const [name, value] of Object.entries(mapped.headers)) response.setHeader(name, value);
    response.status(mapped.status).json(mapped.body);
  }
}
