// Makes the validated AppConfig injectable everywhere (tests override APP_CONFIG with their own).
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, parseAppConfig } from './app-config.js';

@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: () => parseAppConfig() }],
  exports: [APP_CONFIG],
})
export class AppConfigModule {}
