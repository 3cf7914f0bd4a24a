// Deterministic checks on the output text: promptfoo's equals / contains family / starts-with /
// regex / JSON. They take plain data and return plain data, because they run in a worker thread
// (output-checks.ts): even `contains` is not linear in the worst case (V8's substring search took
// 0.7 s for a 5,000-character value in 1 MB of output).
import { extractJson } from '@repo/prompting';
import { validateJsonSchema } from '../metrics/json-checks.js';
import { outcome, type OutputCheck } from './assertion-context.js';
import { compileRegex } from '../linear-regex.js';

export const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : [String(value)];
const quote = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 79)}…` : text);

function containsCheck(mode: 'any' | 'all', ignoreCase: boolean): OutputCheck {
  return ({ value }, output) => {
    const fold = (text: string) => (ignoreCase ? text.toLowerCase() : text);
    const found = strings(value).filter((item) => fold(output).includes(fold(item)));
    const total = strings(value).length;
    const pass = mode === 'any' ? found.length > 0 : found.length === total;
    return outcome(
      pass,
      `${found.length} of ${total} found${found.length ? `: ${found.map(quote).join(', ')}` : ''}`,
      total ? found.length / total : 0,
    );
  };
}

function jsonCheck(
  find: (output: string) => { ok: true; value: unknown } | { ok: false; reason: string },
): OutputCheck {
  return ({ value: schema }, output) => {
    const found = find(output);
    if (!found.ok) return outcome(false, found.reason);
    if (schema === undefined) return outcome(true, 'valid JSON');
    const { valid, errors } = validateJsonSchema(found.value, schema as Record<string, unknown>);
    return outcome(
      valid,
      valid
        ? 'valid JSON, matches the schema'
        : `JSON does not match the schema: ${errors.join('; ')}`,
    );
  };
}

export const TEXT_CHECKS: Record<string, OutputCheck> = {
  equals: ({ value }, output) => {
    if (typeof value === 'string')
      return outcome(output === value, output === value ? 'equal' : `expected ${quote(value)}`);
    try {
      const pass = JSON.stringify(JSON.parse(output)) === JSON.stringify(value);
      return outcome(pass, pass ? 'JSON-equal' : `expected JSON ${JSON.stringify(value)}`);
    } catch {
      return outcome(false, 'output is not JSON');
    }
  },
  contains: containsCheck('all', false),
  icontains: containsCheck('all', true),
  'contains-any': containsCheck('any', false),
  'contains-all': containsCheck('all', false),
  'icontains-any': containsCheck('any', true),
  'icontains-all': containsCheck('all', true),
  'starts-with': ({ value }, output) =>
    outcome(
      output.startsWith(String(value)),
      output.startsWith(String(value))
        ? 'starts with it'
        : `does not start with ${quote(String(value))}`,
    ),
  regex: ({ value }, output) => {
    const match = compileRegex(String(value)).exec(output);
    return outcome(
      match !== null,
      match !== null ? `matched ${quote(match)}` : `no match for /${String(value)}/`,
    );
  },
  'is-json': jsonCheck((output) => {
    try {
      return { ok: true, value: JSON.parse(output) };
    } catch (error) {
      return { ok: false, reason: `not JSON: ${(error as Error).message}` };
    }
  }),
  'contains-json': jsonCheck((output) => {
    const found = extractJson(output);
    return found.success
      ? { ok: true, value: found.value }
      : { ok: false, reason: `no JSON found: ${found.message}` };
  }),
};
