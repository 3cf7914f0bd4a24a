// Runs a case's assertions and scores the case the way promptfoo does: the score is the weighted
// mean of the assertion scores; the case passes when every weighted assertion passes, or, when the
// test has a threshold, when the score reaches it. `not-` inverts pass and score.
import type { AssertionResult } from '../eval-run.js';
import type { SuiteAssertion } from '../suite/eval-suite.js';
import { suiteTemplate } from '../suite/suite-templates.js';
import type { AssertionCheck, AssertionContext } from './assertion-context.js';
import { GRADED_CHECKS } from './graded-assertions.js';
import { TEXT_CHECKS } from './text-assertions.js';

const CHECKS: Record<string, AssertionCheck> = { ...TEXT_CHECKS, ...GRADED_CHECKS };

export async function runAssertions(
  assertions: readonly SuiteAssertion[],
  context: AssertionContext,
): Promise<AssertionResult[]> {
  return Promise.all(assertions.map((assertion) => runAssertion(assertion, context)));
}

async function runAssertion(
  assertion: SuiteAssertion,
  context: AssertionContext,
): Promise<AssertionResult> {
  const check = CHECKS[assertion.type];
  if (!check) throw new Error(`No check for assertion type ${assertion.type}`); // the loader rejects unknown types
  const value = fillValue(assertion.value, context.vars);
  const result = await check({ ...assertion, value }, context);
  const type = assertion.negate ? `not-${assertion.type}` : assertion.type;
  return {
    type,
    pass: assertion.negate ? !result.pass : result.pass,
    score: assertion.negate ? 1 - result.score : result.score,
    reason: assertion.negate ? `not: ${result.reason}` : result.reason,
    method: result.method,
    weight: assertion.weight,
    ...(assertion.threshold === undefined ? {} : { threshold: assertion.threshold }),
    ...(assertion.metric === undefined ? {} : { metric: assertion.metric }),
  };
}

/** `{{var}}` in string values (and lists of strings) takes the test's vars. */
function fillValue(value: unknown, vars: Record<string, unknown>): unknown {
  if (typeof value === 'string')
    return value.includes('{{') ? suiteTemplate(value).render(vars) : value;
  if (Array.isArray(value)) return value.map((item) => fillValue(item, vars));
  return value;
}

export function scoreCase(
  results: readonly AssertionResult[],
  threshold?: number,
): { score: number; pass: boolean } {
  const weighted = results.filter((result) => result.weight > 0);
  const totalWeight = weighted.reduce((sum, result) => sum + result.weight, 0);
  const score =
    totalWeight === 0
      ? 1
      : weighted.reduce((sum, result) => sum + result.score * result.weight, 0) / totalWeight;
  const pass =
    threshold === undefined ? weighted.every((result) => result.pass) : score >= threshold;
  return { score, pass };
}
