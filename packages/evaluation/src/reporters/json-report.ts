// The JSON report: a saved run (promptfoo's `--output results.json`) that a later run is compared
// with. Keys are written in one fixed order, whatever order the run object was built in, so two
// saves of the same run are byte-identical and diffs between runs stay readable.
import { InvalidInputError, type InvalidInputDetail, type Usage } from '@repo/core';
import type { AssertionResult, CaseResult, EvalRun, RunSummary } from '../eval-run.js';
import { checkFields, checkRunShape } from './check-run-shape.js';

export const JSON_REPORT_VERSION = 1;
const MAX_PROBLEMS = 20;

function orderUsage(usage: Usage): Usage {
  return {
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
    totalTokens: usage.totalTokens,
    reasoningTokens: usage.reasoningTokens,
    cachedTokens: usage.cachedTokens,
  };
}

function orderAssertion(assertion: AssertionResult): AssertionResult {
  return {
    type: assertion.type,
    metric: assertion.metric,
    pass: assertion.pass,
    score: assertion.score,
    threshold: assertion.threshold,
    weight: assertion.weight,
    method: assertion.method,
    reason: assertion.reason,
  };
}

function orderCase(result: CaseResult): CaseResult {
  return {
    id: result.id,
    testIndex: result.testIndex,
    description: result.description,
    prompt: result.prompt,
    provider: result.provider,
    status: result.status,
    pass: result.pass,
    score: result.score,
    error: result.error,
    vars: result.vars,
    output: result.output,
    latencyMs: result.latencyMs,
    usage: orderUsage(result.usage),
    cost: result.cost,
    cached: result.cached,
    attempts: result.attempts,
    assertions: result.assertions.map(orderAssertion),
  };
}

function orderSummary(summary: RunSummary): RunSummary {
  return {
    total: summary.total,
    passed: summary.passed,
    failed: summary.failed,
    errors: summary.errors,
    cancelled: summary.cancelled,
    passRate: summary.passRate,
    ci95: summary.ci95,
    heuristic: summary.heuristic,
    durationMs: summary.durationMs,
    usage: orderUsage(summary.usage),
    cost: summary.cost,
    namedScores: summary.namedScores,
  };
}

/** The run as pretty JSON `{version, timestamp, run}`; the summary comes before the cases. */
export function toJsonReport(run: EvalRun): string {
  const ordered: EvalRun = {
    id: run.id,
    name: run.name,
    suitePath: run.suitePath,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    status: run.status,
    judge: run.judge && {
      provider: run.judge.provider,
      model: run.judge.model,
      heuristic: run.judge.heuristic,
    },
    summary: orderSummary(run.summary),
    results: run.results.map(orderCase),
  };
  // The run's end, not the time of writing: the same run always serialises to the same bytes.
  const report = { version: JSON_REPORT_VERSION, timestamp: run.finishedAt, run: ordered };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * Reads a file written by `toJsonReport` back into a run. Throws `InvalidInputError` naming each
 * field at fault (`run.results[3].score`) when the text is not such a file.
 */
export function parseJsonReport(text: string): EvalRun {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidInputError(`Not a JSON report: ${reason}`, [{ field: '$', reason }], {
      cause: error,
    });
  }
  const problems: InvalidInputDetail[] = [];
  const report = checkFields(parsed, '', { version: 'number', run: 'object' }, problems);
  if (typeof report.version === 'number' && report.version !== JSON_REPORT_VERSION) {
    problems.push({
      field: 'version',
      reason: `must be ${JSON_REPORT_VERSION}, got ${String(report.version)}`,
    });
  }
  if (problems.length === 0) checkRunShape(report.run, problems);
  const first = problems[0];
  if (first !== undefined) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    // Capped: a file of the wrong kind would otherwise list every field of every case.
    throw new InvalidInputError(
      `Not a valid JSON report: ${first.field} ${first.reason}${more}`,
      problems.slice(0, MAX_PROBLEMS),
    );
  }
  return report.run as EvalRun;
}
