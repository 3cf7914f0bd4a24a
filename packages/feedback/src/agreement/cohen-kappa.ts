// Cohen's kappa for two raters, and Cohen's (1968) weighted kappa for ordinal scales: how much more
// the two agree than two raters who kept their own label frequencies but chose at random.
// https://en.wikipedia.org/wiki/Cohen%27s_kappa
import {
  indexCategories,
  orderCategories,
  requireLabel,
  requireNonEmpty,
  type Label,
} from './labels.js';
import { invalidInput } from '../feedback-errors.js';
import { sumDisagreements } from './disagreement-sums.js';

/**
 * How a disagreement between categories i and j of k counts: `none` all alike (nominal), `linear`
 * |i − j| / (k − 1), `quadratic` (i − j)² / (k − 1)² — by position on the scale, not by value, as
 * scikit-learn's `cohen_kappa_score` and R irr's `kappa2` do.
 */
export type KappaWeights = 'none' | 'linear' | 'quadratic';

export interface CohenKappaOptions {
  /** Default `none`. */
  weights?: KappaWeights;
  /**
   * Every category in scale order. Needed to weight string labels; worth giving for numbers too
   * when some points of the scale were never used (they still count as distance).
   */
  categories?: readonly Label[];
}

export interface KappaResult {
  /**
   * (p_o − p_e) / (1 − p_e). NaN when p_e = 1 (both raters used one and the same category for
   * everything): agreement beyond chance is then 0/0, and NaN is what scikit-learn returns by
   * default and what R irr's formula gives. `observedAgreement` still shows the raw agreement.
   */
  kappa: number;
  /** p_o; with weights, 1 − the mean weighted disagreement. */
  observedAgreement: number;
  /** p_e from each rater's own marginals; weighted like `observedAgreement`. */
  expectedAgreement: number;
  /** Items both raters rated. */
  items: number;
}

/**
 * Agreement of two raters who rated the same items: `first[i]` and `second[i]` are their labels for
 * item i. Throws InvalidInputError on empty or unequal lists and on labels outside `categories`.
 */
export function cohenKappa(
  first: readonly Label[],
  second: readonly Label[],
  options: CohenKappaOptions = {},
): KappaResult {
  const weights = options.weights ?? 'none';
  if (!['none', 'linear', 'quadratic'].includes(weights)) {
    throw invalidInput('weights', 'must be none, linear or quadratic');
  }
  requireNonEmpty(first, 'first');
  requireNonEmpty(second, 'second');
  if (first.length !== second.length) {
    throw invalidInput('second', `has ${second.length} labels but first has ${first.length}`);
  }
  first.forEach((label, i) => requireLabel(label, `first[${i}]`));
  second.forEach((label, i) => requireLabel(label, `second[${i}]`));

  const categories = orderCategories([...first, ...second], {
    categories: options.categories,
    ordered: weights !== 'none',
    field: 'categories',
    purpose: `${weights} weights`,
  });
  const index = indexCategories(categories);
  const k = categories.length;
  const table = new Array<number>(k * k).fill(0);
  const rows = new Array<number>(k).fill(0);
  const columns = new Array<number>(k).fill(0);
  for (let item = 0; item < first.length; item++) {
    const i = index.get(first[item] as Label) ?? 0;
    const j = index.get(second[item] as Label) ?? 0;
    table[i * k + j] = (table[i * k + j] ?? 0) + 1;
    rows[i] = (rows[i] ?? 0) + 1;
    columns[j] = (columns[j] ?? 0) + 1;
  }

  const n = first.length;
  const distance = disagreementWeight(weights, k);
  // Sums kept as counts (and counts × counts) so that the unweighted case divides exact integers.
  const { observed, expected } = sumDisagreements(table, rows, columns, distance);
  return {
    kappa: 1 - (n * observed) / expected,
    observedAgreement: 1 - observed / n,
    expectedAgreement: 1 - expected / (n * n),
    items: n,
  };
}

function disagreementWeight(weights: KappaWeights, k: number): (i: number, j: number) => number {
  // With one category there is no distance to scale by; every pair is then an agreement.
  const span = Math.max(k - 1, 1);
  if (weights === 'linear') return (i, j) => Math.abs(i - j) / span;
  if (weights === 'quadratic') return (i, j) => ((i - j) / span) ** 2;
  return (i, j) => (i === j ? 0 : 1);
}
