// calculate: the seed's MathTools (add, subtract, multiply, divide, "除数不能为零") as one tool
// taking an expression, so "(3 + 4) × 2" is one call instead of two dependent ones.
import { z } from 'zod';
import { defineTool } from './define-tool.js';
import type { ZodTool } from './define-tool.js';
import { DEFAULT_MAX_EXPRESSION_LENGTH, evaluateExpression } from './evaluate-expression.js';
import { EXPRESSION_CONSTANTS, EXPRESSION_FUNCTIONS } from './expression-functions.js';
import type { EvaluatedExpression } from './evaluate-expression.js';

export const calculatorParameters = z.object({
  expression: z
    .string()
    .min(1)
    .describe('Arithmetic expression, e.g. "(3 + 4) * 2" or "sqrt(16) + 2^3"'),
});

export interface CalculatorToolOptions {
  /** Longest expression accepted, in characters; default 500. */
  maxLength?: number;
}

export function createCalculatorTool(
  options: CalculatorToolOptions = {},
): ZodTool<typeof calculatorParameters, EvaluatedExpression> {
  const maxLength = options.maxLength ?? DEFAULT_MAX_EXPRESSION_LENGTH;
  return defineTool({
    name: 'calculate',
    description:
      'Calculate an arithmetic expression: + - * / % ^, parentheses, ' +
      `${EXPRESSION_FUNCTIONS.join(', ')} (radians), ${EXPRESSION_CONSTANTS.join(' and ')}.`,
    parameters: calculatorParameters,
    execute: ({ expression }) => evaluateExpression(expression, maxLength),
  });
}
