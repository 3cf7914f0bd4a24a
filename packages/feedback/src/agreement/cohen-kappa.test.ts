import { describe, expect, it } from 'vitest';
import { invalidInputField } from './__fixtures__/agreement-fixtures.js';
import { cohenKappa } from './cohen-kappa.js';
import type { Label } from './labels.js';

/** Two raters' label lists from a contingency table: table[i][j] items rated labels[i] by the first, labels[j] by the second. */
function fromTable(
  labels: readonly Label[],
  table: readonly (readonly number[])[],
): [Label[], Label[]] {
  const first: Label[] = [];
  const second: Label[] = [];
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let c = 0; c < count; c++) {
        first.push(labels[i] as Label);
        second.push(labels[j] as Label);
      }
    }),
  );
  return [first, second];
}

describe('cohenKappa', () => {
  it('reproduces the Wikipedia worked example: 50 grant proposals, p_o = 0.7, p_e = 0.5, κ = 0.4', () => {
    // https://en.wikipedia.org/wiki/Cohen%27s_kappa#Simple_example — rows reader A, columns reader B.
    const [a, b] = fromTable(
      ['yes', 'no'],
      [
        [20, 5],
        [10, 15],
      ],
    );
    const result = cohenKappa(a, b);
    expect(result.observedAgreement).toBeCloseTo(0.7, 12);
    expect(result.expectedAgreement).toBeCloseTo(0.5, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
    expect(result.items).toBe(50);
  });

  it('gives the same κ with Chinese category names', () => {
    const [a, b] = fromTable(
      ['好', '差'],
      [
        [20, 5],
        [10, 15],
      ],
    );
    expect(cohenKappa(a, b).kappa).toBeCloseTo(0.4, 12);
  });

  it('reproduces Wikipedia\'s "same percentages, different numbers" pair: κ = 0.1304 and 0.2593', () => {
    // Same article, section "Same percentages but different numbers": both tables agree on 60 of 100.
    const first = cohenKappa(
      ...fromTable(
        [1, 2],
        [
          [45, 15],
          [25, 15],
        ],
      ),
    );
    const second = cohenKappa(
      ...fromTable(
        [1, 2],
        [
          [25, 35],
          [5, 35],
        ],
      ),
    );
    expect(first.observedAgreement).toBeCloseTo(0.6, 12);
    expect(first.kappa).toBeCloseTo(0.1304, 4);
    expect(second.kappa).toBeCloseTo(0.2593, 4);
  });

  it('reproduces the three-category example of Artstein & Poesio (2008), Table 4: κ = 0.8013', () => {
    // "Inter-Coder Agreement for Computational Linguistics", Computational Linguistics 34(4), as
    // scikit-learn's test_cohen_kappa (sklearn/metrics/tests/test_classification.py) encodes it.
    const a = [
      ...Array<number>(46).fill(0),
      ...Array<number>(44).fill(1),
      ...Array<number>(10).fill(2),
    ];
    const b = [
      ...Array<number>(52).fill(0),
      ...Array<number>(32).fill(1),
      ...Array<number>(16).fill(2),
    ];
    const result = cohenKappa(a, b);
    expect(result.observedAgreement).toBeCloseTo(0.88, 12);
    expect(result.expectedAgreement).toBeCloseTo(0.396, 12);
    expect(result.kappa).toBeCloseTo(0.8013, 4);
  });

  describe('weighted', () => {
    // scikit-learn's weighting example (test_cohen_kappa: 0.9315, 0.9412, 0.9541), worked by hand.
    // Rows rater 1, columns rater 2, categories 0 < 1 < 2:
    //   [46  0  0]   row sums 46 44 10, column sums 50 40 10, n = 100
    //   [ 4 40  0]   expected counts r_i·c_j/n: [23 18.4 4.6] [22 17.6 4.4] [5 4 1]
    //   [ 0  0 10]
    // Disagreement weights |i−j| (linear) or (i−j)² (quadratic); their scale cancels in
    // κ_w = 1 − Σ w·observed / Σ w·expected.
    //   unweighted: p_o = 0.96, p_e = (46·50 + 44·40 + 10·10)/100² = 0.416, κ = 0.544/0.584 = 68/73
    //   linear:     Σ w·o = 4·1 = 4; Σ w·e = 1·(18.4 + 22 + 4.4 + 4) + 2·(4.6 + 5) = 68; κ = 1 − 4/68 = 16/17
    //   quadratic:  Σ w·o = 4;       Σ w·e = 1·48.8 + 4·9.6 = 87.2;                   κ = 1 − 4/87.2 = 104/109
    const [a, b] = fromTable(
      [0, 1, 2],
      [
        [46, 0, 0],
        [4, 40, 0],
        [0, 0, 10],
      ],
    );

    it('matches the hand computation for none, linear and quadratic weights', () => {
      expect(cohenKappa(a, b).kappa).toBeCloseTo(68 / 73, 12);
      expect(cohenKappa(a, b, { weights: 'linear' }).kappa).toBeCloseTo(16 / 17, 12);
      expect(cohenKappa(a, b, { weights: 'quadratic' }).kappa).toBeCloseTo(104 / 109, 12);
      expect(cohenKappa(a, b, { weights: 'quadratic' }).kappa).toBeCloseTo(0.9541, 4);
    });

    it('reports weighted agreements: 1 − mean weighted disagreement', () => {
      const linear = cohenKappa(a, b, { weights: 'linear' });
      // weights normalised to |i−j|/(k−1): observed 4·0.5/100, expected 68·0.5/100
      expect(linear.observedAgreement).toBeCloseTo(0.98, 12);
      expect(linear.expectedAgreement).toBeCloseTo(0.66, 12);
    });

    it('orders string labels by the given categories (Chinese scale 差 < 中 < 好)', () => {
      const scale = ['差', '中', '好'];
      const [x, y] = fromTable(scale, [
        [46, 0, 0],
        [4, 40, 0],
        [0, 0, 10],
      ]);
      const result = cohenKappa(x, y, { weights: 'quadratic', categories: scale });
      expect(result.kappa).toBeCloseTo(104 / 109, 12);
    });

    it('counts unused points of the scale as distance', () => {
      // Labels 1, 2 and 4 are used; with the full 1–4 scale, 2 → 4 is two steps, not one.
      const x = [1, 2, 4, 4, 1];
      const y = [1, 4, 4, 2, 2];
      const observedOnly = cohenKappa(x, y, { weights: 'linear' }).kappa;
      const fullScale = cohenKappa(x, y, { weights: 'linear', categories: [1, 2, 3, 4] }).kappa;
      expect(fullScale).not.toBeCloseTo(observedOnly, 3);
    });
  });

  describe('edge cases', () => {
    it('is 1 for perfect agreement over several categories', () => {
      expect(cohenKappa(['A', 'B', 'tie'], ['A', 'B', 'tie']).kappa).toBe(1);
    });

    it('is NaN when both raters used one category only (p_e = 1), with p_o still 1', () => {
      const result = cohenKappa(['好', '好', '好'], ['好', '好', '好']);
      expect(result.kappa).toBeNaN();
      expect(result.observedAgreement).toBe(1);
      expect(result.expectedAgreement).toBe(1);
      expect(cohenKappa([3, 3], [3, 3], { weights: 'quadratic' }).kappa).toBeNaN();
    });

    it('throws InvalidInputError naming the field', () => {
      expect(invalidInputField(() => cohenKappa([], []))).toBe('first');
      expect(invalidInputField(() => cohenKappa(['a'], ['a', 'b']))).toBe('second');
      expect(invalidInputField(() => cohenKappa(['a', Number.NaN], ['a', 'b']))).toBe('first[1]');
      expect(
        invalidInputField(() => cohenKappa(['低', '高'], ['低', '高'], { weights: 'linear' })),
      ).toBe('categories');
      expect(invalidInputField(() => cohenKappa([1, 5], [1, 2], { categories: [1, 2, 3] }))).toBe(
        'categories',
      );
      expect(invalidInputField(() => cohenKappa([1], [1], { categories: [1, 1] }))).toBe(
        'categories[1]',
      );
    });
  });
});
