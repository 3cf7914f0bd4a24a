// Refuses an upload whose Content-Length already says it is over RAG_MAX_REQUEST_BYTES, before a
// byte of it is read (413 naming the limit). A request without one (chunked) is counted while it
// streams instead (counting-memory-storage.ts).
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { APP_CONFIG } from '@repo/nest';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../app-config.js';
import { requestTooLarge } from './ingest-limits.js';

@Injectable()
export class RequestSizeMiddleware implements NestMiddleware {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  use(request: Request, _response: Response, next: NextFunction): void {
    const declared = Number(request.headers['content-length']);
    const limit = this.config.RAG_MAX_REQUEST_BYTES;
    if (Number.isFinite(declared) && declared > limit)
      next(requestTooLarge('files', limit, 'the request'));
    else next();
  }
}
