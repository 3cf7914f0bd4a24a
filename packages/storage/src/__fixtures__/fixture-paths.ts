// Paths the tests share: the generated migration folders, the child scripts and the built package.
import { fileURLToPath } from 'node:url';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export const MIGRATIONS_A = here('./migrations-a');
export const MIGRATIONS_B = here('./migrations-b');
export const APPEND_ROWS_SCRIPT = here('./append-rows.mjs');
export const HOLD_DATABASE_SCRIPT = here('./hold-database.mjs');
/** Child processes import the build, as an app would (turbo builds before testing). */
export const DIST_INDEX = here('../../dist/index.js');
