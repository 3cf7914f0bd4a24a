// drizzle-kit config for the "a" fixture: `npx drizzle-kit generate --config src/__fixtures__/drizzle-a.config.ts`.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/__fixtures__/schema-a.ts',
  out: './src/__fixtures__/migrations-a',
});
