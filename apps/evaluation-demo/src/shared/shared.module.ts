// What every feature shares (global): the validated config, the run store, the models and the
// worker threads.
import { Global, Module } from '@nestjs/common';
import { parseAppConfig } from '../app-config.js';
import { APP_CONFIG } from './app-config.token.js';
import { EvalModelsService } from './eval-models.service.js';
import { EvalStoreService } from './eval-store.service.js';
import { EvalWorkersService } from './eval-workers.service.js';

@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: () => parseAppConfig() },
    EvalStoreService,
    EvalModelsService,
    EvalWorkersService,
  ],
  exports: [APP_CONFIG, EvalStoreService, EvalModelsService, EvalWorkersService],
})
export class SharedModule {}
