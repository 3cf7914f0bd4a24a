// The app's own settings (docs/conventions.md rule 10), validated at boot in one message; the AI variables
// are validated by AiModule. The vector store itself opens on the first request (cold start).
import { databaseUrlVar, type Env, parseEnvConfig, serverVars, wholeNumberVar } from '@repo/nest';
import { z } from 'zod';
import { CORPUS_FOLDER, DEFAULT_DATA_URL } from './data-folder.js';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

// The table is `rag_vectors_<collection>` (see @repo/rag's InvalidCollectionNameError).
const COLLECTION_FORM = /^[a-z][a-z0-9_]{0,39}$/;

const schema = z
  .object({
    ...serverVars(3005),
    DATABASE_URL: databaseUrlVar(DEFAULT_DATA_URL),
    RAG_COLLECTION: z
      .string()
      .trim()
      .regex(COLLECTION_FORM, {
        error: 'must be 1-40 lower-case letters, digits or _, starting with a letter',
      })
      .default('docs'),
    RAG_INGEST_ROOT: z.string().trim().min(1).default(CORPUS_FOLDER),
    RAG_MAX_UPLOAD_BYTES: wholeNumberVar(1, 100 * MIB).default(10 * MIB),
    // A whole multipart request, and what one path ingest reads (see ingest/ingest-limits.ts).
    RAG_MAX_REQUEST_BYTES: wholeNumberVar(1024, GIB).default(32 * MIB),
    // Ingests up to this many bytes answer at once (200); larger ones run as jobs (202).
    RAG_SYNC_INGEST_BYTES: wholeNumberVar(0, GIB).default(64 * 1024),
    // Ingest jobs running at once (each reads and splits in its own worker thread), and waiting.
    RAG_INGEST_CONCURRENCY: wholeNumberVar(1, 16).default(2),
    RAG_INGEST_QUEUE: wholeNumberVar(0, 1000).default(8),
    // Longest read + split of one file in a worker thread; a 422 beyond.
    RAG_READ_TIMEOUT_MS: wholeNumberVar(1000, 600_000).default(60_000),
    RAG_TOP_K: wholeNumberVar(1, 50).default(4),
    // How search and ask rank chunks: BM25 beside the vectors, fused (hybrid), or one of the two.
    RAG_SEARCH_MODE: z.enum(['vector', 'lexical', 'hybrid']).default('hybrid'),
    // A listwise reranker by the chat model after retrieval: on when the default chat model is a
    // hosted one (auto); the embedded model cannot judge relevance, so off for `local`.
    RAG_RERANK: z.enum(['auto', 'on', 'off']).default('auto'),
  })
  .superRefine((config, context) => {
    if (config.RAG_MAX_REQUEST_BYTES < config.RAG_MAX_UPLOAD_BYTES)
      context.addIssue({
        code: 'custom',
        path: ['RAG_MAX_REQUEST_BYTES'],
        message: `must be at least RAG_MAX_UPLOAD_BYTES (${config.RAG_MAX_UPLOAD_BYTES}): a request must hold one file of the largest size`,
      });
  });

export type AppConfig = z.infer<typeof schema>;

export function parseAppConfig(env: Env = process.env): AppConfig {
  return parseEnvConfig(schema, env);
}
