// drizzle-kit config for this package's migrations, run from packages/fine-tuning:
// `npx drizzle-kit generate --config drizzle.config.ts`.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/jobs/sql-schema.ts'],
  out: './drizzle',
});
