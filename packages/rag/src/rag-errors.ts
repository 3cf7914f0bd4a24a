// The vector-store side of @repo/rag's errors (ETL errors live in etl-errors.ts), on core's
// hierarchy (docs/conventions.md rule 11). Bad input is core's InvalidInputError (HTTP 400) with the
// field named; each error carries the data an app needs to act on it.
import { AiError, InvalidInputError } from '@repo/core';

export interface FilterSyntaxErrorOptions {
  /** The filter text as given. */
  filter: string;
  /** 0-based column of the offending token (the text's length at the end of input). */
  position: number;
  /** What the parser wanted there, e.g. `a value`. */
  expected: string;
  /** The token before `position`, e.g. `==`; absent at the start. */
  after?: string;
  /** What was found instead; absent at the end of input. */
  found?: string;
}

/** A filter expression that does not parse: names the position and what was expected. */
export class FilterSyntaxError extends InvalidInputError {
  readonly filter: string;
  readonly position: number;
  readonly expected: string;

  constructor(options: FilterSyntaxErrorOptions) {
    const after = options.after === undefined ? '' : ` after ${quote(options.after)}`;
    const found = options.found === undefined ? '' : `, found ${quote(options.found)}`;
    const reason = `Expected ${options.expected}${after} at position ${options.position}${found}`;
    super(`Invalid filter: ${reason}`, [{ field: 'filter', reason }], { code: 'filter_syntax' });
    this.filter = options.filter;
    this.position = options.position;
    this.expected = options.expected;
  }
}

// A string token already carries its quotes: `after 'drama'`, not `after ''drama''`.
function quote(token: string): string {
  return /^['"]/.test(token) ? token : `'${token}'`;
}

/** A filter sent to a store that cannot translate our filter language (the LangChain adapter). */
export class UnsupportedFilterError extends InvalidInputError {
  readonly store: string;

  constructor(store: string) {
    const reason =
      `the vector store ${store} does not support the portable filter language: each LangChain ` +
      'vector store has its own filter format. Search without a filter, or use the pgvector or ' +
      'memory store for filtered search.';
    super(`Filters are not supported here: ${reason}`, [{ field: 'filter', reason }], {
      code: 'unsupported_filter',
    });
    this.store = store;
  }
}

/** A collection name that cannot become a table name (`rag_vectors_<collection>`). */
export class InvalidCollectionNameError extends InvalidInputError {
  readonly collection: string;

  constructor(collection: string) {
    const reason =
      `"${collection}" is not a valid collection name: use 1-40 characters of lower-case ` +
      'letters, digits and underscores, starting with a letter (e.g. "docs" or "faq_v2").';
    super(`Invalid collection: ${reason}`, [{ field: 'collection', reason }], {
      code: 'invalid_collection',
    });
    this.collection = collection;
  }
}

export interface EmbeddingSpace {
  /** The embedding model id (`undefined` for a precomputed vector of unknown origin). */
  embeddingModel: string | undefined;
  dimensions: number;
}

/**
 * Vectors from another model or of another length than the collection holds: comparing them
 * would return confident nonsense, so the store refuses. Not a 400: the fix is configuration.
 */
export class EmbeddingDimensionMismatchError extends AiError {
  readonly collection: string;
  readonly recorded: EmbeddingSpace;
  readonly got: EmbeddingSpace;

  constructor(collection: string, recorded: EmbeddingSpace, got: EmbeddingSpace) {
    super(
      `Collection "${collection}" holds ${describeSpace(recorded)}, but got ` +
        `${describeSpace(got)}. Vectors from different models or sizes cannot be compared: ` +
        `use a new collection for this embedding model, or re-ingest "${collection}" ` +
        '(drop it and add the documents again with the new model).',
      { code: 'embedding_dimension_mismatch', kind: 'conflict' },
    );
    this.collection = collection;
    this.recorded = recorded;
    this.got = got;
  }
}

function describeSpace(space: EmbeddingSpace): string {
  const model = space.embeddingModel === undefined ? '' : ` from model "${space.embeddingModel}"`;
  return `${space.dimensions}-dimensional vectors${model}`;
}
