// @repo/storage/testing: throwaway databases and the PostgreSQL test switch, for every package's tests.
export { createTestDatabase } from './create-test-database.js';
export type { CreateTestDatabaseOptions, TestDatabase } from './create-test-database.js';
export { POSTGRES_SKIP_REASON, postgresTestUrl } from './postgres-test-url.js';
