// The HTML report's tables: every case with its vars, output and assertions, and the flipped cases
// of a comparison. Everything that came from a suite or a model is escaped here, once, on the way
// into markup.
import type { AssertionResult, CaseResult, FlippedCase, RunComparison } from '../eval-run.js';
import { escapeAttribute, escapeText } from './escape-markup.js';
import {
  formatPercent,
  formatScore,
  isHeuristicAssertion,
  isHeuristicCase,
  isScored,
} from './report-format.js';

function stringifyVar(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // Circular or BigInt values: still show something rather than lose the row.
    return String(value);
  }
}

function renderVars(vars: Record<string, unknown>): string {
  const entries = Object.entries(vars);
  if (entries.length === 0) return '<span class="muted">—</span>';
  const items = entries.map(
    ([name, value]) => `<dt>${escapeText(name)}</dt><dd>${escapeText(stringifyVar(value))}</dd>`,
  );
  return `<dl class="vars">${items.join('')}</dl>`;
}

function renderAssertion(assertion: AssertionResult): string {
  const heuristic = isHeuristicAssertion(assertion);
  return [
    `<li class="${assertion.pass ? 'pass' : 'fail'}">`,
    `<span class="mark">${assertion.pass ? '✓' : '✗'}</span> `,
    `<code>${escapeText(assertion.type)}</code> `,
    `<span class="score">${formatScore(assertion.score)}${heuristic ? '*' : ''}</span> `,
    `<span class="method method-${assertion.method}">${assertion.method}</span> `,
    `<span class="reason">${escapeText(assertion.reason)}</span>`,
    '</li>',
  ].join('');
}

function renderCaseRow(result: CaseResult): string {
  const assertions =
    result.assertions.length === 0
      ? '<span class="muted">none run</span>'
      : `<ul class="assertions">${result.assertions.map(renderAssertion).join('')}</ul>`;
  const error =
    result.error === undefined ? '' : `<p class="error-text">${escapeText(result.error)}</p>`;
  const output =
    result.output === '' ? '' : `<pre class="output">${escapeText(result.output)}</pre>`;
  return [
    `<tr data-status="${result.status}" data-id="${escapeAttribute(result.id)}">`,
    `<td><span class="status status-${result.status}">${result.status}</span></td>`,
    `<td>${escapeText(result.description)}</td>`,
    `<td><code>${escapeText(result.provider)}</code></td>`,
    `<td>${escapeText(result.prompt)}</td>`,
    `<td class="vars-cell">${renderVars(result.vars)}</td>`,
    `<td class="output-cell">${error}${output}</td>`,
    `<td>${assertions}</td>`,
    `<td class="num">${isScored(result) ? formatScore(result.score) + (isHeuristicCase(result) ? '*' : '') : '—'}</td>`,
    `<td class="num">${result.status === 'cancelled' ? '—' : `${Math.round(result.latencyMs)} ms`}</td>`,
    '</tr>',
  ].join('');
}

/** The per-case table with its "failed only" filter (pure CSS, see the stylesheet). */
export function renderCaseTable(results: readonly CaseResult[]): string {
  const headings = [
    'Status',
    'Description',
    'Provider',
    'Prompt',
    'Vars',
    'Output',
    'Assertions',
    'Score',
    'Latency',
  ];
  return [
    '<section id="cases">',
    '<h2>Cases</h2>',
    '<label class="filter"><input type="checkbox" id="failed-only"> Failed and errored only</label>',
    '<table id="case-table">',
    `<thead><tr>${headings.map((heading) => `<th scope="col">${heading}</th>`).join('')}</tr></thead>`,
    `<tbody>${results.map(renderCaseRow).join('\n')}</tbody>`,
    '</table>',
    '</section>',
  ].join('\n');
}

function isRegression(flipped: FlippedCase): boolean {
  return flipped.before === 'passed';
}

function formatPoints(delta: number): string {
  const points = (delta * 100).toFixed(1);
  return `${delta > 0 ? '+' : ''}${points} pp`;
}

function renderFlippedRow(flipped: FlippedCase): string {
  const kind = isRegression(flipped) ? 'regression' : 'fixed';
  return [
    `<tr class="${kind}" data-id="${escapeAttribute(flipped.id)}">`,
    `<td><span class="status status-${kind}">${kind}</span></td>`,
    `<td>${escapeText(flipped.description)}</td>`,
    `<td>${flipped.before}</td><td>${flipped.after}</td>`,
    `<td class="num">${formatScore(flipped.scoreBefore)} → ${formatScore(flipped.scoreAfter)}</td>`,
    '</tr>',
  ].join('');
}

/** Pass-rate change between two runs and the cases that flipped, regressions first. */
export function renderComparison(comparison: RunComparison): string {
  const ordered = [...comparison.flipped].sort(
    (x, y) => Number(isRegression(y)) - Number(isRegression(x)),
  );
  const regressions = ordered.filter(isRegression).length;
  const [low, high] = comparison.ci95;
  const rows =
    ordered.length === 0
      ? '<tr><td colspan="5" class="muted">No case changed between passing and not passing.</td></tr>'
      : ordered.map(renderFlippedRow).join('\n');
  return [
    '<section id="comparison">',
    `<h2>Compared with ${escapeText(comparison.a.name)}</h2>`,
    `<p class="delta">Pass rate ${formatPercent(comparison.a.passRate)} → ${formatPercent(comparison.b.passRate)}: ` +
      `<strong>${formatPoints(comparison.passRateDelta)}</strong> (paired 95% CI ${formatPoints(low)} to ${formatPoints(high)})</p>`,
    `<p>${ordered.length} flipped: ${regressions} regressions, ${ordered.length - regressions} fixed. ` +
      `Only in the earlier run: ${comparison.onlyInA.length}; only in this run: ${comparison.onlyInB.length}.</p>`,
    '<table id="flipped-table">',
    '<thead><tr><th scope="col">Change</th><th scope="col">Description</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Score</th></tr></thead>',
    `<tbody>${rows}</tbody>`,
    '</table>',
    '</section>',
  ].join('\n');
}
