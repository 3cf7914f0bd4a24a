import { describe, expect, it } from 'vitest';
import type { EvalRun } from '../eval-run.js';
import { createSampleRun } from './__fixtures__/sample-run.js';
import { formatConsoleReport } from './console-report.js';
import { displayWidth, padToWidth, truncateToWidth } from './display-width.js';
import { formatDuration, formatSummaryLine } from './report-format.js';

function withCleanSummary(run: EvalRun): EvalRun {
  return {
    ...run,
    summary: {
      ...run.summary,
      total: 10,
      passed: 8,
      failed: 2,
      errors: 0,
      cancelled: 0,
      passRate: 0.8,
      ci95: [0.55, 1],
      heuristic: false,
      usage: { promptTokens: 1000, completionTokens: 234, totalTokens: 1234 },
      cost: 0,
      durationMs: 3200,
    },
  };
}

/** Terminal column where `needle` starts on `line`. */
function columnOf(line: string, needle: string): number {
  const index = line.indexOf(needle);
  expect(index, `"${needle}" in "${line}"`).toBeGreaterThanOrEqual(0);
  return displayWidth(line.slice(0, index));
}

/** The characters of `line` between two terminal columns. */
function sliceColumns(line: string, from: number, to: number): string {
  let column = 0;
  let slice = '';
  for (const char of line) {
    if (column >= from && column < to) slice += char;
    column += displayWidth(char);
  }
  return slice;
}

describe('displayWidth', () => {
  it('counts CJK and full-width characters as two columns, combining marks as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('中文')).toBe(4);
    expect(displayWidth('a中，b')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('한국어')).toBe(6);
  });

  it('cuts and pads by columns', () => {
    expect(truncateToWidth('中文描述很长', 7)).toBe('中文描…');
    expect(truncateToWidth('short', 7)).toBe('short');
    expect(padToWidth('中', 4)).toBe('中  ');
    expect(padToWidth('42', 4, 'start')).toBe('  42');
  });
});

describe('formatConsoleReport', () => {
  it('ends with the exact summary line', () => {
    const run = withCleanSummary(createSampleRun());
    const expected =
      'passed 8/10 (80.0%, 95% CI 55.0–100.0%) · errors 0 · 1,234 tokens · $0.0000 · 3.2 s';
    expect(formatSummaryLine(run.summary)).toBe(expected);
    const lines = formatConsoleReport(run).split('\n');
    expect(lines.at(-1)).toBe(expected);
    expect(lines).not.toContain('Scores marked * came from offline heuristics, not a judge model.');
  });

  it('counts cancelled cases and adds the heuristic notice', () => {
    const lines = formatConsoleReport(createSampleRun()).split('\n');
    expect(lines.slice(-2)).toEqual([
      'passed 4/7 (57.1%, 95% CI 28.6–85.7%) · errors 1 · cancelled 1 · 708 tokens · $0.0001 · 3.2 s',
      'Scores marked * came from offline heuristics, not a judge model.',
    ]);
  });

  it('lines columns up when descriptions and prompts are Chinese', () => {
    const [header = '', ...rows] = formatConsoleReport(createSampleRun()).split('\n');
    const tableRows = rows.slice(0, 8);
    const providerColumn = columnOf(header, 'provider');
    const promptColumn = columnOf(header, 'prompt');
    const latencyEnd = columnOf(header, 'latency ms') + 'latency ms'.length;
    const scoreColumn = columnOf(header, 'score');
    for (const row of tableRows) {
      const provider = row.includes('deepseek:') ? 'deepseek:' : 'local';
      expect(columnOf(row, provider)).toBe(providerColumn);
      expect(columnOf(row, row.includes('简洁回答') ? '简洁回答' : 'concise')).toBe(promptColumn);
      expect(sliceColumns(row, scoreColumn, scoreColumn + 5)).toMatch(/^(\d\.\d\d[* ]| {3}- )$/);
      expect(sliceColumns(row, latencyEnd - 10, latencyEnd)).toMatch(/^ *(\d+|-)$/);
    }
    const chinese = tableRows[3] ?? '';
    expect(chinese).toMatch(
      /^failed {5}中文问答：法国的首都 {14}deepseek:deepseek-v4-flash {2}简洁回答 {2}0\.00 {10}950 {2}icontains: 输出中没有"巴黎"$/,
    );
    expect(columnOf(chinese, '950') + 3).toBe(latencyEnd);
    expect(columnOf(chinese, 'icontains')).toBe(columnOf(header, 'reason'));
  });

  it('marks heuristic scores, cuts long reasons and dashes what did not run', () => {
    const rows = formatConsoleReport(createSampleRun()).split('\n');
    expect(rows[1]).toContain('0.90*');
    expect(rows[2]).toContain('1.00 ');
    expect(rows[6]).toMatch(
      / {4}- {8}30000 {2}ProviderUnavailableError: 503 Service Unavailable \(after 3 …$/,
    );
    expect(displayWidth((rows[6] ?? '').slice((rows[6] ?? '').indexOf('Provider')))).toBe(60);
    expect(rows[7]).toMatch(/^cancelled .* - {12}- {2}Run cancelled by the user$/);
  });

  it('keeps newlines and escape sequences from a case out of the table', () => {
    const run = createSampleRun();
    const first = run.results[0];
    if (first === undefined) throw new Error('fixture has cases');
    first.description = 'two\nlines \u001b[31mred\u001b[0m';
    const text = formatConsoleReport(run);
    expect(text.split('\n')).toHaveLength(8 + 1 + 1 + 2);
    expect(text).toContain('two lines [31mred[0m');
    expect(text).not.toContain('\u001b');
  });

  it('colours only when asked', () => {
    const plain = formatConsoleReport(createSampleRun());
    const colored = formatConsoleReport(createSampleRun(), { color: true });
    expect(plain).not.toContain('\u001b[');
    expect(colored).toContain('\u001b[32mpassed   \u001b[0m');
    expect(colored).toContain('\u001b[31mfailed   \u001b[0m');
    expect(colored).toContain('\u001b[33merror    \u001b[0m');
    expect(colored).toContain('\u001b[90mcancelled\u001b[0m');
    // eslint-disable-next-line no-control-regex -- removing the colour codes again
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  it('shows the cases that did not pass first when rows are limited', () => {
    const lines = formatConsoleReport(createSampleRun(), { maxRows: 3 }).split('\n');
    expect(lines.slice(1, 4).map((line) => line.split(' ')[0])).toEqual([
      'failed',
      'failed',
      'error',
    ]);
    expect(lines[4]).toBe('… 5 more cases not shown');
  });
});

describe('formatDuration', () => {
  it('switches to minutes at a minute', () => {
    expect(formatDuration(59_940)).toBe('59.9 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
  });
});
