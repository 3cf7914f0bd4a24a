import { describe, expect, it } from 'vitest';
import { invalidInputField } from './__fixtures__/agreement-fixtures.js';
import { fleissKappa } from './fleiss-kappa.js';
import type { Label } from './labels.js';

/** Items' labels from a subjects × categories count table (Fleiss' n_ij). */
function fromCounts(
  categories: readonly Label[],
  counts: readonly (readonly number[])[],
): Label[][] {
  return counts.map((row) => row.flatMap((n, j) => Array<Label>(n).fill(categories[j] as Label)));
}

// Wikipedia's worked example: 14 raters sort 10 subjects into 5 categories, with P̄ = 0.378,
// P̄e = 0.213 and κ = 0.210. https://en.wikipedia.org/wiki/Fleiss%27_kappa#Worked_example
const WIKIPEDIA_COUNTS = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

describe('fleissKappa', () => {
  it('reproduces the Wikipedia worked example: P̄ = 0.378, P̄e = 0.213, κ = 0.210', () => {
    const result = fleissKappa(fromCounts([1, 2, 3, 4, 5], WIKIPEDIA_COUNTS));
    expect(result.observedAgreement).toBeCloseTo(0.378, 3);
    expect(result.expectedAgreement).toBeCloseTo(0.213, 3);
    expect(result.kappa).toBeCloseTo(0.21, 3);
    // Unrounded: P̄ = 0.378022, P̄e = 0.213453, κ = 0.2099307.
    expect(result.kappa).toBeCloseTo(0.2099307, 6);
    expect(result).toMatchObject({ items: 10, ratersPerItem: 14 });
  });

  it('does not depend on category names or on the order of ratings within an item', () => {
    const names = ['很差', '差', '一般', '好', '很好'];
    const shuffled = fromCounts(names, WIKIPEDIA_COUNTS).map((item) => [...item].reverse());
    expect(fleissKappa(shuffled).kappa).toBeCloseTo(0.2099307, 6);
  });

  it('is 1 for perfect agreement and NaN when every rating is the same category', () => {
    expect(
      fleissKappa([
        ['A', 'A', 'A'],
        ['B', 'B', 'B'],
        ['tie', 'tie', 'tie'],
      ]).kappa,
    ).toBe(1);
    const single = fleissKappa([
      ['好', '好'],
      ['好', '好'],
    ]);
    expect(single.kappa).toBeNaN();
    expect(single.observedAgreement).toBe(1);
  });

  it('throws InvalidInputError for empty input, fewer than 2 raters and unequal rater counts', () => {
    expect(invalidInputField(() => fleissKappa([]))).toBe('ratings');
    expect(invalidInputField(() => fleissKappa([['A']]))).toBe('ratings[0]');
    expect(invalidInputField(() => fleissKappa([['A', 'B'], ['A']]))).toBe('ratings[1]');
    expect(
      invalidInputField(() =>
        fleissKappa([
          ['A', 'B'],
          ['A', Number.NaN],
        ]),
      ),
    ).toBe('ratings[1][1]');
  });
});
