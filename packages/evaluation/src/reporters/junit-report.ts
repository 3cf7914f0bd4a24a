// The JUnit XML report for CI servers (the shape of Vitest's and jest-junit's output): one
// <testsuite> per provider, one <testcase> per (test × prompt) case. Failing assertions go into
// <failure>, provider errors into <error>, cancelled cases are <skipped/>, and the output with
// every score goes into <system-out> so a CI page shows why without opening the HTML report.
import type { AssertionResult, CaseResult, EvalRun } from '../eval-run.js';
import { escapeAttribute, escapeText } from './escape-markup.js';
import {
  HEURISTIC_NOTICE,
  countStatuses,
  describeProblem,
  findFailingAssertions,
  formatCost,
  formatScore,
  formatTokens,
  groupByProvider,
  isHeuristicAssertion,
  isHeuristicCase,
  type StatusCounts,
} from './report-format.js';

function formatSeconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function renderAttributes(attributes: Record<string, string | number>): string {
  return Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
}

function renderCounts(counts: StatusCounts, tests: number): Record<string, number> {
  return { tests, failures: counts.failed, errors: counts.errors, skipped: counts.cancelled };
}

function describeAssertion(assertion: AssertionResult): string {
  const mark = isHeuristicAssertion(assertion) ? '*' : '';
  return `${assertion.pass ? 'PASS' : 'FAIL'} ${assertion.type}${mark} score=${formatScore(assertion.score)} (${assertion.method}): ${assertion.reason}`;
}

function renderSystemOut(result: CaseResult): string {
  const output = result.output === '' ? ['output: (none)'] : ['output:', result.output];
  const lines = [...output, '', 'assertions:'];
  if (result.assertions.length === 0) lines.push('  (none run)');
  for (const assertion of result.assertions) lines.push(`  ${describeAssertion(assertion)}`);
  lines.push(
    '',
    `score ${formatScore(result.score)} · latency ${Math.round(result.latencyMs)} ms · ` +
      `${formatTokens(result.usage.totalTokens)} tokens · ${formatCost(result.cost)}` +
      (result.cached ? ' · cached' : ''),
  );
  if (isHeuristicCase(result)) lines.push(HEURISTIC_NOTICE);
  return `<system-out>${escapeText(lines.join('\n'))}</system-out>`;
}

function renderOutcome(result: CaseResult): string | undefined {
  const message = describeProblem(result) ?? `case ${result.status}`;
  switch (result.status) {
    case 'passed':
      return undefined;
    case 'cancelled':
      return `<skipped${renderAttributes({ message })}/>`;
    case 'error':
      return `<error${renderAttributes({ message, type: 'error' })}>${escapeText(message)}</error>`;
    case 'failed': {
      const failing = findFailingAssertions(result);
      const body = failing.length > 0 ? failing.map(describeAssertion).join('\n') : message;
      return `<failure${renderAttributes({ message, type: 'assertion' })}>${escapeText(body)}</failure>`;
    }
  }
}

function renderTestCase(run: EvalRun, result: CaseResult): string {
  const attributes = renderAttributes({
    classname: `${run.name}.${result.provider}`,
    name: `${result.description} [${result.prompt}]`,
    time: formatSeconds(result.status === 'cancelled' ? 0 : result.latencyMs),
  });
  const children = [renderOutcome(result), renderSystemOut(result)].filter(
    (child): child is string => child !== undefined,
  );
  return [
    `    <testcase${attributes}>`,
    ...children.map((child) => `      ${child}`),
    '    </testcase>',
  ].join('\n');
}

function renderTestSuite(run: EvalRun, provider: string, cases: CaseResult[]): string {
  const attributes = renderAttributes({
    name: `${run.name} · ${provider}`,
    ...renderCounts(countStatuses(cases), cases.length),
    // Cases of one provider may have run concurrently; their summed latency is the closest
    // per-suite figure the run records.
    time: formatSeconds(cases.reduce((sum, result) => sum + result.latencyMs, 0)),
    timestamp: run.startedAt,
  });
  const testCases = cases.map((result) => renderTestCase(run, result));
  return [`  <testsuite${attributes}>`, ...testCases, '  </testsuite>'].join('\n');
}

/** The run as JUnit XML: totals on <testsuites>, one <testsuite> per provider. */
export function toJUnitXml(run: EvalRun): string {
  const attributes = renderAttributes({
    name: run.name,
    ...renderCounts(countStatuses(run.results), run.results.length),
    time: formatSeconds(run.summary.durationMs),
  });
  const suites = [...groupByProvider(run.results)].map(([provider, cases]) =>
    renderTestSuite(run, provider, cases),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
