// drizzle-kit config for the "b" fixture: `npx drizzle-kit generate --config src/__fixtures__/drizzle-b.config.ts`.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/__fixtures__/schema-b.ts',
  out: './src/__fixtures__/migrations-b',
});
