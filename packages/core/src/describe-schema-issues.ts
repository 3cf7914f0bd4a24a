// The one wording for schema failures: every zod issue, wherever it is caught (a request body, a
// tool's arguments, a structured answer, an eval suite), becomes `{field, reason}`, with the field
// as a path (`messages[0].role`) and the reason in plain words ("is required", "must be an
// integer, not the number 2.5", "must be one of: C, F") instead of zod's "Invalid input: expected
// int, received number". Core does not depend on zod: `SchemaIssue` is the shape of its issues.
import type { InvalidInputDetail } from './ai-errors.js';

/** What a zod 4 issue carries (structurally: `z.core.$ZodIssue` fits). */
export interface SchemaIssue {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  /** The value at fault, when the parse ran with `reportInput: true`. */
  readonly input?: unknown;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
  readonly exact?: boolean;
  readonly format?: string;
  readonly pattern?: string;
  readonly divisor?: number | bigint;
  /** A union's options, each with its own issues. */
  readonly errors?: ReadonlyArray<readonly SchemaIssue[]>;
}

export interface DescribeSchemaIssuesOptions {
  /** The value that was parsed: tells "is required" from "must be a string" without `reportInput`. */
  input?: unknown;
  /** The field named for the value itself (an empty path): `body`, `(arguments)`. Default `(root)`. */
  root?: string;
}

/** One field at fault: where (`path`) and why, in plain words. */
export interface SchemaIssueReason {
  path: PropertyKey[];
  reason: string;
}

/** `['messages', 0, 'role']` → `messages[0].role`; an empty path is `root`. */
export function formatIssuePath(path: readonly PropertyKey[], root = '(root)'): string {
  const field = path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
  return field || root;
}

/** Issues → `{field, reason}` details, as `InvalidInputError` carries them. */
export function describeSchemaIssues(
  issues: readonly SchemaIssue[],
  options: DescribeSchemaIssuesOptions = {},
): InvalidInputDetail[] {
  return issues.flatMap((issue) =>
    describeSchemaIssue(issue, options).map(({ path, reason }) => ({
      field: formatIssuePath(path, options.root),
      reason,
    })),
  );
}

/** One issue → one reason per field (an unknown-keys issue names each key). */
export function describeSchemaIssue(
  issue: SchemaIssue,
  options: Pick<DescribeSchemaIssuesOptions, 'input'> = {},
): SchemaIssueReason[] {
  const path = [...issue.path];
  if (issue.code === 'unrecognized_keys' && issue.keys)
    return issue.keys.map((key) => ({ path: [...path, key], reason: 'is not an accepted field' }));
  return [{ path, reason: describeReason(issue, valueAt(issue, options)) }];
}

// zod's own English messages start like this; anything else was written by the schema's author
// (`.regex(re, 'must be letters or digits')`, `.refine(…)`) for people already, and is kept.
const ZOD_DEFAULT_MESSAGE = /^(Invalid |Too (big|small):|Unrecognized key)/;

type Found = { known: false } | { known: true; value: unknown };

function describeReason(issue: SchemaIssue, found: Found): string {
  if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  const missing = found.known && found.value === undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (missing) return 'is required';
      return mustBe([issue.expected ?? 'valid'], found);
    case 'invalid_union': {
      if (missing) return 'is required';
      // A union of plain types (`string | number`) names them; other unions keep zod's words.
      const types = (issue.errors ?? []).map((option) => {
        const only = option.length === 1 ? option[0] : undefined;
        return only?.code === 'invalid_type' && only.path.length === 0 ? only.expected : undefined;
      });
      if (types.length === 0 || types.includes(undefined)) return issue.message;
      return mustBe(types as string[], found);
    }
    case 'invalid_value': {
      const values = (issue.values ?? []).map(showValue);
      return values.length === 1 ? `must be ${values[0]}` : `must be one of: ${values.join(', ')}`;
    }
    case 'too_small':
    case 'too_big':
      return describeSize(issue);
    case 'invalid_format':
      return issue.format === 'regex' && issue.pattern
        ? `must match the pattern ${issue.pattern}`
        : `must be a valid ${issue.format ?? 'value'}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

const UNITS: Record<string, [string, string]> = {
  string: ['character', 'characters'],
  array: ['item', 'items'],
  set: ['item', 'items'],
};

function describeSize(issue: SchemaIssue): string {
  const big = issue.code === 'too_big';
  const limit = big ? issue.maximum : issue.minimum;
  const unit = UNITS[issue.origin ?? ''];
  const exclusive = issue.inclusive === false;
  if (limit === undefined) return issue.message;
  if (unit) {
    const count = (n: number | bigint) => `${n} ${Number(n) === 1 ? unit[0] : unit[1]}`;
    if (issue.exact) return `must have exactly ${count(limit)}`;
    if (!big && Number(limit) === 1 && !exclusive) return 'must not be empty';
    const word = big
      ? exclusive
        ? 'fewer than'
        : 'at most'
      : exclusive
        ? 'more than'
        : 'at least';
    return `must have ${word} ${count(limit)}`;
  }
  if (!['number', 'int', 'bigint'].includes(issue.origin ?? '')) return issue.message;
  const word = big
    ? exclusive
      ? 'less than'
      : 'at most'
    : exclusive
      ? 'greater than'
      : 'at least';
  return `must be ${word} ${limit}`;
}

/** `must be an integer, not the number 2.5`; `must be a string or a number`. */
function mustBe(types: readonly string[], found: Found): string {
  const names = types.map(withArticle);
  const last = names.pop() ?? 'valid';
  const expected = `must be ${names.length > 0 ? `${names.join(', ')} or ${last}` : last}`;
  return found.known ? `${expected}, not ${describeValue(found.value)}` : expected;
}

const NAMES: Record<string, string> = {
  int: 'an integer',
  record: 'an object',
  tuple: 'an array',
  undefined: 'absent',
  null: 'null',
  nan: 'NaN',
};

function withArticle(type: string): string {
  return NAMES[type] ?? `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isInteger(value)) return `the number ${value}`;
  if (typeof value === 'string') {
    const text = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the string ${JSON.stringify(text)}`;
  }
  return withArticle(typeof value);
}

function showValue(value: unknown): string {
  if (value === '') return '""';
  return typeof value === 'symbol' ? value.toString() : String(value);
}

/** The value at the issue's path: zod's `input` when reported, else looked up in what was parsed. */
function valueAt(issue: SchemaIssue, options: { input?: unknown }): Found {
  if ('input' in issue) return { known: true, value: issue.input };
  if (!('input' in options)) return { known: false };
  let node = options.input;
  for (const key of issue.path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key))
      return { known: true, value: undefined };
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return { known: true, value: node };
}
