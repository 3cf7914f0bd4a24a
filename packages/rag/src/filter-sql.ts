// The filter language as a PostgreSQL condition over a jsonb column (Spring AI's
// PgVectorFilterExpressionConverter). Unlike Spring's converter, which writes values into a
// jsonpath string, every key and value here is a bound parameter: a filter typed by a user can
// never change the statement. Semantics match filter-predicate.ts:
// - every leaf yields true or false, never NULL, so `NOT` is plain negation (two-valued logic);
// - a missing key reads as jsonb `null` (COALESCE), so `key == null` matches it;
// - `==`/`in` use jsonb equality (typed: 2020 ≠ '2020', 2020 = 2020.0);
// - `<`/`>` first check jsonb_typeof inside CASE (AND does not short-circuit in SQL, and a cast
//   of a string to numeric would throw), then compare numerically or as text in COLLATE "C".
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { InvalidInputError } from '@repo/core';
import { rejectFilterNode } from './filter-predicate.js';
import type { FilterExpression, FilterValue } from './rag-types.js';

const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const dialect = new PgDialect();

/** Parameterised SQL (`$1`, `$2`, …) for a filter, e.g. to run through `pg` directly. */
export function toFilterSql(
  expression: FilterExpression,
  column = 'metadata',
): { sql: string; params: unknown[] } {
  const query = dialect.sqlToQuery(buildFilterSql(expression, column));
  return { sql: query.sql, params: query.params };
}

/** The same condition as a drizzle `SQL` chunk, to embed in a larger drizzle `sql` template. */
export function buildFilterSql(expression: FilterExpression, column = 'metadata'): SQL {
  if (!COLUMN_NAME.test(column)) {
    throw new InvalidInputError(`Invalid filter column ${JSON.stringify(column)}`, [
      { field: 'column', reason: 'must be a plain SQL identifier (letters, digits, _)' },
    ]);
  }
  return translate(expression, sql.identifier(column));
}

type Column = ReturnType<typeof sql.identifier>;
// An AST can arrive hand-built (or from JSON), so operators are looked up, never spliced in.
const ORDER_OPERATORS: Record<string, string> = { '>': '>', '>=': '>=', '<': '<', '<=': '<=' };

function translate(expression: FilterExpression, column: Column): SQL {
  switch (expression.type) {
    case 'and':
      return sql`(${translate(expression.left, column)} AND ${translate(expression.right, column)})`;
    case 'or':
      return sql`(${translate(expression.left, column)} OR ${translate(expression.right, column)})`;
    case 'not':
      return sql`(NOT ${translate(expression.operand, column)})`;
    case 'in':
    case 'nin': {
      const list = sql`(SELECT jsonb_array_elements(${JSON.stringify(expression.values)}::jsonb))`;
      const negate = expression.type === 'nin' ? sql`NOT ` : sql``;
      return sql`(${valueAt(column, expression.key)} ${negate}IN ${list})`;
    }
    case 'compare':
      return compare(valueAt(column, expression.key), expression.op, expression.value);
  }
  return rejectFilterNode(expression);
}

function compare(value: SQL, op: string, expected: FilterValue): SQL {
  if (op === '==' || op === '!=') {
    return sql`(${value} ${sql.raw(op === '==' ? '=' : '<>')} ${JSON.stringify(expected)}::jsonb)`;
  }
  const known = Object.hasOwn(ORDER_OPERATORS, op) ? ORDER_OPERATORS[op] : undefined;
  if (known === undefined) return rejectFilterNode({ op });
  const operator = sql.raw(known);
  if (typeof expected === 'number') {
    return sql`(CASE WHEN jsonb_typeof(${value}) = 'number' THEN (${value})::numeric ${operator} ${String(expected)}::numeric ELSE false END)`;
  }
  if (typeof expected !== 'string') return sql`false`;
  return sql`(CASE WHEN jsonb_typeof(${value}) = 'string' THEN (${value} #>> '{}') COLLATE "C" ${operator} ${String(expected)}::text COLLATE "C" ELSE false END)`;
}

// `metadata -> 'meta' -> 'author'`, each step a text parameter; missing reads as jsonb null.
function valueAt(column: Column, key: string): SQL {
  const steps = key.split('.').map((part) => sql` -> ${part}::text`);
  return sql`COALESCE(${column}${sql.join(steps)}, 'null'::jsonb)`;
}
