// The validated app config as a global provider; e2e tests override APP_CONFIG with their own.
import { Global, Module } from '@nestjs/common';
import { parseAppConfig } from '../app-config.js';

/** Injection token of the validated `AppConfig`. */
export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: () => parseAppConfig() }],
  exports: [APP_CONFIG],
})
export class AppConfigModule {}
