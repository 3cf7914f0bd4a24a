// drizzle-kit config for this package's migrations, run from packages/evaluation:
// `npx drizzle-kit generate --config drizzle.config.ts`.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/eval-schema.ts',
  out: './drizzle',
});
