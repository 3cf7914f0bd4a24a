// drizzle-kit config for the quick start: a package commits the folder this generates.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './examples/todos-schema.ts',
  out: './examples/migrations',
});
