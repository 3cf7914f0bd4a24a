// One table-driven suite run against every engine (PGlite memory, PGlite file, PostgreSQL), so
// the three behave the same for the packages built on them.
import { count, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { MIGRATIONS_A, MIGRATIONS_B } from './fixture-paths.js';
import { notes } from './schema-a.js';
import { items } from './schema-b.js';

export type OpenDatabase = () => Promise<Database>;

async function appliedHashes(database: Database, table: string): Promise<number> {
  const [row] = await database.db
    .select({ n: count() })
    .from(sql`drizzle.${sql.identifier(table)}`);
  return row?.n ?? -1;
}

export function describeDatabaseContract(label: string, open: OpenDatabase): void {
  describe(`database contract: ${label}`, () => {
    const opened: Database[] = [];
    const fresh = async (): Promise<Database> => {
      const database = await open();
      opened.push(database);
      return database;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((database) => database.close()));
    });

    it.each([
      ['a then b', ['a', 'b']],
      ['b then a', ['b', 'a']],
    ] as const)('applies two packages’ migrations %s, each in its own table', async (_, order) => {
      const database = await fresh();
      const folders = { a: MIGRATIONS_A, b: MIGRATIONS_B };
      for (const name of order) {
        await database.migrate({ packageName: `@repo/${name}`, migrationsFolder: folders[name] });
      }
      await database.db.insert(notes).values({ body: 'hello', rank: 2 });
      await database.db.insert(items).values({ name: 'pen' });
      expect(await database.db.select().from(notes)).toEqual([{ id: 1, body: 'hello', rank: 2 }]);
      expect(await database.db.select().from(items)).toEqual([{ id: 1, name: 'pen', quantity: 0 }]);
      expect(await appliedHashes(database, '__drizzle_migrations_a')).toBe(2);
      expect(await appliedHashes(database, '__drizzle_migrations_b')).toBe(1);
    });

    it('applies migrations idempotently: a second run is a no-op', async () => {
      const database = await fresh();
      await database.migrate({ packageName: 'a', migrationsFolder: MIGRATIONS_A });
      await database.db.insert(notes).values({ body: 'kept' });
      await database.migrate({ packageName: 'a', migrationsFolder: MIGRATIONS_A });
      await Promise.all([
        database.migrate({ packageName: 'a', migrationsFolder: MIGRATIONS_A }),
        database.migrate({ packageName: 'a', migrationsFolder: MIGRATIONS_A }),
      ]);
      expect(await appliedHashes(database, '__drizzle_migrations_a')).toBe(2);
      expect(await database.db.select({ body: notes.body }).from(notes)).toEqual([
        { body: 'kept' },
      ]);
    });

    it('commits a transaction that resolves and rolls back one that throws', async () => {
      const database = await fresh();
      await database.migrate({ packageName: 'a', migrationsFolder: MIGRATIONS_A });
      const id = await database.transaction(async (tx) => {
        const [row] = await tx.insert(notes).values({ body: 'committed' }).returning();
        await tx.update(notes).set({ rank: 7 }).where(eq(notes.body, 'committed'));
        return row?.id;
      });
      await expect(
        database.transaction(async (tx) => {
          await tx.insert(notes).values({ body: 'rolled back' });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(id).toBe(1);
      expect(await database.db.select({ body: notes.body, rank: notes.rank }).from(notes)).toEqual([
        { body: 'committed', rank: 7 },
      ]);
    });

    it('closes gracefully, and a second close is harmless', async () => {
      const database = await fresh();
      await database.close();
      await database.close();
      await expect(database.db.select().from(notes)).rejects.toThrow();
    });
  });
}
