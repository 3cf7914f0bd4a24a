// Public API of @repo/rag: ETL (readers, splitters, enrichers, idempotent ingestion), vector
// stores with Spring AI's portable filter language, and modular retrieval with cited answers.
export type {
  DeleteTarget,
  FilterExpression,
  FilterValue,
  RagDocument,
  RelevanceFloors,
  ScoredDocument,
  SearchMode,
  SearchRequest,
  SearchSignals,
  VectorStore,
} from './rag-types.js';

// ETL
export {
  CorruptDocumentError,
  EmptyDocumentError,
  NothingToIngestError,
  TooManyChunksError,
  UnsupportedDocumentTypeError,
} from './etl-errors.js';
export { readText } from './read-text.js';
export type { ReadTextOptions } from './read-text.js';
export { readJson, resolveJsonPointer } from './read-json.js';
export type { ReadJsonOptions } from './read-json.js';
export { readHtml } from './read-html.js';
export type { ReadHtmlOptions } from './read-html.js';
export { readMarkdown } from './read-markdown.js';
export type { ReadMarkdownOptions } from './read-markdown.js';
export { readPdf } from './read-pdf.js';
export type { ReadPdfOptions } from './read-pdf.js';
export {
  detectDocumentType,
  readDocument,
  SUPPORTED_EXTENSIONS,
  SUPPORTED_MIME_TYPES,
} from './read-document.js';
export type { BytesSource, DocumentSource, DocumentType, ReaderOptions } from './read-document.js';
export { readSources } from './read-sources.js';
export type { ReadSourcesOptions, SkippedSource } from './read-sources.js';
export { countTokens } from './count-tokens.js';
export { contentHash, contentId } from './content-hash.js';
export { createTextSplitter, SPLIT_LIMITS, splitDocuments } from './split-documents.js';
export type { SplitOptions } from './split-documents.js';
export {
  createKeywordEnricher,
  createSummaryEnricher,
  KEYWORDS_METADATA_KEY,
  SUMMARY_METADATA_KEYS,
} from './enrich-documents.js';
export type {
  DocumentEnricher,
  KeywordEnricherOptions,
  SummaryEnricherOptions,
  SummaryType,
} from './enrich-documents.js';
export { createDocumentWorkers, DOCUMENT_WORKER_DEFAULTS } from './document-workers.js';
export type {
  DocumentWorkers,
  DocumentWorkersOptions,
  ReadAndSplitOptions,
} from './document-workers.js';
export { DEFAULT_MAX_CHUNKS, ingestDocuments } from './ingest-documents.js';
export type {
  ExistingIdsLookup,
  IngestOptions,
  IngestPhase,
  IngestProgress,
  IngestReport,
  IngestSkip,
} from './ingest-documents.js';

// Vector stores and filters
export { parseFilter } from './filter-parser.js';
export { resolveFilter, toFilterPredicate } from './filter-predicate.js';
export type { MetadataPredicate } from './filter-predicate.js';
export { buildFilterSql, toFilterSql } from './filter-sql.js';
export { createMemoryVectorStore } from './memory-vector-store.js';
export type { MemoryVectorStoreOptions } from './memory-vector-store.js';
export { createPgVectorStore } from './pg-vector-store.js';
export type { PgVectorStore, PgVectorStoreOptions } from './pg-vector-store.js';
export { fromLangChainVectorStore } from './langchain-vector-store.js';
export type { LangChainVectorStoreOptions } from './langchain-vector-store.js';
export { DEFAULT_TOP_K, deriveDocumentId, indexedText } from './vector-store-support.js';
export {
  DEFAULT_MIN_RELEVANCE,
  DEFAULT_SEARCH_MODE,
  FUSION_CANDIDATES,
  UnsupportedSearchModeError,
} from './search-modes.js';
export { queryTerms, tokenize } from './tokenize-text.js';
export { BM25_B, BM25_K1 } from './lexical-bm25.js';
export {
  EmbeddingDimensionMismatchError,
  FilterSyntaxError,
  InvalidCollectionNameError,
  UnsupportedFilterError,
} from './rag-errors.js';
export type { EmbeddingSpace, FilterSyntaxErrorOptions } from './rag-errors.js';

