// The calculator's tokenizer. Input is normalised first because users type arithmetic through
// Chinese IMEs: full-width digits and brackets (１２＋（３）), × and ÷, the minus sign −, ² and ³.
import { ExpressionError } from './tools-errors.js';

export type Operator = '+' | '-' | '*' | '/' | '%' | '^';

export type Token =
  | { kind: 'number'; value: number; column: number }
  | { kind: 'name'; value: string; column: number }
  | { kind: 'operator'; value: Operator; column: number }
  | { kind: '(' | ')' | ',' | 'end'; column: number };

const SUPERSCRIPTS: Record<string, string> = { '²': '^2', '³': '^3' };

/** Full-width forms → ASCII (NFKC), then the symbols NFKC leaves alone. */
export function normaliseExpression(input: string): string {
  return (
    input
      // Before NFKC, which would turn "3²" into "32".
      .replace(/[²³]/g, (sup) => SUPERSCRIPTS[sup] ?? sup)
      .normalize('NFKC')
      .replace(/[×✕✖⋅]/g, '*')
      .replace(/÷/g, '/')
      .replace(/[−–]/g, '-')
      .replace(/\*\*/g, '^')
      .replace(/π/g, 'pi')
      .trim()
  );
}

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const SINGLE = new Set(['+', '-', '*', '/', '%', '^', '(', ')', ',']);

/** Tokens of an already-normalised expression, ending with an `end` token. */
export function tokenizeExpression(expression: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < expression.length) {
    const char = expression[index] ?? '';
    const column = index + 1;
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    const rest = expression.slice(index);
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), column });
      index += number[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', value: name[0].toLowerCase(), column });
      index += name[0].length;
      continue;
    }
    if (SINGLE.has(char)) {
      if (char === '(' || char === ')' || char === ',') tokens.push({ kind: char, column });
      else tokens.push({ kind: 'operator', value: char as Operator, column });
      index++;
      continue;
    }
    const whole = String.fromCodePoint(expression.codePointAt(index) ?? 0);
    throw new ExpressionError(expression, `Unexpected character "${whole}"`, column);
  }
  tokens.push({ kind: 'end', column: expression.length + 1 });
  return tokens;
}
