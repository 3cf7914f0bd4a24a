// Where the app's files live, resolved from this file so `npm start`, `node dist/main.js` and the
// repository root agree (src/ and dist/ both sit one level below the app folder): the default
// data folder `.data/fine-tuning-demo` (gitignored): datasets, job records, local-llm's runs.
import { fileURLToPath } from 'node:url';

export const DATA_FOLDER = fileURLToPath(new URL('../.data/fine-tuning-demo', import.meta.url));

export const DEFAULT_DATA_URL = `file:${DATA_FOLDER}`;
