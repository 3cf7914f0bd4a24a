// AiModule's forRoot / forRootAsync, made by Nest's ConfigurableModuleBuilder (the documented way
// to write a configurable module) instead of by hand: forRootAsync takes useFactory, useClass or
// useExisting with imports and inject, like every Nest module users already know.
import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { AiModuleOptions } from './ai-module-options.js';

export const {
  ConfigurableModuleClass: ConfigurableAiModule,
  MODULE_OPTIONS_TOKEN: AI_MODULE_OPTIONS,
  ASYNC_OPTIONS_TYPE: AI_MODULE_ASYNC_OPTIONS,
} = new ConfigurableModuleBuilder<AiModuleOptions>({ moduleName: 'Ai' })
  .setClassMethodName('forRoot')
  // Global like Spring Boot's auto-configured beans: inject a chat client anywhere.
  .setExtras({ isGlobal: true }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();

/** The options of `AiModule.forRootAsync` (useFactory, useClass or useExisting; imports, inject). */
export type AiModuleAsyncOptions = typeof AI_MODULE_ASYNC_OPTIONS;
