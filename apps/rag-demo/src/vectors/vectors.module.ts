// The vector store, shared by the ingest, search and ask features (global: one store per app).
import { Global, Module } from '@nestjs/common';
import { VectorStoreService } from './vector-store.service.js';

@Global()
@Module({ providers: [VectorStoreService], exports: [VectorStoreService] })
export class VectorsModule {}
