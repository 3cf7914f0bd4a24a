// The vector store and the app config, shared by the ingest, search and ask features (global:
// one store per app).
import { Global, Module } from '@nestjs/common';
import { parseAppConfig } from '../app-config.js';
import { VectorStoreService } from './vector-store.service.js';
import { APP_CONFIG } from './vector-tokens.js';

@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: () => parseAppConfig() }, VectorStoreService],
  exports: [APP_CONFIG, VectorStoreService],
})
export class VectorsModule {}
