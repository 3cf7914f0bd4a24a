// A safe arithmetic evaluator, written by hand: no eval/Function (a model's argument is untrusted
// input), and no library because the usual ones are either heavy (mathjs: a whole CAS for "3*7")
// or had prototype-pollution / code-execution advisories (expr-eval, GHSA-8gw3-rxh4-v6jx). Names
// resolve only through Maps, so "constructor" or "__proto__" are unknown names, not object lookups.
import {
  CONSTANTS,
  EXPRESSION_CONSTANTS,
  EXPRESSION_FUNCTIONS,
  FUNCTIONS,
} from './expression-functions.js';
import type { MathFunction } from './expression-functions.js';
import { normaliseExpression, tokenizeExpression } from './tokenize-expression.js';
import type { Token } from './tokenize-expression.js';
import { ExpressionError } from './tools-errors.js';

export const DEFAULT_MAX_EXPRESSION_LENGTH = 500;
// Deep enough for any arithmetic a person writes; stops "((((…" from exhausting the stack.
const MAX_DEPTH = 100;

export interface EvaluatedExpression {
  /** The expression after normalisation (full-width forms, × ÷ −). */
  expression: string;
  result: number;
}

export function evaluateExpression(
  input: string,
  maxLength = DEFAULT_MAX_EXPRESSION_LENGTH,
): EvaluatedExpression {
  const expression = normaliseExpression(input);
  if (expression === '') throw new ExpressionError(expression, 'The expression is empty');
  if (expression.length > maxLength)
    throw new ExpressionError(
      `${expression.slice(0, 40)}…`,
      `The expression is too long (${expression.length} characters, the limit is ${maxLength})`,
    );
  const parser = new Parser(expression, tokenizeExpression(expression));
  const value = parser.parse();
  // 15 significant digits hide binary noise: 0.1 + 0.2 is 0.3, not 0.30000000000000004.
  return { expression, result: Number(value.toPrecision(15)) };
}

/** Recursive descent: sum → product → unary → power → primary; ^ is right-associative. */
class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly expression: string,
    private readonly tokens: Token[],
  ) {}

  parse(): number {
    const value = this.sum();
    const next = this.peek();
    if (next.kind !== 'end') this.unexpected(next);
    return value;
  }

  private sum(): number {
    let value = this.product();
    for (let next = this.peek(); isOperator(next, '+', '-'); next = this.peek()) {
      this.index++;
      const right = this.product();
      value = this.finite(next.value === '+' ? value + right : value - right, next.column);
    }
    return value;
  }

  private product(): number {
    let value = this.unary();
    for (let next = this.peek(); isOperator(next, '*', '/', '%'); next = this.peek()) {
      this.index++;
      const right = this.unary();
      if (next.value !== '*' && right === 0) this.fail('Division by zero', next.column);
      const result =
        next.value === '*' ? value * right : next.value === '/' ? value / right : value % right;
      value = this.finite(result, next.column);
    }
    return value;
  }

  private unary(): number {
    const next = this.peek();
    if (!isOperator(next, '+', '-')) return this.power();
    this.index++;
    const value = this.nested(() => this.unary());
    return next.value === '-' ? -value : value;
  }

  private power(): number {
    const base = this.primary();
    const next = this.peek();
    if (!isOperator(next, '^')) return base;
    this.index++;
    // -2^2 is -(2^2) and 2^-1 is 0.5, as in mathematics.
    const exponent = this.nested(() => this.unary());
    return this.finite(base ** exponent, next.column);
  }

  private primary(): number {
    const token = this.advance();
    if (token.kind === 'number') return token.value;
    if (token.kind === '(') {
      const value = this.nested(() => this.sum());
      this.expect(')', 'Missing ")"');
      return value;
    }
    if (token.kind !== 'name') return this.unexpected(token);
    const constant = CONSTANTS.get(token.value);
    if (constant !== undefined) return constant;
    const fn = FUNCTIONS.get(token.value);
    if (!fn)
      this.fail(
        `Unknown name "${token.value}" (functions: ${EXPRESSION_FUNCTIONS.join(', ')}; constants: ${EXPRESSION_CONSTANTS.join(', ')})`,
        token.column,
      );
    return this.call(token.value, fn, token.column);
  }

  private call(name: string, fn: MathFunction, column: number): number {
    this.expect('(', `"${name}" needs parentheses, e.g. ${name}(2)`);
    const args: number[] = [];
    if (this.peek().kind !== ')') {
      args.push(this.nested(() => this.sum()));
      while (this.peek().kind === ',') {
        this.index++;
        args.push(this.nested(() => this.sum()));
      }
    }
    this.expect(')', 'Missing ")"');
    const [min, max] = fn.arity;
    if (args.length < min || args.length > max) {
      const wanted =
        min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} or ${max}`;
      this.fail(`"${name}" takes ${wanted} argument(s), got ${args.length}`, column);
    }
    const value = fn.apply(...args);
    if (Number.isNaN(value)) this.fail(`${name}(${args.join(', ')}) is not a real number`, column);
    return this.finite(value, column);
  }

  private nested(parse: () => number): number {
    if (++this.depth > MAX_DEPTH)
      this.fail('The expression is nested too deeply', this.peek().column);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private finite(value: number, column: number): number {
    if (Number.isNaN(value)) this.fail('The result is not a real number', column);
    if (!Number.isFinite(value)) this.fail('The result is too large', column);
    return value;
  }

  private expect(kind: '(' | ')', reason: string): void {
    const token = this.peek();
    if (token.kind !== kind) this.fail(reason, token.column);
    this.index++;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? { kind: 'end', column: this.expression.length + 1 };
  }

  private advance(): Token {
    const token = this.peek();
    this.index++;
    return token;
  }

  private unexpected(token: Token): never {
    if (token.kind === 'end') this.fail('The expression ends too early', token.column);
    const text = 'value' in token ? String(token.value) : token.kind;
    this.fail(`Unexpected "${text}"`, token.column);
  }

  private fail(reason: string, column: number): never {
    throw new ExpressionError(this.expression, reason, column);
  }
}

function isOperator<T extends string>(
  token: Token,
  ...operators: T[]
): token is Extract<Token, { kind: 'operator' }> & { value: T } {
  return token.kind === 'operator' && (operators as string[]).includes(token.value);
}
