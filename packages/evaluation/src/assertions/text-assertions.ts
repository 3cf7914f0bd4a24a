// Deterministic checks on the output text: promptfoo's equals / contains family / regex / JSON, and
// the reference metrics (SQuAD EM and F1, ROUGE, BLEU, Levenshtein) and the latency and cost limits.
import { extractJson } from '@repo/prompting';
import { exactMatch, tokenF1 } from '../metrics/exact-match.js';
import { bleu } from '../metrics/bleu.js';
import { validateJsonSchema } from '../metrics/json-checks.js';
import { rougeL, rougeN } from '../metrics/rouge.js';
import { levenshtein } from '../metrics/similarity.js';
import { atLeast, outcome, round, type AssertionCheck } from './assertion-context.js';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : [String(value)];
const quote = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 79)}…` : text);

function containsCheck(mode: 'any' | 'all', ignoreCase: boolean): AssertionCheck {
  return ({ value }, { output }) => {
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
): AssertionCheck {
  return ({ value: schema }, { output }) => {
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

export const TEXT_CHECKS: Record<string, AssertionCheck> = {
  equals: ({ value }, { output }) => {
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
  'starts-with': ({ value }, { output }) =>
    outcome(
      output.startsWith(String(value)),
      output.startsWith(String(value))
        ? 'starts with it'
        : `does not start with ${quote(String(value))}`,
    ),
  regex: ({ value }, { output }) => {
    const match = new RegExp(String(value)).exec(output);
    return outcome(
      match !== null,
      match ? `matched ${quote(match[0])}` : `no match for /${String(value)}/`,
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
  'exact-match': ({ value }, { output }) => {
    const score = exactMatch(output, strings(value));
    return outcome(
      score === 1,
      score === 1 ? 'exact match (SQuAD normalised)' : 'no exact match (SQuAD normalised)',
    );
  },
  f1: ({ value, threshold }, { output }) =>
    atLeast('token F1', tokenF1(output, strings(value)), threshold ?? 0.5),
  'rouge-n': ({ value, threshold, config }, { output }) => {
    const n = typeof config.n === 'number' ? config.n : 1;
    return atLeast(`ROUGE-${n} F`, rougeN(output, String(value), n).f, threshold ?? 0.75);
  },
  'rouge-l': ({ value, threshold }, { output }) =>
    atLeast('ROUGE-L F', rougeL(output, String(value)).f, threshold ?? 0.5),
  bleu: ({ value, threshold, config }, { output }) =>
    atLeast(
      'BLEU',
      bleu(output, strings(value), typeof config.maxN === 'number' ? { maxN: config.maxN } : {}),
      threshold ?? 0.5,
    ),
  levenshtein: ({ value, threshold }, { output }) => {
    const distance = levenshtein(output, String(value));
    const max = threshold ?? 5;
    const length = Math.max([...output].length, [...String(value)].length, 1);
    return {
      pass: distance <= max,
      score: round(1 - distance / length),
      method: 'metric',
      reason: `edit distance ${distance} ${distance <= max ? '≤' : '>'} ${max}`,
    };
  },
  latency: ({ threshold }, { latencyMs }) =>
    outcome(
      latencyMs <= (threshold ?? 0),
      `latency ${Math.round(latencyMs)} ms ${latencyMs <= (threshold ?? 0) ? '≤' : '>'} ${threshold} ms`,
    ),
  cost: ({ threshold }, { cost }) =>
    outcome(
      cost <= (threshold ?? 0),
      `cost $${cost.toFixed(6)} ${cost <= (threshold ?? 0) ? '≤' : '>'} $${threshold}`,
    ),
};
