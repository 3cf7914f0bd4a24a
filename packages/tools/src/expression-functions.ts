// The calculator's vocabulary: functions and constants, held in Maps so a name from the model is
// only ever a key lookup (never a property of an object with a prototype).

export const CONSTANTS = new Map<string, number>([
  ['pi', Math.PI],
  ['e', Math.E],
]);

// Trigonometry in radians; tiny results are snapped to 0 so sin(pi) reads 0, not 1.2e-16.
const trig = (fn: (x: number) => number) => (x: number) => {
  const value = fn(x);
  return Math.abs(value) < 1e-15 ? 0 : value;
};

export interface MathFunction {
  arity: [min: number, max: number];
  apply: (...args: number[]) => number;
}

const unary = (apply: (x: number) => number): MathFunction => ({ arity: [1, 1], apply });

export const FUNCTIONS = new Map<string, MathFunction>([
  ['sqrt', unary(Math.sqrt)],
  ['abs', unary(Math.abs)],
  ['floor', unary(Math.floor)],
  ['ceil', unary(Math.ceil)],
  ['log', unary(Math.log)],
  ['ln', unary(Math.log)],
  ['log10', unary(Math.log10)],
  ['exp', unary(Math.exp)],
  ['sin', unary(trig(Math.sin))],
  ['cos', unary(trig(Math.cos))],
  ['tan', unary(trig(Math.tan))],
  ['min', { arity: [1, Infinity], apply: Math.min }],
  ['max', { arity: [1, Infinity], apply: Math.max }],
  // round(x) or round(x, digits)
  [
    'round',
    { arity: [1, 2], apply: (x, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits },
  ],
]);

export const EXPRESSION_FUNCTIONS: readonly string[] = [...FUNCTIONS.keys()];
export const EXPRESSION_CONSTANTS: readonly string[] = [...CONSTANTS.keys()];
