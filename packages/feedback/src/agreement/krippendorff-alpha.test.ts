import { describe, expect, it } from 'vitest';
import { invalidInputField } from './__fixtures__/agreement-fixtures.js';
import { krippendorffAlpha, type ReliabilityData } from './krippendorff-alpha.js';

const _ = null;

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section "C. Nominal data, any
// number of observers, missing data" (https://repository.upenn.edu/asc_papers/43): 4 observers ×
// 12 units; unit 12 has a single value and is ignored. The paper gives α = 0.743 (nominal),
// 0.815 (ordinal), 0.849 (interval) and 0.797 (ratio); the Python `krippendorff` package
// (pln-fing-udelar/fast-krippendorff) tests the ordinal and ratio values on the same data.
const KRIPPENDORFF_2011: ReliabilityData = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

// Wikipedia's computational example, 3 coders × 15 units: α = 0.691 nominal, 0.811 interval
// (https://en.wikipedia.org/wiki/Krippendorff%27s_alpha#A_computational_example); the Python
// package's doctests print 0.691358 and 0.810845.
const WIKIPEDIA: ReliabilityData = [
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
];

describe('krippendorffAlpha', () => {
  it('reproduces Krippendorff (2011) for all four levels, with missing data', () => {
    const alpha = (level: 'nominal' | 'ordinal' | 'interval' | 'ratio'): number =>
      krippendorffAlpha(KRIPPENDORFF_2011, { level }).alpha;
    expect(alpha('nominal')).toBeCloseTo(0.743, 3);
    expect(alpha('ordinal')).toBeCloseTo(0.815, 3);
    expect(alpha('interval')).toBeCloseTo(0.849, 3);
    expect(alpha('ratio')).toBeCloseTo(0.797, 3);
  });

  it("counts only pairable values: 40 values in 11 units (the paper's n = 40)", () => {
    const result = krippendorffAlpha(KRIPPENDORFF_2011);
    expect(result.pairableValues).toBe(40);
    expect(result.units).toBe(11);
    // Nominal: 8 of the 40 coincidences are off the diagonal, so D_o = 8/40; α = 1 − D_o/D_e.
    expect(result.observedDisagreement).toBeCloseTo(8 / 40, 12);
    expect(result.alpha).toBeCloseTo(
      1 - result.observedDisagreement / result.expectedDisagreement,
      12,
    );
  });

  it('reproduces the Wikipedia computational example: 0.691 nominal, 0.811 interval', () => {
    expect(krippendorffAlpha(WIKIPEDIA).alpha).toBeCloseTo(0.691358, 6);
    expect(krippendorffAlpha(WIKIPEDIA, { level: 'interval' }).alpha).toBeCloseTo(0.810845, 6);
  });

  it('takes Chinese labels: nominal as they are, ordinal in the given scale order', () => {
    // The Python package's string-label tests (0.722222 nominal; 0.815 ordinal with a value
    // domain), with the English labels translated.
    const nominal: ReliabilityData = [
      ['正面', '负面', '中性', _],
      ['正面', '负面', '中性', '正面'],
      ['正面', '负面', '正面', '正面'],
    ];
    expect(krippendorffAlpha(nominal).alpha).toBeCloseTo(0.722222, 6);

    const scale = ['很低', '低', '中', '高', '很高'];
    const asWords = KRIPPENDORFF_2011.map((row) =>
      row.map((value) => (typeof value === 'number' ? (scale[value - 1] ?? _) : _)),
    );
    const ordinal = krippendorffAlpha(asWords, { level: 'ordinal', values: scale });
    expect(ordinal.alpha).toBeCloseTo(0.815, 3);
  });

  it('is 1 for perfect agreement at every level', () => {
    const perfect = [
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [1, 2, 3, _],
    ];
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      expect(krippendorffAlpha(perfect, { level }).alpha).toBe(1);
    }
    // Ratio with zeros: (0 − 0)/(0 + 0) counts as no difference, as in the Python package.
    expect(
      krippendorffAlpha(
        [
          [0, 1, 2],
          [0, 1, 2],
        ],
        { level: 'ratio' },
      ).alpha,
    ).toBe(1);
  });

  it('is NaN when all pairable data hold one value (D_e = 0), while D_o is 0', () => {
    const result = krippendorffAlpha([
      ['好', '好', _],
      ['好', '好', '差'],
    ]);
    expect(result.alpha).toBeNaN();
    expect(result.observedDisagreement).toBe(0);
    expect(result.expectedDisagreement).toBe(0);
  });

  it('goes below 0 for systematic disagreement', () => {
    expect(
      krippendorffAlpha([
        ['A', 'B', 'A', 'B'],
        ['B', 'A', 'B', 'A'],
      ]).alpha,
    ).toBeLessThan(0);
  });

  it('throws InvalidInputError naming the field', () => {
    expect(invalidInputField(() => krippendorffAlpha([]))).toBe('reliabilityData');
    expect(
      invalidInputField(() =>
        krippendorffAlpha([
          [1, _],
          [_, 2],
        ]),
      ),
    ).toBe('reliabilityData');
    expect(invalidInputField(() => krippendorffAlpha([[1, 2], [1]]))).toBe('reliabilityData[1]');
    expect(
      invalidInputField(() =>
        krippendorffAlpha([
          [1, 2],
          [1, Number.NaN],
        ]),
      ),
    ).toBe('reliabilityData[1][1]');
    expect(
      invalidInputField(() =>
        krippendorffAlpha(
          [
            ['低', '高'],
            ['低', '低'],
          ],
          { level: 'ordinal' },
        ),
      ),
    ).toBe('values');
    expect(
      invalidInputField(() =>
        krippendorffAlpha(
          [
            ['低', '高'],
            ['低', '低'],
          ],
          { level: 'interval' },
        ),
      ),
    ).toBe('reliabilityData');
    expect(
      invalidInputField(() =>
        krippendorffAlpha(
          [
            [1, 2],
            [1, 3],
          ],
          { values: [1, 2] },
        ),
      ),
    ).toBe('values');
  });
});
