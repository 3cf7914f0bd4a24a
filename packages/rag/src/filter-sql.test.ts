// The filter language's two back ends agree: each filter runs as the JavaScript predicate and as
// the SQL from toFilterSql, executed on PGlite (and on PostgreSQL when TEST_POSTGRES_URL is set),
// and all of them must select the expected rows.
import { PGlite } from '@electric-sql/pglite';
import { InvalidInputError } from '@repo/core';
import {
  POSTGRES_SKIP_REASON,
  postgresTestUrl,
  createTestDatabase,
  type TestDatabase,
} from '@repo/storage/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFilter } from './filter-parser.js';
import { toFilterPredicate } from './filter-predicate.js';
import { toFilterSql } from './filter-sql.js';
import type { FilterExpression } from './rag-types.js';

const ROWS: Record<string, Record<string, unknown>> = {
  m1: { genre: 'drama', year: 2020, rating: 4.5, tags: ['a'], meta: { author: 'ann' } },
  m2: { genre: 'comedy', year: 2019, rating: 3, meta: { author: 'bob' } },
  m3: { genre: 'drama', year: '2021', draft: true },
  m4: { genre: '纪录片', year: 2022, author: null },
  m5: {},
  m6: { genre: "it's", year: 2020.0, rating: 10 },
};

const CASES: [filter: string, ids: string[]][] = [
  ["genre == 'drama'", ['m1', 'm3']],
  ["genre != 'drama'", ['m2', 'm4', 'm5', 'm6']],
  ['year > 2019', ['m1', 'm4', 'm6']], // m3's year is a string: no numeric order
  ['year >= 2020 && year < 2022', ['m1', 'm6']],
  ["year == '2021'", ['m3']],
  ['year == 2020.0', ['m1', 'm6']],
  ['rating <= 4.5', ['m1', 'm2']], // numerically: 10 > 4.5 (as text '10' < '4.5')
  ["genre > 'd'", ['m1', 'm3', 'm4', 'm6']],
  ["genre in ['drama', '纪录片']", ['m1', 'm3', 'm4']],
  ["genre nin ['drama']", ['m2', 'm4', 'm5', 'm6']],
  ["genre NOT IN ['drama'] AND year IN [2019, 2020]", ['m2', 'm6']],
  ['year in []', []],
  ['author == null', ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']],
  ["meta.author == 'ann'", ['m1']],
  ['meta.author != null', ['m1', 'm2']],
  ["!(genre == 'drama') && year > 2019", ['m4', 'm6']],
  ["genre == 'comedy' || genre == 'drama' && draft == true", ['m2', 'm3']],
  ["(genre == 'comedy' || genre == 'drama') && draft == true", ['m3']],
  ['NOT draft == true', ['m1', 'm2', 'm4', 'm5', 'm6']],
  ['genre == "it\'s"', ['m6']],
  ["tags == 'a'", []],
  ["genre == 'x\\' OR 1=1 --' || genre == 'drama'", ['m1', 'm3']], // an escaped quote stays data
];

type Runner = (query: { sql: string; params: unknown[] }) => Promise<string[]>;

async function loadRows(run: (text: string, params: unknown[]) => Promise<unknown>): Promise<void> {
  await run('CREATE TABLE docs (id text PRIMARY KEY, metadata jsonb NOT NULL)', []);
  for (const [id, metadata] of Object.entries(ROWS)) {
    await run('INSERT INTO docs VALUES ($1, $2::jsonb)', [id, JSON.stringify(metadata)]);
  }
}

function describeEngine(
  label: string,
  open: () => Promise<{ run: Runner; close: () => Promise<void> }>,
) {
  describe(`filters on ${label}`, () => {
    let engine: { run: Runner; close: () => Promise<void> };
    beforeAll(async () => void (engine = await open()));
    afterAll(() => engine.close());

    it.each(CASES)('%s', async (filter, ids) => {
      const expression = parseFilter(filter);
      const predicate = toFilterPredicate(expression);
      expect(Object.keys(ROWS).filter((id) => predicate(ROWS[id] ?? {}))).toEqual(ids);
      expect(await engine.run(toFilterSql(expression))).toEqual(ids);
    });
  });
}

describeEngine('PGlite', async () => {
  const db = await PGlite.create();
  await loadRows((text, params) => db.query(text, params));
  return {
    run: async ({ sql, params }) =>
      (
        await db.query<{ id: string }>(`SELECT id FROM docs WHERE ${sql} ORDER BY id`, params)
      ).rows.map((row) => row.id),
    close: () => db.close(),
  };
});

const serverUrl = postgresTestUrl();
describe.skipIf(serverUrl === undefined)(
  `PostgreSQL${serverUrl === undefined ? ` (${POSTGRES_SKIP_REASON})` : ''}`,
  () => {
    describeEngine('PostgreSQL', async () => {
      const database: TestDatabase = await createTestDatabase({ kind: 'postgres' });
      const client = new pg.Client({ connectionString: database.connectionString });
      await client.connect();
      await loadRows((text, params) => client.query(text, params));
      return {
        run: async ({ sql, params }) =>
          (
            await client.query<{ id: string }>(
              `SELECT id FROM docs WHERE ${sql} ORDER BY id`,
              params,
            )
          ).rows.map((row) => row.id),
        close: async () => {
          await client.end();
          await database.close();
        },
      };
    });
  },
);

describe('toFilterSql', () => {
  it('binds every key and value as a parameter', () => {
    expect(toFilterSql(parseFilter("meta.author == 'ann' && year >= 2020"))).toEqual({
      sql:
        `((COALESCE("metadata" -> $1::text -> $2::text, 'null'::jsonb) = $3::jsonb) AND ` +
        `(CASE WHEN jsonb_typeof(COALESCE("metadata" -> $4::text, 'null'::jsonb)) = 'number' ` +
        `THEN (COALESCE("metadata" -> $5::text, 'null'::jsonb))::numeric >= $6::numeric ELSE false END))`,
      params: ['meta', 'author', '"ann"', 'year', 'year', '2020'],
    });
  });

  it('names another column, and refuses one that is not a plain identifier', () => {
    expect(toFilterSql(parseFilter('a == 1'), 'attrs').sql).toContain('"attrs" -> $1::text');
    expect(() => toFilterSql(parseFilter('a == 1'), 'attrs; DROP TABLE docs')).toThrow(
      InvalidInputError,
    );
  });

  it('refuses a hand-built AST whose operator is not in the language', () => {
    const forged = {
      type: 'compare',
      op: '> 0 OR true --',
      key: 'a',
      value: 1,
    } as unknown as FilterExpression;
    expect(() => toFilterSql(forged)).toThrow(InvalidInputError);
    expect(() => toFilterPredicate(forged)).toThrow('unknown filter node');
  });
});
