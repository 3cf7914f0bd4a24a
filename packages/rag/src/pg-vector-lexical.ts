// Lexical search in the database for the pgvector store: a `lexemes` tsvector column filled with
// `to_tsvector('simple', …)` from tokenize-text.ts's terms (the `simple` configuration keeps them
// as given: no stemming, no stop words, CJK bigrams intact), a GIN index to find the documents
// holding a query term, and BM25 evaluated in SQL with the memory store's formula and constants.
import { sql, type SQL } from 'drizzle-orm';
import { BM25_B, BM25_K1, weighQueryTerms } from './lexical-bm25.js';
import { selectRows, type SqlRunner } from './pg-vector-sql.js';
import type { Candidate } from './rank-fusion.js';

type Table = ReturnType<typeof sql.identifier>;

/** A query's terms with their idf over the whole collection, and the mean document length. */
export interface WeightedQuery {
  weights: Map<string, number>;
  totalIdf: number;
  averageLength: number;
}

export async function weighQuery(
  runner: SqlRunner,
  table: Table,
  terms: readonly string[],
): Promise<WeightedQuery> {
  const [stats] = await selectRows<{ documents: number; averageLength: number }>(
    runner,
    sql`SELECT count(*)::int AS documents, coalesce(avg(lexeme_count), 0)::float8 AS "averageLength"
        FROM ${table}`,
  );
  // One GIN lookup per distinct term.
  const frequencies = await selectRows<{ term: string; df: number }>(
    runner,
    sql`SELECT term, (SELECT count(*) FROM ${table} WHERE lexemes @@ ${termQuery(sql`term`)})::int AS df
        FROM jsonb_array_elements_text(${JSON.stringify(terms)}::jsonb) AS term`,
  );
  const documents = Number(stats?.documents ?? 0);
  const averageLength = Number(stats?.averageLength ?? 0);
  const weights = weighQueryTerms(terms, {
    documents,
    averageLength,
    documentFrequency: new Map(frequencies.map((row) => [row.term, Number(row.df)])),
  });
  let totalIdf = 0;
  for (const idf of weights.values()) totalIdf += idf;
  return { weights, totalIdf, averageLength };
}

// A term as a one-lexeme tsquery. Terms hold only letters and digits (tokenize-text.ts), so
// quoting them cannot break the tsquery syntax; they still travel as parameters.
function termQuery(term: SQL): SQL {
  return sql`('''' || ${term} || '''')::tsquery`;
}

/** Documents holding any query term (GIN), best BM25 first, with their signals (no cosine). */
export async function lexicalCandidates(
  runner: SqlRunner,
  table: Table,
  query: WeightedQuery,
  where: SQL | undefined,
  depth: number,
): Promise<Candidate[]> {
  if (query.weights.size === 0) return [];
  const anyTerm = [...query.weights.keys()].map((term) => `'${term}'`).join(' | ');
  const filter = where === undefined ? sql`` : sql`AND ${where}`;
  const rows = await selectRows<SignalRow>(
    runner,
    sql`SELECT t.id, t.content AS text, t.context, t.metadata, s.bm25, s.matched
        FROM ${table} AS t CROSS JOIN LATERAL ${signals(query)} AS s
        WHERE t.lexemes @@ ${anyTerm}::tsquery ${filter}
        ORDER BY s.bm25 DESC, t.id COLLATE "C" LIMIT ${depth}`,
  );
  return rows.map((row) => toCandidate(row, query));
}

/** The candidates with these ids, with cosine to `vector` and their lexical signals. */
export async function candidateDetails(
  runner: SqlRunner,
  table: Table,
  query: WeightedQuery,
  vector: SQL,
  ids: readonly string[],
): Promise<Candidate[]> {
  if (ids.length === 0) return [];
  const rows = await selectRows<SignalRow & { cosine: number }>(
    runner,
    sql`SELECT t.id, t.content AS text, t.context, t.metadata, 1 - (t.embedding <=> ${vector}) AS cosine,
          s.bm25, s.matched
        FROM ${table} AS t CROSS JOIN LATERAL ${signals(query)} AS s
        WHERE t.id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
  );
  return rows.map((row) => {
    const cosine = Number(row.cosine);
    // A zero vector has no direction: pgvector says NaN, we say 0 (as the memory store).
    return { ...toCandidate(row, query), cosine: Number.isFinite(cosine) ? cosine : 0 };
  });
}

interface SignalRow {
  id: string;
  text: string;
  context: string | null;
  metadata: Record<string, unknown>;
  bm25: number | null;
  matched: number | null;
}

// BM25 and the idf of the matched terms for row `t`, as one expression per query term: the
// term's frequency is looked up in the row's `term_counts` (the GIN index on the tsvector finds the
// rows; unnesting each matching row's tsvector for its positions cost far more per row).
function signals(query: WeightedQuery): SQL {
  const k1 = sql`${BM25_K1}::float8`;
  const norm = sql`(${k1} * (1 - ${BM25_B}::float8 + ${BM25_B}::float8 * t.lexeme_count / ${query.averageLength || 1}::float8))`;
  const terms = [...query.weights].map(([term, idf], index) => ({
    tf: sql`coalesce((t.term_counts ->> ${term})::float8, 0)`,
    idf: sql`${idf}::float8`,
    name: sql.identifier(`tf${index}`),
  }));
  if (terms.length === 0) return sql`(SELECT 0::float8 AS bm25, 0::float8 AS matched)`;
  const bm25 = terms.map(
    ({ idf, name }) => sql`${idf} * f.${name} * (${k1} + 1) / (f.${name} + ${norm})`,
  );
  const matched = terms.map(({ idf, name }) => sql`CASE WHEN f.${name} > 0 THEN ${idf} ELSE 0 END`);
  const frequencies = terms.map(({ tf, name }) => sql`${tf} AS ${name}`);
  return sql`(SELECT ${sql.join(bm25, sql` + `)} AS bm25, ${sql.join(matched, sql` + `)} AS matched
    FROM (SELECT ${sql.join(frequencies, sql`, `)}) AS f)`;
}

function toCandidate(row: SignalRow, query: WeightedQuery): Candidate {
  const matched = Number(row.matched ?? 0);
  return {
    id: row.id,
    text: row.text,
    ...(row.context === null ? {} : { context: row.context }),
    metadata: row.metadata,
    bm25: Number(row.bm25 ?? 0),
    coverage: query.totalIdf === 0 ? 0 : matched / query.totalIdf,
  };
}
