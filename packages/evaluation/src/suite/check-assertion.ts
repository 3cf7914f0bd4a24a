// What one assertion's `value` and `config` must be for its type, checked when the suite loads so
// a mistake is a file:line problem instead of an error in every case of a run. This includes the
// limits the grading would hit anyway: a regex RE2 cannot run in linear time, a levenshtein value
// longer than the metric accepts, an n-gram order beyond METRIC_LIMITS.
import type { AssertionTypeInfo } from '../assertions/assertion-types.js';
import { describeRegexProblem } from '../linear-regex.js';
import { METRIC_LIMITS } from '../metrics/metrics-errors.js';

/** Why `value` does not fit the assertion type, or undefined. */
export function checkValue(
  info: AssertionTypeInfo,
  value: unknown,
  type: string,
): string | undefined {
  const isStrings =
    Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');
  switch (info.value) {
    case 'none':
      return value === undefined ? undefined : `"${type}" takes no value`;
    case 'any':
      return value === undefined ? `"${type}" needs a value` : undefined;
    case 'optional-schema':
      return value === undefined ||
        (typeof value === 'object' && value !== null && !Array.isArray(value))
        ? undefined
        : `"${type}" takes an optional JSON schema object`;
    case 'string':
      if (typeof value !== 'string' || value === '') return `"${type}" needs a string value`;
      return checkStringValue(type, value);
    case 'strings':
      return isStrings ? undefined : `"${type}" needs a list of strings`;
    case 'string-or-strings':
      return (typeof value === 'string' && value !== '') || isStrings
        ? undefined
        : `"${type}" needs a string or a list of strings`;
  }
}

/** Problems of `config` keys the type reads, as [key, reason]. */
export function checkConfig(
  type: string,
  config: Record<string, unknown>,
): Array<[string, string]> {
  const key = type === 'rouge-n' ? 'n' : type === 'bleu' ? 'maxN' : undefined;
  if (key === undefined || config[key] === undefined) return [];
  const order = config[key];
  const max = METRIC_LIMITS.maxNgramOrder;
  return typeof order === 'number' && Number.isInteger(order) && order >= 1 && order <= max
    ? []
    : [[key, `must be a whole number from 1 to ${max}`]];
}

function checkStringValue(type: string, value: string): string | undefined {
  if (type === 'regex') return describeRegexProblem(value);
  const limit = METRIC_LIMITS.maxEditDistanceLength;
  // A value with {{vars}} is filled per case, and its length checked when it is graded.
  if (type === 'levenshtein' && !value.includes('{{') && [...value].length > limit)
    return `has ${[...value].length} characters; levenshtein accepts at most ${limit}`;
  return undefined;
}