// Modular RAG
export { RAG_CONTEXT_KEYS } from './modular-rag-types.js';
export type {
  AugmentResult,
  Citation,
  DocumentJoiner,
  DocumentPostProcessor,
  DocumentRetriever,
  QueryAugmenter,
  QueryExpander,
  QueryTransformer,
  RagQuery,
  RagStageOptions,
} from './modular-rag-types.js';
export {
  createCompressionQueryTransformer,
  createRewriteQueryTransformer,
  createTranslationQueryTransformer,
} from './transform-query.js';
export type {
  QueryTransformerOptions,
  RewriteQueryTransformerOptions,
  TranslationQueryTransformerOptions,
} from './transform-query.js';
export { createMultiQueryExpander, parseQueryList } from './expand-query.js';
export type { MultiQueryExpanderOptions } from './expand-query.js';
export { concatenateDocuments, DEFAULT_RRF_K, fuseReciprocalRank } from './join-documents.js';
export type { ReciprocalRankFusionOptions } from './join-documents.js';
export { createVectorStoreDocumentRetriever } from './retrieve-documents.js';
export type { RetrieverFilter, VectorStoreDocumentRetrieverOptions } from './retrieve-documents.js';
export { createContextualQueryAugmenter } from './augment-query.js';
export type { ContextualQueryAugmenterOptions, LanguageTemplates } from './augment-query.js';
export { citeSources, readCitations, readRetrievedDocuments } from './cite-sources.js';
export { createQuestionAnswerAdvisor } from './question-answer-advisor.js';
export type { QuestionAnswerAdvisorOptions } from './question-answer-advisor.js';
export { createRetrievalAugmentationAdvisor } from './retrieval-augmentation-advisor.js';
export type { RetrievalAugmentationAdvisorOptions } from './retrieval-augmentation-advisor.js';
export type { RetrievalResult } from './augment-chat-request.js';
export {
  CONTEXTUAL_PROMPT,
  CONTEXTUAL_PROMPT_ZH,
  COMPRESS_QUERY_PROMPT,
  EMPTY_CONTEXT_ANSWER,
  EMPTY_CONTEXT_ANSWER_ZH,
  EMPTY_CONTEXT_PROMPT,
  MULTI_QUERY_PROMPT,
  QUESTION_ANSWER_PROMPT,
  QUESTION_ANSWER_PROMPT_ZH,
  REWRITE_QUERY_PROMPT,
  TRANSLATE_QUERY_PROMPT,
} from './rag-prompts.js';
// A listwise reranker any ChatModel can run (a post-processing stage; off unless added).
export {
  createListwiseReranker,
  LISTWISE_RERANK_PROMPT,
  LISTWISE_RERANK_PROMPT_ZH,
  parseRanking,
} from './rerank-documents.js';
export type { ListwiseRerankerOptions } from './rerank-documents.js';
// Re-ingest: what each source held last time, so unchanged files are skipped and stale chunks go.
export { createFileSourceLedger, createMemorySourceLedger } from './ingest-ledger.js';
export type { LedgerEntry, SourceLedger } from './ingest-ledger.js';
export type { PruneScope } from './ingest-replace.js';
export { sourceHash, sourceName } from './content-hash-source.js';
export type { SourceSettings } from './content-hash-source.js';
// Retrieval quality on a labelled set: recall@k, reciprocal rank, nDCG@k (binary relevance).
export {
  meanScores,
  ndcgAtK,
  recallAtK,
  reciprocalRank,
  scoreRanking,
} from './retrieval-metrics.js';
export type { RankedRelevance, RetrievalScores } from './retrieval-metrics.js';
