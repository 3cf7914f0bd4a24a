import { describe, expect, it } from 'vitest';
import {
  MARKUP_DESCRIPTION,
  XSS_OUTPUT,
  createSampleComparison,
  createSampleRun,
} from './__fixtures__/sample-run.js';
import { renderHtmlReport } from './html-report.js';

function count(text: string, pattern: RegExp): number {
  return [...text.matchAll(pattern)].length;
}

describe('renderHtmlReport', () => {
  const html = renderHtmlReport(createSampleRun());

  it('is one self-contained UTF-8 page with no script and nothing to fetch', () => {
    expect(
      html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">'),
    ).toBe(true);
    expect(html).not.toMatch(/<script/i);
    // Inside a tag: escaped text never holds a raw `<`, so the fixture's `<img src=x>` var cannot match.
    expect(html).not.toMatch(/<[^>]*\s(?:src|href|xlink:href)\s*=/i);
    expect(html).not.toMatch(/url\(|@import|https?:\/\//i);
    expect(html).toContain('"Noto Sans CJK SC"');
  });

  it('escapes model output, vars, descriptions and reasons', () => {
    expect(html).toContain(`<pre class="output">&lt;script&gt;window.__xss=1&lt;/script&gt;</pre>`);
    expect(html).not.toContain(XSS_OUTPUT);
    expect(html).toContain('<dd>&lt;img src=x onerror=alert(1)&gt;</dd>');
    expect(html).toContain('<td>Escapes &lt;b&gt;markup&lt;/b&gt; &amp; "quotes"</td>');
    expect(html).not.toContain(MARKUP_DESCRIPTION);
    expect(html).toContain('<span class="reason">Output contains "&lt;script"</span>');
    expect(html).toContain(
      '<pre class="output">The article argues for smaller models.\n[1mKey point[0m: cost</pre>',
    );
    expect(html).toContain('<pre class="output">法国的首都是里昂。</pre>');
  });

  it('shows the run, the judge and the heuristic notice in the header', () => {
    expect(html).toContain('<title>Capitals &amp; summaries</title>');
    expect(html).toContain('<h1>Capitals &amp; summaries</h1>');
    expect(html).toContain('started 2025-11-30 00:50:00 UTC · status <strong>completed</strong>');
    expect(html).toContain(
      'judge local · local-llm <span class="badge badge-heuristic">heuristic</span>',
    );
    expect(html).toContain(
      '<p class="notice" role="note">Scores marked * came from offline heuristics, not a judge model.</p>',
    );

    const run = createSampleRun();
    run.summary.heuristic = false;
    const judged = renderHtmlReport(run, { title: 'Nightly <eval>' });
    expect(judged).not.toContain('<span class="badge badge-heuristic">');
    expect(judged).not.toContain('class="notice"');
    expect(judged).toContain('<h1>Nightly &lt;eval&gt;</h1>');
    expect(judged).toContain('suite Capitals &amp; summaries · started');
  });

  it('has summary cards with the interval, tokens, cost and duration', () => {
    expect(html).toContain(
      '<div class="label">Pass rate</div><div class="value">57.1%</div><div class="detail">95% CI 28.6–85.7% · 4 of 7</div>',
    );
    expect(html).toContain(
      '<div class="value">708</div><div class="detail">prompt 529 · completion 179</div>',
    );
    expect(html).toContain('<div class="label">Cost</div><div class="value">$0.0001</div>');
    expect(html).toContain('<div class="label">Duration</div><div class="value">3.2 s</div>');
  });

  it('draws three accessible SVG charts with the numbers behind them', () => {
    expect(count(html, /<svg [^>]*role="img"/g)).toBe(3);
    expect(count(html, /<svg /g)).toBe(3);
    expect(html).toContain(
      '<title id="chart-pass-rate-title">Pass rate per provider, with 95% Wilson interval</title>',
    );
    expect(html).toContain('<title id="chart-scores-title">Score distribution</title>');
    expect(html).toContain('<title id="chart-latency-title">Latency per case</title>');
    expect(html).toContain(
      '<desc id="chart-pass-rate-desc">local: 66.7% (2/3), 95% CI 20.8–93.9%; deepseek:deepseek-v4-flash: 50.0% (2/4), 95% CI 15.0–85.0%</desc>',
    );
    expect(html).toContain('ten bins from 0 to 1: 2, 0, 0, 0, 0, 0, 0, 1, 0, 3.</desc>');
    expect(html).toContain('Latency of 7 cases: slowest 30000 ms, median 812 ms.</desc>');
    expect(
      count(html, /<rect class="bar bar-(?:passed|failed|error)" [^>]*><title>[^<]*: \d+ ms</g),
    ).toBe(7);
    expect(count(html, /<line class="whisker"/g)).toBe(2 * 3);
  });

  it('lists every case in the table, with heuristic scores starred', () => {
    expect(count(html, /<tr data-status="/g)).toBe(8);
    expect(count(html, /<tr data-status="passed"/g)).toBe(4);
    expect(html).toContain('<input type="checkbox" id="failed-only">');
    expect(html).toContain(
      '<span class="score">0.80*</span> <span class="method method-heuristic">heuristic</span>',
    );
    expect(html).toContain('<td class="num">0.90*</td>');
  });

  it('adds the comparison only when given, regressions first', () => {
    expect(html).not.toContain('id="comparison"');
    const compared = renderHtmlReport(createSampleRun(), { comparison: createSampleComparison() });
    expect(compared).toContain('<h2>Compared with nightly 2025-11-29</h2>');
    expect(compared).toContain(
      'Pass rate 42.9% → 57.1%: <strong>+14.3 pp</strong> (paired 95% CI -14.3 pp to +42.9 pp)',
    );
    expect(compared).toContain(
      '2 flipped: 1 regressions, 1 fixed. Only in the earlier run: 1; only in this run: 0.',
    );
    const regression = compared.indexOf('<tr class="regression"');
    const fixed = compared.indexOf('<tr class="fixed"');
    expect(regression).toBeGreaterThan(0);
    expect(fixed).toBeGreaterThan(regression);
    expect(compared).toContain(
      '<td>中文问答：法国的首都</td><td>passed</td><td>failed</td><td class="num">1.00 → 0.00</td>',
    );
  });

  it('copes with a run that has no cases', () => {
    const run = { ...createSampleRun(), results: [] };
    const empty = renderHtmlReport(run);
    expect(count(empty, /No cases to show/g)).toBe(3);
    expect(count(empty, /<tr data-status="/g)).toBe(0);
  });
});
