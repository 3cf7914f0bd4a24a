// A minimal shape check for saved runs: the fields the reporters and the run comparison read, with
// their types, each mismatch recorded with its path (`run.results[3].score`) so a hand-edited or
// truncated file is easy to fix. Not a full schema: extra fields are allowed and kept.
import type { InvalidInputDetail } from '@repo/core';

// `?` marks an optional field; an array of strings is the set of allowed values.
type FieldKind =
  'string' | 'number' | 'boolean' | 'object' | 'array' | 'string?' | 'number?' | 'object?';
export type FieldSpec = Record<string, FieldKind | readonly string[]>;

const USAGE: FieldSpec = {
  promptTokens: 'number',
  completionTokens: 'number',
  totalTokens: 'number',
};
const JUDGE: FieldSpec = { provider: 'string', model: 'string', heuristic: 'boolean' };
const RUN: FieldSpec = {
  id: 'string',
  name: 'string',
  suitePath: 'string?',
  startedAt: 'string',
  finishedAt: 'string',
  status: ['completed', 'cancelled'],
  judge: 'object?',
  summary: 'object',
  results: 'array',
};
const SUMMARY: FieldSpec = {
  total: 'number',
  passed: 'number',
  failed: 'number',
  errors: 'number',
  cancelled: 'number',
  passRate: 'number',
  ci95: 'array',
  heuristic: 'boolean',
  durationMs: 'number',
  usage: 'object',
  cost: 'number',
  namedScores: 'object',
};
const CASE: FieldSpec = {
  id: 'string',
  testIndex: 'number',
  description: 'string',
  prompt: 'string',
  provider: 'string',
  status: ['passed', 'failed', 'error', 'cancelled'],
  pass: 'boolean',
  score: 'number',
  error: 'string?',
  vars: 'object',
  output: 'string',
  latencyMs: 'number',
  usage: 'object',
  cost: 'number',
  cached: 'boolean',
  attempts: 'number',
  assertions: 'array',
};
const ASSERTION: FieldSpec = {
  type: 'string',
  metric: 'string?',
  pass: 'boolean',
  score: 'number',
  threshold: 'number?',
  weight: 'number',
  method: ['model', 'heuristic', 'metric'],
  reason: 'string',
};

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return value === null ? 'null' : typeof value;
}

function fitsKind(value: unknown, kind: FieldKind | readonly string[]): boolean {
  if (typeof kind !== 'string') return typeof value === 'string' && kind.includes(value);
  if (kind.endsWith('?') && value === undefined) return true;
  return kindOf(value) === kind.replace('?', '');
}

function describeKind(kind: FieldKind | readonly string[]): string {
  if (typeof kind !== 'string') return `one of ${kind.map((value) => `"${value}"`).join(', ')}`;
  return `${kind.endsWith('?') ? 'absent or ' : ''}${/^[ao]/.test(kind) ? 'an' : 'a'} ${kind.replace('?', '')}`;
}

function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Checks `value` against `spec`, recording each mismatch with its path; returns it as a record. */
export function checkFields(
  value: unknown,
  path: string,
  spec: FieldSpec,
  problems: InvalidInputDetail[],
): Record<string, unknown> {
  if (kindOf(value) !== 'object') {
    problems.push({ field: path || '$', reason: `must be an object, got ${kindOf(value)}` });
    return {};
  }
  const record = value as Record<string, unknown>;
  for (const [key, kind] of Object.entries(spec)) {
    if (!fitsKind(record[key], kind)) {
      problems.push({
        field: joinPath(path, key),
        reason: `must be ${describeKind(kind)}, got ${kindOf(record[key])}`,
      });
    }
  }
  return record;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Records every mismatch between `value` and an `EvalRun`, with the field path, in `problems`. */
export function checkRunShape(value: unknown, problems: InvalidInputDetail[]): void {
  const run = checkFields(value, 'run', RUN, problems);
  if (run.judge !== undefined) checkFields(run.judge, 'run.judge', JUDGE, problems);
  const summary = checkFields(run.summary, 'run.summary', SUMMARY, problems);
  if (summary.usage !== undefined) checkFields(summary.usage, 'run.summary.usage', USAGE, problems);
  const ci95 = summary.ci95;
  if (
    Array.isArray(ci95) &&
    (ci95.length !== 2 || ci95.some((bound) => typeof bound !== 'number'))
  ) {
    problems.push({ field: 'run.summary.ci95', reason: 'must be two numbers [low, high]' });
  }
  asArray(run.results).forEach((item, index) => {
    const path = `run.results[${index}]`;
    const result = checkFields(item, path, CASE, problems);
    if (result.usage !== undefined) checkFields(result.usage, `${path}.usage`, USAGE, problems);
    asArray(result.assertions).forEach((assertion, position) =>
      checkFields(assertion, `${path}.assertions[${position}]`, ASSERTION, problems),
    );
  });
}
