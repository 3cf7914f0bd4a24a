import { describe, expect, it } from 'vitest';
import { compileRegex, describeRegexProblem, RegexPatternError } from './linear-regex.js';

describe('compileRegex (RE2)', () => {
  it("matches (a+)+b against a long run of a's in linear time, without a match", () => {
    // JavaScript's RegExp backtracks 2^n ways here: 27 a's took 15 s, 100,000 would never end.
    const pattern = compileRegex('(a+)+b');
    expect(pattern.exec('a'.repeat(27))).toBeNull();
    expect(pattern.exec('a'.repeat(100_000))).toBeNull();
    expect(pattern.exec(`${'a'.repeat(100_000)}b`)).toBe(`${'a'.repeat(100_000)}b`);
  });

  it('takes JavaScript syntax: named groups, \\u escapes, classes, lookbehind', () => {
    expect(compileRegex('(?<year>\\d{4})-\\d{2}').exec('on 2026-11-30')).toBe('2026-11');
    expect(compileRegex('\\u5317\\u4eac').exec('首都是北京。')).toBe('北京');
    expect(compileRegex('(?<=首都是)\\p{Han}+').exec('中国的首都是北京')).toBe('北京');
    expect(compileRegex('(?i)paris').exec('PARIS, France')).toBe('PARIS');
    expect(compileRegex('北京|上海').exec('我住在上海')).toBe('上海');
    expect(compileRegex('^\\s*\\w+$').exec('  answer')).toBe('  answer');
    // RE2's \s is ASCII whitespace; the ideographic space of Chinese text needs naming
    expect(compileRegex('\\s').exec('北京\u3000上海')).toBeNull();
    expect(compileRegex('[\\s\\x{3000}]').exec('北京\u3000上海')).toBe('\u3000');
  });

  it('refuses lookahead and backreferences, saying why', () => {
    expect(() => compileRegex('Paris(?= is)')).toThrow(RegexPatternError);
    expect(describeRegexProblem('Paris(?= is)')).toBe(
      'invalid regular expression: invalid or unsupported Perl syntax: `(?=` (lookahead is not supported: regex assertions use RE2, which matches in linear time)',
    );
    expect(describeRegexProblem('(?!no)\\w+')).toMatch(
      /^invalid regular expression: .*`\(\?!`.*lookahead is not supported/,
    );
    expect(describeRegexProblem('(a)\\1')).toBe(
      'invalid regular expression: invalid escape sequence: `\\1` (backreferences are not supported: regex assertions use RE2, which matches in linear time)',
    );
    // re2js would read \k<x> as the letters "k<x>"; it is refused instead
    expect(describeRegexProblem('(?<x>a)\\k<x>')).toBe(
      'invalid regular expression: backreferences (\\k<x>) are not supported: regex assertions use RE2, which matches in linear time',
    );
    // an escaped backslash before k is text, not a backreference
    expect(compileRegex('\\\\k<x>').exec('a\\k<x>')).toBe('\\k<x>');
  });

  it('reports a syntax error and a repeat count RE2 will not expand', () => {
    expect(describeRegexProblem('[')).toBe('invalid regular expression: missing closing ]: `[`');
    expect(describeRegexProblem('a{1001}')).toBe(
      'invalid regular expression: invalid repeat count: `{1001}`',
    );
    expect(describeRegexProblem('colou?r')).toBeUndefined();
  });
});
