// Regular expressions from suites, on RE2 (re2js, a linear-time engine): `regex` assertions and the
// `pattern` keywords of JSON schemas. Matching costs time proportional to the output, so `(a+)+b` against a long run of a's takes microseconds, where JavaScript's
// backtracking RegExp took 15 s for 27 a's and doubled with each one more. JavaScript syntax is
// translated (named groups, `\u` escapes); lookbehind runs on re2js's linear-time lookbehinds.
// Lookahead and backreferences cannot run in linear time: such a pattern is refused when the
// suite loads, with the reason, rather than run on a backtracking engine under a time limit (which
// would still burn a worker for the whole limit on every case of a 1,000-case suite).
import { InvalidInputError } from '@repo/core';
import { RE2JS } from 're2js';

export interface RegexMatcher {
  /** The first match, or null. */
  exec(input: string): string | null;
  test(input: string): boolean;
}

/** Compiled patterns a worker keeps: a suite checks one pattern against every case's output. */
const cache = new Map<string, RegexMatcher>();
const CACHE_SIZE = 200;

/** Compiles a suite's pattern on RE2; throws RegexPatternError with why it cannot. */
export function compileRegex(pattern: string): RegexMatcher {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const backreference = findNamedBackreference(pattern);
  if (backreference)
    throw new RegexPatternError(
      `backreferences (${backreference}) are not supported: regex assertions use RE2, which matches in linear time`,
    );
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(RE2JS.translateRegExp(pattern), RE2JS.LOOKBEHINDS);
  } catch (error) {
    throw new RegexPatternError(explain(error instanceof Error ? error.message : String(error)));
  }
  const matcher: RegexMatcher = {
    exec: (input) => (compiled.exec(input)?.[0] as string | undefined) ?? null,
    test: (input) => compiled.test(input),
  };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(pattern, matcher);
  return matcher;
}

/** Why a pattern cannot be a `regex` assertion, or undefined when it can. */
export function describeRegexProblem(pattern: string): string | undefined {
  try {
    compileRegex(pattern);
    return undefined;
  } catch (error) {
    return error instanceof RegexPatternError ? error.message : String(error);
  }
}

/** A suite's pattern RE2 cannot compile: bad input (the suite loader names its place). */
export class RegexPatternError extends InvalidInputError {
  constructor(reason: string) {
    super(`invalid regular expression: ${reason}`, [], { code: 'invalid_regex' });
  }
}

// RE2's own messages name the construct (`invalid or unsupported Perl syntax: \`(?=\``); say why.
function explain(message: string): string {
  const reason = message.replace(/^error parsing regexp: /, '');
  if (/unsupported Perl syntax: `\(\?<?[=!]/.test(message))
    return `${reason} (lookahead is not supported: regex assertions use RE2, which matches in linear time)`;
  if (/invalid escape sequence: `\\[1-9]/.test(message))
    return `${reason} (backreferences are not supported: regex assertions use RE2, which matches in linear time)`;
  return reason;
}

/**
 * `\k<name>`, JavaScript's named backreference. re2js's translation would turn it into the letters
 * `k<name>` and silently match something else, so it is found here first (escaped backslashes
 * skipped: `\\k<x>` is a backslash, then text).
 */
function findNamedBackreference(pattern: string): string | undefined {
  for (let index = 0; index < pattern.length; index++) {
    if (pattern[index] !== '\\') continue;
    if (pattern[index + 1] === 'k' && pattern[index + 2] === '<') {
      const end = pattern.indexOf('>', index);
      return pattern.slice(index, end < 0 ? index + 3 : end + 1);
    }
    index++;
  }
  return undefined;
}
