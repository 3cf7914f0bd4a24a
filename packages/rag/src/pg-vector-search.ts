// The searches of the pgvector store once the collection is known: nearest neighbours through the
// HNSW index (vector mode, and hybrid's vector branch), BM25 in SQL (pg-vector-lexical.ts), and
// the fusion both stores share (rank-fusion.ts).
import type { Database } from '@repo/storage';
import { sql, type SQL } from 'drizzle-orm';
import { buildFilterSql } from './filter-sql.js';
import { indexedDistance } from './pg-vector-collection.js';
import { candidateDetails, lexicalCandidates, weighQuery } from './pg-vector-lexical.js';
import { runWithSearchSettings, selectRows } from './pg-vector-sql.js';
import { byScoreThenId, fuseBranches } from './rank-fusion.js';
import type { ScoredDocument } from './rag-types.js';
import { queryTerms } from './tokenize-text.js';
import type { ResolvedSearch } from './vector-store-support.js';

export interface PgSearchContext {
  database: Database;
  table: ReturnType<typeof sql.identifier>;
  dimensions: number;
  efSearch: number | undefined;
  iterativeScan: boolean;
}

type Row = Omit<ScoredDocument, 'context'> & { context: string | null };

/** The `limit` nearest documents passing the filter, closest first, scored by cosine. */
export async function nearestDocuments(
  context: PgSearchContext,
  vector: SQL,
  resolved: ResolvedSearch,
  limit: number,
): Promise<ScoredDocument[]> {
  const { database, table, filter } = { ...context, filter: resolved.filter };
  const where = filter === undefined ? sql`` : sql`WHERE ${buildFilterSql(filter)}`;
  const select = sql`SELECT id, content AS text, context, metadata, 1 - (embedding <=> ${vector}) AS score
    FROM ${table} ${where} ORDER BY ${indexedDistance(context.dimensions, vector)} LIMIT ${limit}`;
  const { efSearch } = context;
  const settings = { efSearch, iterativeScan: context.iterativeScan && filter !== undefined };
  const rows = await runWithSearchSettings(database, settings, (runner) =>
    selectRows<Row>(runner, select),
  );
  // A zero vector has no direction: pgvector says NaN, we say 0 (as the memory store).
  return rows.map(({ context: chunkContext, ...row }) => ({
    ...row,
    ...(chunkContext === null ? {} : { context: chunkContext }),
    score: Number.isFinite(Number(row.score)) ? Number(row.score) : 0,
  }));
}

/** Lexical search (no vector) or hybrid search (`vector` given), fused as in the memory store. */
export async function lexicalOrHybridSearch(
  context: PgSearchContext,
  query: string,
  vector: SQL | undefined,
  resolved: ResolvedSearch,
): Promise<ScoredDocument[]> {
  const { database, table } = context;
  const where = resolved.filter === undefined ? undefined : buildFilterSql(resolved.filter);
  const weighted = await weighQuery(database.db, table, queryTerms(query));
  const lexical = await lexicalCandidates(database.db, table, weighted, where, resolved.depth);
  if (vector === undefined) return fuseBranches({ vector: [], lexical }, resolved);
  // HNSW returns at most ef_search rows (pgvector's default 40): unless the store sets it, the
  // vector branch asks for as many as it ranks.
  const efSearch = context.efSearch ?? (resolved.depth > 40 ? resolved.depth : undefined);
  const nearest = await nearestDocuments(
    { ...context, efSearch },
    vector,
    resolved,
    resolved.depth,
  );
  const ids = [...new Set([...nearest, ...lexical].map((hit) => hit.id))];
  const details = new Map(
    (await candidateDetails(database.db, table, weighted, vector, ids)).map((c) => [c.id, c]),
  );
  const vectorBranch = nearest
    .sort((a, b) => byScoreThenId(a.score, b.score, a.id, b.id))
    .flatMap((hit) => details.get(hit.id) ?? []);
  const lexicalBranch = lexical.map((candidate) => details.get(candidate.id) ?? candidate);
  return fuseBranches({ vector: vectorBranch, lexical: lexicalBranch }, resolved);
}
