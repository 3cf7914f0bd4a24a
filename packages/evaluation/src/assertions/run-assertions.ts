// Runs a case's assertions and scores the case the way promptfoo does: the score is the weighted
// mean of the assertion scores; the case passes when every weighted assertion passes, or, when the
// test has a threshold, when the score reaches it. `not-` inverts pass and score.
// Where each runs: checks on the output text go to the worker threads (their cost grows with the
// output and the value, and a pathological one must not stall the server); judges and embeddings
// stay here, as they wait on a model; latency and cost compare two numbers.
import type { AssertionResult } from '../eval-run.js';
import type { SuiteAssertion } from '../suite/eval-suite.js';
import { suiteTemplate } from '../suite/suite-templates.js';
import {
  outcome,
  type AssertionCheck,
  type AssertionContext,
  type AssertionOutcome,
} from './assertion-context.js';
import { GRADED_CHECKS } from './graded-assertions.js';

const MEASURED_CHECKS: Record<string, AssertionCheck> = {
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

const CONTEXT_CHECKS: Record<string, AssertionCheck> = { ...MEASURED_CHECKS, ...GRADED_CHECKS };

export async function runAssertions(
  assertions: readonly SuiteAssertion[],
  context: AssertionContext,
): Promise<AssertionResult[]> {
  const filled = assertions.map((assertion) => ({
    ...assertion,
    value: fillValue(assertion.value, context.vars),
  }));
  const onOutput = filled.filter((assertion) => !CONTEXT_CHECKS[assertion.type]);
  const checks = onOutput.map(({ type, value, threshold, config }) => ({
    type,
    value,
    threshold,
    config,
  }));
  const graded =
    checks.length === 0
      ? Promise.resolve([])
      : context.workers.grade({ output: context.output, checks }, context.signal);
  const outcomes = await Promise.all(
    filled.map(async (assertion) => {
      const check = CONTEXT_CHECKS[assertion.type];
      return check ? check(assertion, context) : (await graded)[onOutput.indexOf(assertion)]!;
    }),
  );
  return filled.map((assertion, index) => toResult(assertion, outcomes[index]!));
}

function toResult(assertion: SuiteAssertion, result: AssertionOutcome): AssertionResult {
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
