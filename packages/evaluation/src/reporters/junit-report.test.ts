import { describe, expect, it } from 'vitest';
import { XSS_OUTPUT, createSampleRun } from './__fixtures__/sample-run.js';
import { escapeAttribute, escapeText, stripForbiddenChars } from './escape-markup.js';
import { toJUnitXml } from './junit-report.js';

function count(text: string, pattern: RegExp): number {
  return [...text.matchAll(pattern)].length;
}

/** The <testcase> element whose name attribute starts with `name`. */
function testCase(xml: string, name: string, provider: string): string {
  const cases = xml.split('<testcase ').slice(1);
  const found = cases.find(
    (element) => element.includes(`name="${name}`) && element.includes(`.${provider}"`),
  );
  if (found === undefined) throw new Error(`no testcase ${name} for ${provider}`);
  return found.slice(0, found.indexOf('</testcase>'));
}

describe('toJUnitXml', () => {
  const xml = toJUnitXml(createSampleRun());

  it('totals the run on <testsuites>', () => {
    expect(xml.split('\n').slice(0, 2)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="Capitals &amp; summaries" tests="8" failures="2" errors="1" skipped="1" time="3.240">',
    ]);
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
  });

  it('writes one <testsuite> per provider with its own counts', () => {
    const suites = [
      ...xml.matchAll(
        /<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)" time="([\d.]+)"/g,
      ),
    ];
    expect(suites.map((match) => match.slice(1))).toEqual([
      ['Capitals &amp; summaries · local', '4', '1', '0', '1', '0.950'],
      ['Capitals &amp; summaries · deepseek:deepseek-v4-flash', '4', '1', '1', '0', '34.072'],
    ]);
  });

  it('maps each case to one <testcase> with its outcome', () => {
    expect(count(xml, /<testcase /g)).toBe(8);
    expect(count(xml, /<failure message="[^"]*" type="assertion">/g)).toBe(2);
    expect(count(xml, /<error message="[^"]*" type="error">/g)).toBe(1);
    expect(count(xml, /<skipped message="Run cancelled by the user"\/>/g)).toBe(1);
    expect(count(xml, /<system-out>/g)).toBe(8);

    const chinese = testCase(xml, '中文问答：法国的首都 [简洁回答]', 'deepseek:deepseek-v4-flash');
    expect(chinese).toContain('classname="Capitals &amp; summaries.deepseek:deepseek-v4-flash"');
    expect(chinese).toContain('time="0.950"');
    expect(chinese).toContain(
      '<failure message="icontains: 输出中没有&quot;巴黎&quot;" type="assertion">FAIL icontains score=0.00 (metric): 输出中没有"巴黎"</failure>',
    );
    const errored = testCase(xml, 'Escapes', 'deepseek:deepseek-v4-flash');
    expect(errored).toContain('time="30.000"');
    expect(errored).toContain(
      '>ProviderUnavailableError: 503 Service Unavailable (after 3 attempts)</error>',
    );
    expect(errored).toContain('<system-out>output: (none)\n');
  });

  it('notes heuristic scores in <system-out>', () => {
    const heuristic = testCase(xml, 'What is the capital', 'local');
    expect(heuristic).toContain(
      '  PASS llm-rubric* score=0.80 (heuristic): Covers 4 of 5 rubric terms\n',
    );
    expect(heuristic).toContain(
      '\nScores marked * came from offline heuristics, not a judge model.</system-out>',
    );
    expect(testCase(xml, 'What is the capital', 'deepseek:deepseek-v4-flash')).not.toContain(
      'heuristic',
    );
  });

  it('escapes markup in attributes and text and strips characters XML forbids', () => {
    expect(xml).toContain(
      'name="Escapes &lt;b&gt;markup&lt;/b&gt; &amp; &quot;quotes&quot; [concise]"',
    );
    expect(xml).toContain('<system-out>output:\n&lt;script&gt;window.__xss=1&lt;/script&gt;\n');
    expect(xml).not.toContain(XSS_OUTPUT);
    expect(xml).toContain('The article argues for smaller models.\n[1mKey point[0m: cost\n');
    expect(stripForbiddenChars(xml)).toBe(xml);
    expect(xml).not.toContain('\u001b');
    expect(xml).not.toContain('\u0007');
    expect(xml).not.toContain('CDATA');
  });
});

describe('escaping', () => {
  it('keeps whitespace in attributes as character references', () => {
    expect(escapeAttribute(`a"b'c\nd\te\r&<>`)).toBe('a&quot;b&#39;c&#10;d&#9;e&#13;&amp;&lt;&gt;');
    expect(escapeText(`a"b\nc]]>`)).toBe('a"b\nc]]&gt;');
  });

  it('drops lone surrogates and U+FFFE but keeps emoji pairs', () => {
    expect(escapeText('ok 😀 \uD800 \uDC00 \uFFFE\u0000 end')).toBe('ok 😀    end');
  });
});
