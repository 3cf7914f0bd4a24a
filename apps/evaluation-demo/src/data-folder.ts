// Where the app's files live, resolved from this file so `npm start`, `node dist/main.js` and the
// repository root agree (src/ and dist/ both sit one level below the app folder): the default
// PGlite folder `.data/evaluation-demo` (gitignored) and the bundled suites.
import { fileURLToPath } from 'node:url';

export const DATA_FOLDER = fileURLToPath(new URL('../.data/evaluation-demo', import.meta.url));

export const DEFAULT_DATA_URL = `file:${DATA_FOLDER}`;

/** The bundled suites (`<name>.eval.yaml`), the default EVAL_SUITES_DIR. */
export const SUITES_FOLDER = fileURLToPath(new URL('../suites', import.meta.url));
