// Where the default store lives: `.data/chat-memory-demo` inside the app folder (gitignored),
// resolved from this file so `npm start`, `node dist/main.js` and the repository root agree.
import { fileURLToPath } from 'node:url';

/** src/ and dist/ both sit one level below the app folder. */
export const DATA_FOLDER = fileURLToPath(new URL('../.data/chat-memory-demo', import.meta.url));

export const DEFAULT_DATA_URL = `file:${DATA_FOLDER}`;
