// The pgvector VectorStore (Spring AI's PgVectorStore) on @repo/storage: PGlite (pgvector bundled)
// or PostgreSQL with pgvector. One table per collection with an HNSW cosine index and a tsvector
// GIN index for BM25 (pg-vector-lexical.ts), recorded with its embedding model and size
// (pg-vector-collection.ts); older tables are upgraded in place. Every value is a parameter.
import type { EmbeddingModel } from '@repo/core';
import type { Database } from '@repo/storage';
import { sql } from 'drizzle-orm';
import type { EmbeddingSpace } from './rag-errors.js';
import { buildFilterSql } from './filter-sql.js';
import { resolveFilter } from './filter-predicate.js';
import {
  dropCollection,
  findCollection,
  openCollection,
  tableNameOf,
  type CollectionRecord,
} from './pg-vector-collection.js';
import { upgradeCollection } from './pg-vector-upgrade.js';
import { lexicalOrHybridSearch, nearestDocuments } from './pg-vector-search.js';
import { hasIterativeScan, selectRows, upsertRows, type VectorRow } from './pg-vector-sql.js';
import type {
  DeleteTarget,
  RagDocument,
  ScoredDocument,
  SearchRequest,
  VectorStore,
} from './rag-types.js';
import {
  assertEmbeddingSpace,
  checkWholeNumber,
  deriveDocumentId,
  embedDocuments,
  embedQuery,
  resolveSearchRequest,
} from './vector-store-support.js';

export interface PgVectorStoreOptions {
  /** A database from `createDatabase` (@repo/storage). */
  db: Database;
  embeddingModel: EmbeddingModel;
  /** Table `rag_vectors_<collection>`: 1-40 of a-z, 0-9, _, starting with a letter. */
  collection: string;
  /** Vector size; also requested from models that can shorten vectors. Default: the first vector's. */
  dimensions?: number;
  /** Texts per embedding request (default 64, capped by the model's `maxBatchSize`). */
  batchSize?: number;
  /** HNSW candidate list size per search (`hnsw.ef_search`, pgvector's default 40): recall vs speed. */
  efSearch?: number;
}

export interface PgVectorStore extends VectorStore {
  readonly collection: string;
  readonly tableName: string;
  /** Drops the table and its record, e.g. to re-ingest with another embedding model. */
  drop(): Promise<void>;
}

export function createPgVectorStore(options: PgVectorStoreOptions): PgVectorStore {
  const { db: database, embeddingModel: model, collection, dimensions, efSearch } = options;
  const tableName = tableNameOf(collection);
  const table = sql.identifier(tableName);
  checkWholeNumber('dimensions', dimensions, 1);
  checkWholeNumber('efSearch', efSearch, 1);
  const embedOptions = { batchSize: options.batchSize, dimensions };
  // Resolves to whether pgvector can scan iteratively (see runWithSearchSettings).
  let vectorReady: Promise<boolean> | undefined;
  let iterativeScan = false;
  let record: CollectionRecord | undefined;

  async function find(): Promise<CollectionRecord | undefined> {
    vectorReady ??= database
      .ensureVector()
      .then(() => hasIterativeScan(database))
      .catch((error: unknown) => {
        vectorReady = undefined; // the next call asks again (pgvector may get installed meanwhile)
        throw error;
      });
    iterativeScan = await vectorReady;
    if (record === undefined) {
      const found = await findCollection(database, collection);
      // A table from an older version gets the newer columns once, rows kept.
      if (found !== undefined) await upgradeCollection(database, tableName);
      record = found;
    }
    return record;
  }

  function checkSize(found: EmbeddingSpace, size: number, fromModel: boolean): void {
    assertEmbeddingSpace(collection, found, {
      embeddingModel: fromModel ? model.modelId : undefined,
      dimensions: size,
    });
  }

  return {
    name: `pgvector:${collection}`,
    collection,
    tableName,

    async add(documents: readonly RagDocument[], addOptions = {}): Promise<string[]> {
      if (documents.length === 0) return [];
      const vectors = await embedDocuments(model, documents, { ...embedOptions, ...addOptions });
      const size = dimensions ?? vectors[0]?.length ?? 0;
      // Every vector is checked against the size before a first batch creates the collection, so
      // a refused batch does not leave an empty collection recorded with the wrong size.
      const recorded = await find();
      const space = recorded ?? { embeddingModel: model.modelId, dimensions: size };
      vectors.forEach((vector) => checkSize(space, vector.length, false));
      const found =
        (await find()) ??
        (record = await openCollection(database, {
          name: collection,
          embeddingModel: model.modelId,
          dimensions: size,
        }));
      checkSize(found, size, true);
      // Last one wins within a batch: ON CONFLICT cannot touch one row twice in one statement.
      const rows = new Map<string, VectorRow>();
      const ids = documents.map((document, index) => {
        const id = deriveDocumentId(document);
        rows.set(id, { id, document, vector: vectors[index] ?? [] });
        return id;
      });
      await upsertRows(database, table, [...rows.values()]);
      return ids;
    },

    async existingIds(ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0 || (await find()) === undefined) return new Set();
      const rows = await selectRows<{ id: string }>(
        database.db,
        sql`SELECT id FROM ${table} WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
      );
      return new Set(rows.map((row) => row.id));
    },

    async delete(target: DeleteTarget): Promise<number> {
      const where =
        'ids' in target
          ? sql`id IN (SELECT jsonb_array_elements_text(${JSON.stringify(target.ids)}::jsonb))`
          : buildFilterSql(resolveFilter(target.filter));
      if ((await find()) === undefined) return 0;
      const deleted = await selectRows(
        database.db,
        sql`DELETE FROM ${table} WHERE ${where} RETURNING id`,
      );
      return deleted.length;
    },

    async similaritySearch(request: SearchRequest): Promise<ScoredDocument[]> {
      const resolved = resolveSearchRequest(request);
      const found = await find();
      if (found === undefined) return [];
      const context = { database, table, dimensions: found.dimensions, efSearch, iterativeScan };
      const text = typeof request.query === 'string' ? request.query : '';
      if (resolved.mode === 'lexical') {
        return lexicalOrHybridSearch(context, text, undefined, resolved);
      }
      const query = await embedQuery(model, request.query, {
        dimensions,
        signal: request.signal,
      });
      checkSize(found, query.length, typeof request.query === 'string');
      const vector = sql`${JSON.stringify(query)}::vector`;
      if (resolved.mode === 'hybrid') return lexicalOrHybridSearch(context, text, vector, resolved);
      const minimum = Math.max(resolved.threshold, resolved.floors.vector ?? 0);
      const hits = await nearestDocuments(context, vector, resolved, resolved.topK);
      return hits.filter((hit) => minimum === 0 || hit.score >= minimum);
    },

    async drop(): Promise<void> {
      record = undefined;
      await dropCollection(database, collection);
    },
  };
}
