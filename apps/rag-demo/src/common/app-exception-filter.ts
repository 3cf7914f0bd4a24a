// The app's one error filter: @repo/nest's mapping plus the statuses it cannot know
// (map-app-error.ts: 413, 415, 422 and 503 for this app's errors).
import { Catch, Inject, type ArgumentsHost } from '@nestjs/common';
import { AiExceptionFilter } from '@repo/nest';
import type { AppConfig } from '../app-config.js';
import { APP_CONFIG } from '../vectors/vector-tokens.js';
import { toAppHttpException } from './map-app-error.js';

@Catch()
export class AppExceptionFilter extends AiExceptionFilter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    super.catch(toAppHttpException(exception, this.config), host);
  }
}
