// FeedbackModule's forRoot / forRootAsync, made by Nest's ConfigurableModuleBuilder like AiModule's:
// forRootAsync takes useFactory (e.g. the app's Database provider injected), useClass or
// useExisting. Global by default, so the app's chat service and /health's probe inject its
// advisor and store without importing it.
import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { FeedbackModuleOptions } from './feedback-module-options.js';

export const {
  ConfigurableModuleClass: ConfigurableFeedbackModule,
  MODULE_OPTIONS_TOKEN: FEEDBACK_MODULE_OPTIONS,
  ASYNC_OPTIONS_TYPE: FEEDBACK_MODULE_ASYNC_OPTIONS,
} = new ConfigurableModuleBuilder<FeedbackModuleOptions>({ moduleName: 'Feedback' })
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: true }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();

/** The options of `FeedbackModule.forRootAsync` (useFactory, useClass or useExisting; imports, inject). */
export type FeedbackModuleAsyncOptions = typeof FEEDBACK_MODULE_ASYNC_OPTIONS;

/** The module's advisor (`FeedbackAdvisor` from @repo/feedback), or `null` with `targets: 'store'`. */
export const FEEDBACK_ADVISOR = Symbol('FEEDBACK_ADVISOR');
