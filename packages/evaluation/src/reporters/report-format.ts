// Numbers and facts every report shows the same way: percentages, intervals, tokens, cost,
// durations, which case failed why, and which scores came from an offline heuristic.
import type { AssertionResult, CaseResult, RunSummary } from '../eval-run.js';

export interface StatusCounts {
  passed: number;
  failed: number;
  errors: number;
  cancelled: number;
  /** passed + failed + errors: the pass rate's denominator (cancelled cases are not counted). */
  decided: number;
}

/** `0.8` → `80.0%`; a rate that could not be computed (no decided case) → `—`. */
export function formatPercent(rate: number, digits = 1): string {
  return Number.isFinite(rate) ? `${(rate * 100).toFixed(digits)}%` : '—';
}

/** `[0.55, 1]` → `55.0–100.0%`. */
export function formatInterval([low, high]: readonly [number, number]): string {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return '—';
  return `${(low * 100).toFixed(1)}–${(high * 100).toFixed(1)}%`;
}

/** `1234` → `1,234` (fixed locale, so reports do not change with the machine). */
export function formatTokens(tokens: number): string {
  return tokens.toLocaleString('en-US');
}

/** US dollars to four decimals: eval calls often cost fractions of a cent. */
export function formatCost(dollars: number): string {
  return `$${dollars.toFixed(4)}`;
}

/** `3200` → `3.2 s`; a minute or more → `2 min 05 s`. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export function formatScore(score: number): string {
  return score.toFixed(2);
}

/** True when the case has a meaningful score: it ran and was graded (errors score 0 by rule). */
export function isScored(result: CaseResult): boolean {
  return result.status === 'passed' || result.status === 'failed';
}

/** The pass rate's denominator: cancelled cases are not counted. */
export function countDecided(summary: RunSummary): number {
  return summary.passed + summary.failed + summary.errors;
}

export function isHeuristicAssertion(assertion: AssertionResult): boolean {
  return assertion.method === 'heuristic';
}

/** True when any of the case's scores came from an offline heuristic instead of a judge model. */
export function isHeuristicCase(result: CaseResult): boolean {
  return result.assertions.some(isHeuristicAssertion);
}

export function findFailingAssertions(result: CaseResult): AssertionResult[] {
  return result.assertions.filter((assertion) => !assertion.pass);
}

/** Why a case did not pass: its error, else its first failing assertion's reason. */
export function describeProblem(result: CaseResult): string | undefined {
  if (result.status === 'passed') return undefined;
  if (result.error !== undefined) return result.error;
  const failing = findFailingAssertions(result)[0];
  return failing === undefined ? undefined : `${failing.type}: ${failing.reason}`;
}

export function countStatuses(results: readonly CaseResult[]): StatusCounts {
  const counts = { passed: 0, failed: 0, errors: 0, cancelled: 0 };
  for (const result of results) {
    if (result.status === 'error') counts.errors += 1;
    else counts[result.status] += 1;
  }
  return { ...counts, decided: counts.passed + counts.failed + counts.errors };
}

/** Cases per provider, providers in the order they first appear. */
export function groupByProvider(results: readonly CaseResult[]): Map<string, CaseResult[]> {
  const groups = new Map<string, CaseResult[]>();
  for (const result of results) {
    const group = groups.get(result.provider);
    if (group === undefined) groups.set(result.provider, [result]);
    else group.push(result);
  }
  return groups;
}

/** `passed 8/10 (80.0%, 95% CI 55.0–100.0%) · errors 0 · 1,234 tokens · $0.0000 · 3.2 s` */
export function formatSummaryLine(summary: RunSummary): string {
  const decided = countDecided(summary);
  const parts = [
    `passed ${summary.passed}/${decided} (${formatPercent(summary.passRate)}, 95% CI ${formatInterval(summary.ci95)})`,
    `errors ${summary.errors}`,
  ];
  // Cancelled cases are outside the pass rate; say so rather than let them vanish.
  if (summary.cancelled > 0) parts.push(`cancelled ${summary.cancelled}`);
  parts.push(
    `${formatTokens(summary.usage.totalTokens)} tokens`,
    formatCost(summary.cost),
    formatDuration(summary.durationMs),
  );
  return parts.join(' · ');
}

export const HEURISTIC_NOTICE = 'Scores marked * came from offline heuristics, not a judge model.';
