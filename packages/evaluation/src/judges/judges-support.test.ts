// The shared switches: when the heuristic stands in, Spring's two yes/no rules, template checks.
import { InvalidInputError } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import {
  checkUnitInterval,
  createJudgeTemplate,
  readYesNo,
  usesHeuristic,
} from './judges-support.js';

describe('usesHeuristic', () => {
  it('is auto for the local provider only, unless forced', () => {
    const local = new MockChatModel({ provider: 'local' });
    const hosted = new MockChatModel({ provider: 'deepseek' });
    expect([usesHeuristic({ model: local }), usesHeuristic({ model: hosted })]).toEqual([
      true,
      false,
    ]);
    expect(usesHeuristic({ model: local, heuristic: 'never' })).toBe(false);
    expect(usesHeuristic({ model: hosted, heuristic: 'always' })).toBe(true);
  });
});

describe('readYesNo', () => {
  it('contains: "yes" anywhere passes, then "no" anywhere fails', () => {
    expect(readYesNo('Yes, it is.', 'contains')).toBe(true);
    expect(readYesNo('NO', 'contains')).toBe(false);
    expect(() => readYesNo('Maybe', 'contains')).toThrow('expected YES or NO, got "Maybe".');
  });

  it('exact: only yes or no, trailing punctuation and case forgiven', () => {
    expect(readYesNo('Yes.', 'exact')).toBe(true);
    expect(readYesNo(' no!\n', 'exact')).toBe(false);
    expect(() => readYesNo('Yes, it is.', 'exact')).toThrow(
      'expected YES or NO, got "Yes, it is.".',
    );
  });

  it('reads a Chinese judge’s 是 / 否 / 不是', () => {
    expect(readYesNo('是的，回答与上下文一致。', 'contains')).toBe(true);
    expect(readYesNo('不是。', 'contains')).toBe(false);
    expect(readYesNo('否', 'contains')).toBe(false);
    expect(() => readYesNo('这是错误的。', 'contains')).toThrow('expected YES or NO');
    expect(readYesNo('是。', 'exact')).toBe(true);
    expect(readYesNo('不是', 'exact')).toBe(false);
    expect(() => readYesNo('也许', 'exact')).toThrow('expected YES or NO, got "也许".');
  });
});

describe('createJudgeTemplate and checkUnitInterval', () => {
  it('names unknown placeholders and the field', () => {
    const error = (() => {
      try {
        createJudgeTemplate('{a} {b}', ['a'], 'claimsPromptTemplate');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).details).toEqual([
      { field: 'claimsPromptTemplate', reason: 'unknown placeholders: b' },
    ]);
    expect(createJudgeTemplate('{a} and {"json": 1}', ['a']).render({ a: 'x' })).toBe(
      'x and {"json": 1}',
    );
  });

  it('accepts 0..1 only', () => {
    expect(checkUnitInterval(0.5, 'threshold')).toBe(0.5);
    expect(() => checkUnitInterval(Number.NaN, 'threshold')).toThrow(
      'threshold must be a number from 0 to 1, got NaN.',
    );
  });
});
