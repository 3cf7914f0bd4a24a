// @repo/storage: one database layer (Drizzle over PGlite or PostgreSQL) for every package that persists.
export { createDatabase, openDatabaseWith } from './create-database.js';
export type {
  CreateDatabaseOptions,
  Database,
  DrizzleDatabase,
  MigrateOptions,
  Transaction,
} from './database.js';
export { maskDatabaseUrl } from './database-url.js';
export { migrationsTableName } from './migrations-table.js';
export { resetDataFolder, runResetData } from './reset-data-folder.js';
export {
  DatabaseInUseError,
  InvalidDatabaseUrlError,
  StorageError,
  VectorUnavailableError,
} from './storage-errors.js';
