// Where the PostgreSQL tests find their server (docs/conventions.md rule 14): run when TEST_POSTGRES_URL
// is set, skip locally when it is not, fail in CI when it is not.
import { StorageError } from '../storage-errors.js';

export function postgresTestUrl(): string | undefined {
  const url = process.env['TEST_POSTGRES_URL'];
  if (url !== undefined && url.trim() !== '') return url.trim();
  if (process.env['CI'] === 'true') {
    throw new StorageError(
      'TEST_POSTGRES_URL is not set but CI=true: PostgreSQL tests must run in CI. ' +
        'Start the server with `eval "$(bash scripts/services.sh start postgres)"`.',
      { code: 'missing_test_service' },
    );
  }
  return undefined;
}

/** The reason to print when PostgreSQL tests are skipped. */
export const POSTGRES_SKIP_REASON =
  'skipped: TEST_POSTGRES_URL is not set (eval "$(bash scripts/services.sh start postgres)")';
