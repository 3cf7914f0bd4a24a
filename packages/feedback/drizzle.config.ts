// drizzle-kit config for this package's migrations, run from packages/feedback:
// `npx drizzle-kit generate --config drizzle.config.ts`.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/store/sql-schema.ts', './src/campaign/campaign-schema.ts'],
  out: './drizzle',
});
