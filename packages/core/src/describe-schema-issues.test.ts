import { describe, expect, it } from 'vitest';
import { describeSchemaIssue, describeSchemaIssues, formatIssuePath } from './index.js';

// zod 4's issues for `{name:'a', age:2.5, unit:'K', tags:['a','b','c'], v:{}, …}` (copied from a
// real safeParse: core does not depend on zod, the packages that do test against it too).
const input = {
  name: 'a',
  age: 2.5,
  unit: 'K',
  tags: ['a', 'b', 'c'],
  v: {},
  code: 'A1',
  lit: false,
  n: 7,
  mail: 'x',
  len: 'ab',
  extra: 1,
  more: 2,
};
// prettier-ignore
const issues = [
  { origin: 'string', code: 'too_small', minimum: 2, inclusive: true, path: ['name'], message: 'Too small: expected string to have >=2 characters' },
  { expected: 'int', code: 'invalid_type', path: ['age'], message: 'Invalid input: expected int, received number' },
  { code: 'invalid_value', values: ['C', 'F'], path: ['unit'], message: 'Invalid option: expected one of "C"|"F"' },
  { origin: 'array', code: 'too_big', maximum: 2, inclusive: true, path: ['tags'], message: 'Too big: expected array to have <=2 items' },
  {
    code: 'invalid_union',
    errors: [
      [{ expected: 'string', code: 'invalid_type', path: [], message: 'Invalid input: expected string, received object' }],
      [{ expected: 'number', code: 'invalid_type', path: [], message: 'Invalid input: expected number, received object' }],
    ],
    path: ['v'],
    message: 'Invalid input',
  },
  { origin: 'string', code: 'invalid_format', format: 'regex', pattern: '/^[a-z]+$/', path: ['code'], message: 'Invalid string: must match pattern /^[a-z]+$/' },
  { code: 'invalid_value', values: [true], path: ['lit'], message: 'Invalid input: expected true' },
  { origin: 'number', code: 'not_multiple_of', divisor: 5, path: ['n'], message: 'Invalid number: must be a multiple of 5' },
  { origin: 'string', code: 'invalid_format', format: 'email', path: ['mail'], message: 'Invalid email address' },
  { origin: 'string', code: 'too_small', minimum: 3, inclusive: true, exact: true, path: ['len'], message: 'Too small: expected string to have exactly 3 characters' },
  { code: 'unrecognized_keys', keys: ['extra', 'more'], path: [], message: 'Unrecognized keys: "extra", "more"' },
];

describe('describeSchemaIssues', () => {
  it('words every issue the one way, looking the value up in the input', () => {
    expect(describeSchemaIssues(issues, { input })).toEqual([
      { field: 'name', reason: 'must have at least 2 characters' },
      { field: 'age', reason: 'must be an integer, not the number 2.5' },
      { field: 'unit', reason: 'must be one of: C, F' },
      { field: 'tags', reason: 'must have at most 2 items' },
      { field: 'v', reason: 'must be a string or a number, not an object' },
      { field: 'code', reason: 'must match the pattern /^[a-z]+$/' },
      { field: 'lit', reason: 'must be true' },
      { field: 'n', reason: 'must be a multiple of 5' },
      { field: 'mail', reason: 'must be a valid email' },
      { field: 'len', reason: 'must have exactly 3 characters' },
      { field: 'extra', reason: 'is not an accepted field' },
      { field: 'more', reason: 'is not an accepted field' },
    ]);
  });

  it('says "is required" for a missing value, from the input or from zod’s reported input', () => {
    const missing = {
      code: 'invalid_type',
      expected: 'string',
      path: ['items', 0, 'title'],
      message: 'Invalid input: expected string, received undefined',
    };
    expect(describeSchemaIssues([missing], { input: { items: [{}] } })).toEqual([
      { field: 'items[0].title', reason: 'is required' },
    ]);
    expect(describeSchemaIssues([{ ...missing, input: undefined }])).toEqual([
      { field: 'items[0].title', reason: 'is required' },
    ]);
    expect(describeSchemaIssues([{ ...missing, input: 42 }])).toEqual([
      { field: 'items[0].title', reason: 'must be a string, not a number' },
    ]);
    // Neither the input nor zod's: the expectation alone.
    expect(describeSchemaIssues([missing])).toEqual([
      { field: 'items[0].title', reason: 'must be a string' },
    ]);
  });

  it('keeps a message the schema’s author wrote, and names the root as asked', () => {
    const custom = {
      code: 'invalid_format',
      format: 'regex',
      path: [],
      message: 'must be letters',
    };
    expect(describeSchemaIssues([custom], { root: 'body' })).toEqual([
      { field: 'body', reason: 'must be letters' },
    ]);
    expect(describeSchemaIssues([custom])).toEqual([
      { field: '(root)', reason: 'must be letters' },
    ]);
  });

  it('words sizes: empty, exclusive bounds, numbers', () => {
    const size = (issue: Record<string, unknown>) =>
      describeSchemaIssue({ path: [], message: 'Too small: x', ...issue })[0]?.reason;
    expect(size({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true })).toBe(
      'must not be empty',
    );
    expect(size({ code: 'too_big', origin: 'array', maximum: 1, inclusive: true })).toBe(
      'must have at most 1 item',
    );
    expect(size({ code: 'too_small', origin: 'number', minimum: 0, inclusive: false })).toBe(
      'must be greater than 0',
    );
    expect(size({ code: 'too_big', origin: 'int', maximum: 10, inclusive: true })).toBe(
      'must be at most 10',
    );
    expect(size({ code: 'too_big', origin: 'date', maximum: 1, message: 'Too big: date' })).toBe(
      'Too big: date',
    );
  });
});

describe('formatIssuePath', () => {
  it('writes dotted and bracketed paths, the root when empty', () => {
    expect(formatIssuePath(['messages', 0, 'role'])).toBe('messages[0].role');
    expect(formatIssuePath([0, 'a'])).toBe('[0].a');
    expect(formatIssuePath([], 'body')).toBe('body');
    expect(formatIssuePath([])).toBe('(root)');
  });
});
