// Quick start: open a database (PGlite in memory here; `file:.data/app` or `postgres://…` work the
// same), apply this package's migrations, write in a transaction, query with drizzle.
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { createDatabase } from '@repo/storage';
import { todos } from './todos-schema.js';

export async function main(url = 'memory://'): Promise<string[]> {
  const database = await createDatabase({ url });
  try {
    await database.migrate({
      packageName: 'todos',
      migrationsFolder: fileURLToPath(new URL('./migrations', import.meta.url)),
    });
    await database.transaction(async (tx) => {
      await tx.insert(todos).values([{ title: 'write the README' }, { title: 'run the tests' }]);
      await tx.update(todos).set({ done: true }).where(eq(todos.title, 'write the README'));
    });
    const rows = await database.db.select().from(todos).orderBy(todos.id);
    return rows.map((row) => `${row.done ? '[x]' : '[ ]'} ${row.title}`);
  } finally {
    await database.close();
  }
}
