// The vector store's part of /health: opens it if needed (so /health is also the way to warm it
// up) and makes one cheap lookup, without embedding anything. Down with the reason (e.g. the
// PGlite folder in use, PostgreSQL without pgvector). While an ingest writes its chunks the store
// is up by evidence, and not probed: on PGlite (one connection) the lookup would wait for the
// whole write (20 s for 4,500 chunks), and /health must answer while the app works.
import { Inject, Injectable } from '@nestjs/common';
import type { HealthProbe } from '@repo/nest';
import { VectorStoreService } from './vector-store.service.js';

@Injectable()
export class VectorStoreProbe implements HealthProbe {
  constructor(@Inject(VectorStoreService) private readonly vectors: VectorStoreService) {}

  describe() {
    return { collection: this.vectors.collection };
  }

  async probe(): Promise<{ writing: true } | void> {
    if (this.vectors.writing) return { writing: true };
    await (await this.vectors.store()).existingIds?.(['health-probe']);
  }
}
