// Limits a suite is checked against before the work it would cost: the cases it would run, the
// nesting of its data, the expansion of its YAML aliases. Outside testing found a 12,000-test
// suite stalling a server for seconds, and a "billion laughs" YAML (nine anchors, each nine
// aliases of the previous) answered 500 where it should be refused. The checks are cheap: one
// pass over the parsed data, counting; nothing is validated before they pass.
import type { Document } from 'yaml';
import { SuiteTooLargeError, type SuiteLimitName } from './suite-errors.js';

export interface SuiteLimits {
  /** Tests × prompts × providers: the cases one run makes (default 100,000). */
  maxCases: number;
  /** `yaml`'s maxAliasCount: how far aliases (`*name`) may expand a document (default 100). */
  maxAliasCount: number;
  /** Nesting of objects and lists anywhere in the suite (default 64). */
  maxDepth: number;
}

export const DEFAULT_SUITE_LIMITS: SuiteLimits = {
  maxCases: 100_000,
  maxAliasCount: 100,
  maxDepth: 64,
};

/** The limits with their defaults, and how each is named in messages. */
export interface ResolvedSuiteLimits extends SuiteLimits {
  nameOf(limit: SuiteLimitName): string;
}

/**
 * `names` say how a message names each limit: an app passes the setting that raises it
 * (`{maxCases: 'EVAL_MAX_CASES'}`); by default, the option's own name.
 */
export function resolveSuiteLimits(
  limits: Partial<SuiteLimits> = {},
  names: Partial<Record<SuiteLimitName, string>> = {},
): ResolvedSuiteLimits {
  return { ...DEFAULT_SUITE_LIMITS, ...limits, nameOf: (limit) => names[limit] ?? limit };
}

/** The document as plain data, refusing aliases that expand beyond the limit. */
export function toPlainData(doc: Document, limits: ResolvedSuiteLimits, file?: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    // yaml's ReferenceError: "Excessive alias count indicates a resource exhaustion attack".
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
    throw tooLarge(
      'maxAliasCount',
      limits.maxAliasCount,
      `its aliases (*name) expand beyond the limit of ${limits.maxAliasCount} (${limits.nameOf('maxAliasCount')}): refused as an entity-expansion ("billion laughs") document`,
      file,
    );
  }
}

/** Refuses a suite nested too deeply or making too many cases, before zod looks at it. */
export function checkSuiteSize(input: unknown, limits: ResolvedSuiteLimits, file?: string): void {
  const depth = findDepthBeyond(input, limits.maxDepth);
  if (depth !== undefined)
    throw tooLarge(
      'maxDepth',
      limits.maxDepth,
      `is nested deeper than the limit of ${limits.maxDepth} levels (${limits.nameOf('maxDepth')})`,
      file,
    );
  if (typeof input !== 'object' || input === null) return;
  const { tests, prompts, providers } = input as Record<string, unknown>;
  const count = (list: unknown) => (Array.isArray(list) ? Math.max(list.length, 1) : 1);
  const cases = count(tests) * count(prompts) * count(providers);
  if (Array.isArray(tests) && cases > limits.maxCases)
    throw tooLarge(
      'maxCases',
      limits.maxCases,
      `makes ${cases} cases (${tests.length} tests × ${count(prompts)} prompts × ${count(providers)} providers); the limit is ${limits.maxCases} (${limits.nameOf('maxCases')})`,
      file,
      'tests',
    );
}

function tooLarge(
  limit: SuiteLimitName,
  max: number,
  reason: string,
  file: string | undefined,
  field = '',
): SuiteTooLargeError {
  return new SuiteTooLargeError(limit, max, { field, reason }, file);
}

/** The first depth beyond `max`, walking iteratively (a recursive walk would overflow first). */
function findDepthBeyond(input: unknown, max: number): number | undefined {
  const stack: Array<[unknown, number]> = [[input, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth + 1 > max) return depth + 1;
    for (const child of Array.isArray(value) ? value : Object.values(value))
      stack.push([child, depth + 1]);
  }
  return undefined;
}
