// Terminus indicator for the vector store: opens it if needed (so /health is also the way to warm
// it up) and makes one cheap lookup, without embedding anything. Down with the reason (e.g. the
// PGlite folder in use, PostgreSQL without pgvector). While an ingest writes its chunks the store
// is up by evidence, and not probed: on PGlite (one connection) the lookup would wait for the
// whole write (20 s for 4,500 chunks), and /health must answer while the app works.
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { VectorStoreService } from '../vectors/vector-store.service.js';

@Injectable()
export class StorageHealthIndicator {
  constructor(
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(VectorStoreService) private readonly vectors: VectorStoreService,
  ) {}

  async check(key = 'storage') {
    const indicator = this.indicators.check(key);
    const collection = this.vectors.collection;
    if (this.vectors.writing) return indicator.up({ collection, writing: true });
    try {
      await (await this.vectors.store()).existingIds?.(['health-probe']);
      return indicator.up({ collection });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return indicator.down({ collection, message });
    }
  }
}
