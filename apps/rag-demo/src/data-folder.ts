// Where the app's files live, resolved from this file so `npm start`, `node dist/main.js` and the
// repository root agree (src/ and dist/ both sit one level below the app folder): the default
// PGlite folder `.data/rag-demo` (gitignored) and the bundled sample corpus.
import { fileURLToPath } from 'node:url';

export const DATA_FOLDER = fileURLToPath(new URL('../.data/rag-demo', import.meta.url));

export const DEFAULT_DATA_URL = `file:${DATA_FOLDER}`;

/** The sample corpus, the default RAG_INGEST_ROOT. */
export const CORPUS_FOLDER = fileURLToPath(new URL('../corpus/docs', import.meta.url));
