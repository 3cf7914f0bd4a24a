// Turns zod issues into `{field, reason}` pairs in plain words. The reader is a model that must fix
// its own arguments, so "unit must be one of "C", "F"" beats zod's "Invalid option: expected one
// of "C"|"F"", and a missing field says "is required" instead of "received undefined".
import type { InvalidInputDetail } from '@repo/core';
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

export function describeZodIssues(issues: readonly Issue[], input: unknown): InvalidInputDetail[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({
        field: formatPath([...issue.path, key]),
        reason: 'is not a known field',
      }));
    return [{ field: formatPath(issue.path), reason: describeIssue(issue, input) }];
  });
}

/** `a.b[1]`; the arguments object itself is `(arguments)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(arguments)';
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      return index === 0 ? String(key) : `.${String(key)}`;
    })
    .join('');
}

function describeIssue(issue: Issue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(input, issue.path);
      if (value.missing) return 'is required';
      return `must be ${article(issue.expected)}, not ${describeValue(value.value)}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `must ${bound(issue.origin, 'at least', 'more than', issue.minimum, issue.inclusive)}`;
    case 'too_big':
      return `must ${bound(issue.origin, 'at most', 'less than', issue.maximum, issue.inclusive)}`;
    case 'invalid_format':
      return issue.format === 'regex'
        ? `must match the pattern ${issue.pattern ?? ''}`.trim()
        : `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

function bound(
  origin: string,
  inclusiveWord: string,
  exclusiveWord: string,
  limit: number | bigint,
  inclusive: boolean | undefined,
): string {
  const word = inclusive === false ? exclusiveWord : inclusiveWord;
  if (origin === 'string') return `have ${word} ${limit} character(s)`;
  if (origin === 'array' || origin === 'set') return `have ${word} ${limit} item(s)`;
  return `be ${word} ${limit}`;
}

const ARTICLES: Record<string, string> = {
  int: 'an integer',
  object: 'an object',
  array: 'an array',
  undefined: 'absent',
};

function article(type: string): string {
  return ARTICLES[type] ?? `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isInteger(value)) return `the number ${value}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(truncate(value))}`;
  return article(typeof value);
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function valueAt(
  input: unknown,
  path: readonly PropertyKey[],
): { missing: true } | { missing: false; value: unknown } {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key))
      return { missing: true };
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node === undefined ? { missing: true } : { missing: false, value: node };
}
