// The console report: one row per case, then the summary line (promptfoo's `eval` table, trimmed
// to what fits a CI log). Widths are measured in terminal columns so Chinese text lines up.
import type { CaseResult, CaseStatus, EvalRun } from '../eval-run.js';
import { displayWidth, padToWidth, truncateToWidth } from './display-width.js';
import {
  HEURISTIC_NOTICE,
  describeProblem,
  formatScore,
  formatSummaryLine,
  isHeuristicCase,
  isScored,
} from './report-format.js';

export interface ConsoleReportOptions {
  /** ANSI colours; off by default so the text is safe to write to files and CI logs. */
  color?: boolean;
  /** Rows shown at most; when cases are left out, the ones that did not pass are shown first. */
  maxRows?: number;
}

interface Column {
  title: string;
  maxWidth: number;
  /** Where the padding goes: `end` left-aligns text, `start` right-aligns numbers. */
  pad: 'start' | 'end';
}

const COLUMNS: readonly Column[] = [
  { title: 'status', maxWidth: 9, pad: 'end' },
  { title: 'description', maxWidth: 40, pad: 'end' },
  { title: 'provider', maxWidth: 28, pad: 'end' },
  { title: 'prompt', maxWidth: 24, pad: 'end' },
  { title: 'score', maxWidth: 6, pad: 'start' },
  { title: 'latency ms', maxWidth: 10, pad: 'start' },
  { title: 'reason', maxWidth: 60, pad: 'end' },
];

const ANSI = {
  reset: '\x1b[0m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  gray: '\x1b[90m',
};
const STATUS_COLOR: Record<CaseStatus, string> = {
  passed: ANSI.green,
  failed: ANSI.red,
  error: ANSI.yellow,
  cancelled: ANSI.gray,
};

// Model output can carry newlines, tabs and terminal escape sequences; in a table cell they would
// break the row or recolour the user's terminal.
function flattenCell(text: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return text.replace(/\s+/g, ' ').replace(/[\u0000-\u001F\u007F-\u009F]/g, '');
}

function toCells(result: CaseResult): string[] {
  const score = isScored(result)
    ? formatScore(result.score) + (isHeuristicCase(result) ? '*' : ' ')
    : '- ';
  return [
    result.status,
    result.description,
    result.provider,
    result.prompt,
    score,
    result.status === 'cancelled' ? '-' : String(Math.round(result.latencyMs)),
    describeProblem(result) ?? '',
  ].map((cell, index) => truncateToWidth(flattenCell(cell), COLUMNS[index]?.maxWidth ?? 60));
}

function pickRows(results: readonly CaseResult[], maxRows: number): CaseResult[] {
  if (results.length <= maxRows) return [...results];
  const notPassed = results.filter((result) => result.status !== 'passed');
  const passed = results.filter((result) => result.status === 'passed');
  return [...notPassed, ...passed].slice(0, Math.max(0, maxRows));
}

function paint(text: string, color: string, enabled: boolean): string {
  return enabled ? `${color}${text}${ANSI.reset}` : text;
}

/** The run as a text table plus its summary line (and the heuristic notice when it applies). */
export function formatConsoleReport(run: EvalRun, options: ConsoleReportOptions = {}): string {
  const color = options.color ?? false;
  const shown = pickRows(run.results, options.maxRows ?? Number.POSITIVE_INFINITY);
  const rows = shown.map(toCells);
  const header = COLUMNS.map((column) => column.title);
  const widths = COLUMNS.map((column, index) =>
    Math.max(displayWidth(column.title), ...rows.map((row) => displayWidth(row[index] ?? ''))),
  );
  const layout = (cells: string[], status?: CaseStatus): string =>
    cells
      .map((cell, index) => {
        const last = index === cells.length - 1;
        const padded = last ? cell : padToWidth(cell, widths[index] ?? 0, COLUMNS[index]?.pad);
        return index === 0 && status !== undefined
          ? paint(padded, STATUS_COLOR[status], color)
          : padded;
      })
      .join('  ')
      .trimEnd();

  const lines = [layout(header), ...rows.map((row, index) => layout(row, shown[index]?.status))];
  const hidden = run.results.length - shown.length;
  if (hidden > 0) lines.push(`… ${hidden} more case${hidden === 1 ? '' : 's'} not shown`);
  lines.push('');
  const clean = run.summary.failed === 0 && run.summary.errors === 0;
  lines.push(paint(formatSummaryLine(run.summary), clean ? ANSI.green : ANSI.red, color));
  if (run.summary.heuristic) lines.push(HEURISTIC_NOTICE);
  return lines.join('\n');
}
