import { InvalidInputError, runToolCalls } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { createCalculatorTool } from './calculator-tool.js';
import { evaluateExpression } from './evaluate-expression.js';
import { ExpressionError } from './tools-errors.js';
import { toolContext } from './__fixtures__/local-model.js';

function failure(input: string, maxLength?: number): ExpressionError {
  try {
    evaluateExpression(input, maxLength);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return error as ExpressionError;
  }
  throw new Error(`"${input}" did not fail`);
}

describe('evaluateExpression', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['100 / 10 / 5', 2],
    ['10 % 4', 2],
    ['2 ^ 3 ^ 2', 512],
    ['-2 ^ 2', -4],
    ['2 ^ -1', 0.5],
    ['--3', 3],
    ['+4', 4],
    ['0.1 + 0.2', 0.3],
    ['.5 * 3', 1.5],
    ['1e3 + 2.5E-1', 1000.25],
    ['sqrt(16) + abs(-3)', 7],
    ['min(3, 1, 2) + max(3, 1, 2)', 4],
    ['round(2.567, 2)', 2.57],
    ['round(2.5)', 3],
    ['floor(-1.5) + ceil(1.2)', 0],
    ['log(e) + ln(1) + log10(1000)', 4],
    ['exp(0)', 1],
    ['sin(pi) + cos(0) + tan(0)', 1],
    ['2 * PI', 6.28318530717959],
    ['SQRT(9)', 3],
  ])('%s = %d', (input, expected) => {
    expect(evaluateExpression(input).result).toBe(expected);
  });

  it.each([
    ['（１２＋３）×２', '(12+3)*2', 30],
    ['１０÷４', '10/4', 2.5],
    ['5 − 3', '5 - 3', 2],
    ['３²＋４³', '3^2+4^3', 73],
    ['2 ** 10', '2 ^ 10', 1024],
    ['π × ２', 'pi * 2', 6.28318530717959],
    ['ｓｑｒｔ（１６）', 'sqrt(16)', 4],
    ['ｍａｘ（１，２）', 'max(1,2)', 2],
  ])('normalises what Chinese IMEs type: %s', (input, expression, result) => {
    expect(evaluateExpression(input)).toEqual({ expression, result });
  });

  it.each([
    ['1 / 0', 'Division by zero', 3],
    ['5 % (2 - 2)', 'Division by zero', 3],
    ['(1 + 2', 'Missing ")"', 7],
    ['1 +', 'The expression ends too early', 4],
    ['1 + 2)', 'Unexpected ")"', 6],
    ['1 2', 'Unexpected "2"', 3],
    ['1 $ 2', 'Unexpected character "$"', 3],
    ['2 😀 2', 'Unexpected character "😀"', 3],
    ['sqrt 4', '"sqrt" needs parentheses, e.g. sqrt(2)', 6],
    ['min()', '"min" takes at least 1 argument(s), got 0', 1],
    ['sqrt(1, 2)', '"sqrt" takes 1 argument(s), got 2', 1],
    ['round(1, 2, 3)', '"round" takes 1 or 2 argument(s), got 3', 1],
    ['sqrt(-1)', 'sqrt(-1) is not a real number', 1],
    ['log(-1)', 'log(-1) is not a real number', 1],
    ['10 ^ 400', 'The result is too large', 4],
    ['(-8) ^ (1/3)', 'The result is not a real number', 6],
  ])('refuses %j: %s at column %d', (input, reason, column) => {
    const error = failure(input);
    expect(error.column).toBe(column);
    expect(error.message).toBe(`${reason} at column ${column} in "${error.expression}".`);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.details).toEqual([
      { field: 'expression', reason: `${reason} at column ${column}` },
    ]);
  });

  it('never looks names up on objects: no prototype or code access', () => {
    for (const input of ['__proto__', 'toString(1)', 'globalThis', 'valueOf()'])
      expect(failure(input).message).toMatch(
        /^Unknown name "(__proto__|tostring|globalthis|valueof)"/,
      );
    // Member access and strings are not even tokens.
    expect(failure('process.exit(1)').message).toMatch(/^Unexpected character "\." at column 8/);
    expect(failure('constructor(1)').message).toContain(
      'Unknown name "constructor" (functions: sqrt, abs, floor, ceil, log, ln, log10, exp, sin, cos, tan, min, max, round; constants: pi, e)',
    );
  });

  it('refuses empty, over-long and too deeply nested input', () => {
    expect(failure('   ').message).toBe('The expression is empty in "".');
    const long = failure('1+'.repeat(300) + '1');
    expect(long.message).toMatch(
      /^The expression is too long \(601 characters, the limit is 500\)/,
    );
    expect(failure('1+1+1', 4).message).toMatch(/the limit is 4/);
    expect(failure('('.repeat(150) + '1' + ')'.repeat(150)).message).toMatch(
      /^The expression is nested too deeply at column 102/,
    );
    expect(failure('-'.repeat(150) + '1').message).toMatch(/^The expression is nested too deeply/);
  });
});

describe('calculate tool', () => {
  const calculate = createCalculatorTool();

  it('evaluates the expression argument and echoes the normalised expression', async () => {
    expect(calculate.name).toBe('calculate');
    expect(calculate.parameters.required).toEqual(['expression']);
    expect(await calculate.execute({ expression: '（３＋４）×２' }, toolContext())).toEqual({
      expression: '(3+4)*2',
      result: 14,
    });
  });

  it('sends errors back to the model, like the seed\'s "除数不能为零" but with the position', async () => {
    const results = await runToolCalls(
      [
        { type: 'tool-call', id: 'c1', name: 'calculate', arguments: { expression: '8 ÷ 0' } },
        { type: 'tool-call', id: 'c2', name: 'calculate', arguments: { expression: '' } },
      ],
      [calculate],
    );
    expect(results.map((r) => r.result)).toEqual([
      'Tool "calculate" failed: Division by zero at column 3 in "8 / 0".',
      'Tool "calculate" failed: The arguments do not match the schema: "expression" must not be empty. Fix them and call again.',
    ]);
  });

  it('applies its length limit option', async () => {
    const short = createCalculatorTool({ maxLength: 5 });
    await expect(short.execute({ expression: '1+2+3+4' }, toolContext())).rejects.toThrow(
      /too long \(7 characters, the limit is 5\)/,
    );
  });
});
