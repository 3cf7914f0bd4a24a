// The app: AiModule (models from the env, embedded model and embeddings without a key), the vector
// store, ingestion, search, cited answers and /health. Validation and the one error filter are
// global providers so e2e tests run the same graph as main.ts.
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AiModule, createValidationPipe } from '@repo/nest';
import { AskModule } from './ask/ask.module.js';
import { AppExceptionFilter } from './common/app-exception-filter.js';
import { HealthModule } from './health/health.module.js';
import { IngestModule } from './ingest/ingest.module.js';
import { SearchModule } from './search/search.module.js';
import { VectorsModule } from './vectors/vectors.module.js';

@Module({
  imports: [AiModule.forRoot(), VectorsModule, HealthModule, IngestModule, SearchModule, AskModule],
  providers: [
    { provide: APP_PIPE, useFactory: () => createValidationPipe() },
    { provide: APP_FILTER, useClass: AppExceptionFilter },
  ],
})
export class AppModule {}
