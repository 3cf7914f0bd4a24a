// The app's vector store (Spring AI's auto-configured PgVectorStore): pgvector on PGlite by
// default, PostgreSQL with DATABASE_URL. Opened on first use (cold start: boot validates config
// only) and closed on shutdown. A failed open (the PGlite folder held by another process, a server
// without pgvector) is reported to that request and retried by the next one. Writes in flight are
// counted, for /health (see vector-store.probe.ts).
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { EmbeddingModel } from '@repo/core';
import { AI_EMBEDDING_MODEL, APP_CONFIG, createLazyResource, describeErrorKind } from '@repo/nest';
import { createPgVectorStore, type PgVectorStore } from '@repo/rag';
import { openDatabaseWith, type Database } from '@repo/storage';
import type { AppConfig } from '../app-config.js';

interface OpenStore {
  database: Database;
  store: PgVectorStore;
}

@Injectable()
export class VectorStoreService implements OnApplicationShutdown {
  private readonly logger = new Logger('VectorStore');
  private readonly resource = createLazyResource({
    open: () => this.connect(),
    close: (open: OpenStore) => open.database.close(),
    onOpen: (open) =>
      this.logger.log(`Vectors: collection "${this.collection}" on ${open.database.url}`),
    // The kind only: the request that failed gets the message (a folder in use names its path).
    onError: (error) =>
      this.logger.error(`The vector store did not open: ${describeErrorKind(error)}`),
  });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AI_EMBEDDING_MODEL) readonly embeddingModel: EmbeddingModel,
  ) {}

  private writes = 0;

  get collection(): string {
    return this.config.RAG_COLLECTION;
  }

  /** An ingest is writing its chunks (one transaction; on PGlite other queries wait for it). */
  get writing(): boolean {
    return this.writes > 0;
  }

  async store(): Promise<PgVectorStore> {
    return (await this.resource.get()).store;
  }

  onApplicationShutdown(): Promise<void> {
    return this.resource.close();
  }

  private countWrites(store: PgVectorStore): PgVectorStore {
    const add = store.add.bind(store);
    return Object.assign(store, {
      add: async (...args: Parameters<PgVectorStore['add']>) => {
        this.writes++;
        try {
          return await add(...args);
        } finally {
          this.writes--;
        }
      },
    });
  }

  private async connect(): Promise<OpenStore> {
    return openDatabaseWith({ url: this.config.DATABASE_URL }, async (database) => {
      // ensureVector first, so a PostgreSQL without pgvector fails here with storage's clear
      // VectorUnavailableError rather than on some later search.
      await database.ensureVector();
      const store = createPgVectorStore({
        db: database,
        embeddingModel: this.embeddingModel,
        collection: this.collection,
      });
      return { database, store: this.countWrites(store) };
    });
  }
}
