// The app's own settings (HOUSE-STYLE rule 10), validated at boot in one message; the AI variables
// are validated by AiModule. The vector store itself opens on the first request (cold start).
import { databaseUrlVar, type Env, parseEnvConfig, serverVars, wholeNumberVar } from '@repo/nest';
import { z } from 'zod';
import { CORPUS_FOLDER, DEFAULT_DATA_URL } from './data-folder.js';

// The table is `rag_vectors_<collection>` (see @repo/rag's InvalidCollectionNameError).
const COLLECTION_FORM = /^[a-z][a-z0-9_]{0,39}$/;

const schema = z.object({
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
  RAG_MAX_UPLOAD_BYTES: wholeNumberVar(1, 100 * 1024 * 1024).default(10 * 1024 * 1024),
  RAG_TOP_K: wholeNumberVar(1, 50).default(4),
});

export type AppConfig = z.infer<typeof schema>;

export function parseAppConfig(env: Env = process.env): AppConfig {
  return parseEnvConfig(schema, env);
}
