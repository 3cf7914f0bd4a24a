// What every feature shares (global): the run store, the models and the worker threads.
import { Global, Module } from '@nestjs/common';
import { EvalModelsService } from './eval-models.service.js';
import { EvalStoreService } from './eval-store.service.js';
import { EvalWorkersService } from './eval-workers.service.js';

@Global()
@Module({
  providers: [EvalStoreService, EvalModelsService, EvalWorkersService],
  exports: [EvalStoreService, EvalModelsService, EvalWorkersService],
})
export class SharedModule {}
