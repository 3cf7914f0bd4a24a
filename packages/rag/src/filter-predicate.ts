// The filter language as a JavaScript predicate over metadata, for the in-memory store. It agrees
// with filter-sql.ts row for row (a test runs both over one data set):
// - `a.b` walks nested objects; a missing key counts as null, so `key == null` matches it;
// - equality is JSON equality: 2020 matches 2020 but not '2020';
// - `<`/`>` compare numbers numerically and strings by code point, other types never match;
// - `!=` and `nin` are exactly `!(==)` and `!(in)`, so a missing key is `!= 'x'`.
import { InvalidInputError } from '@repo/core';
import { parseFilter } from './filter-parser.js';
import type { FilterExpression, FilterValue } from './rag-types.js';

const COMPARE_OPS = new Set(['==', '!=', '>', '>=', '<', '<=']);

export type MetadataPredicate = (metadata: Record<string, unknown>) => boolean;

/** Parses a filter given as text; passes an AST through. */
export function resolveFilter(filter: string | FilterExpression): FilterExpression {
  return typeof filter === 'string' ? parseFilter(filter) : filter;
}

export function toFilterPredicate(expression: FilterExpression): MetadataPredicate {
  switch (expression.type) {
    case 'and': {
      const [left, right] = [
        toFilterPredicate(expression.left),
        toFilterPredicate(expression.right),
      ];
      return (metadata) => left(metadata) && right(metadata);
    }
    case 'or': {
      const [left, right] = [
        toFilterPredicate(expression.left),
        toFilterPredicate(expression.right),
      ];
      return (metadata) => left(metadata) || right(metadata);
    }
    case 'not': {
      const operand = toFilterPredicate(expression.operand);
      return (metadata) => !operand(metadata);
    }
    case 'in':
    case 'nin': {
      const { key, values, type } = expression;
      return (metadata) =>
        values.some((value) => lookUp(metadata, key) === value) === (type === 'in');
    }
    case 'compare': {
      const { key, op, value } = expression;
      if (!COMPARE_OPS.has(op)) rejectFilterNode(expression);
      return (metadata) => compare(lookUp(metadata, key), op, value);
    }
  }
  return rejectFilterNode(expression);
}

/** A hand-built (or JSON) AST node that is not part of the language. */
export function rejectFilterNode(node: unknown): never {
  const reason = `unknown filter node ${JSON.stringify(node)}`;
  throw new InvalidInputError(`Invalid filter: ${reason}`, [{ field: 'filter', reason }]);
}

function compare(actual: unknown, op: string, value: FilterValue): boolean {
  if (op === '==') return actual === value;
  if (op === '!=') return actual !== value;
  if (typeof actual !== typeof value || (typeof value !== 'number' && typeof value !== 'string')) {
    return false;
  }
  const order = orderOf(actual as string | number, value);
  if (op === '>') return order > 0;
  if (op === '>=') return order >= 0;
  if (op === '<') return order < 0;
  return order <= 0;
}

function orderOf(actual: string | number, value: string | number): number {
  if (typeof actual === 'number') return actual - (value as number);
  // Code point order, as PostgreSQL's COLLATE "C" on UTF-8 (JS `<` compares UTF-16 units).
  const [a, b] = [Array.from(actual), Array.from(value as string)];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = (a[i]?.codePointAt(0) ?? 0) - (b[i]?.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/** The value at a dotted key; missing (or inside a non-object) is null, as in jsonb. */
function lookUp(metadata: Record<string, unknown>, key: string): unknown {
  let current: unknown = metadata;
  for (const part of key.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return null;
    if (!Object.hasOwn(current, part)) return null;
    current = (current as Record<string, unknown>)[part];
  }
  return current === undefined ? null : current;
}
