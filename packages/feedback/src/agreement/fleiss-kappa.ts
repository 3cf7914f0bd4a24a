// Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement among many raters"): agreement of
// any number of raters on nominal labels when every item got the same number of ratings. The raters
// need not be the same people from item to item, which fits crowd annotation.
// https://en.wikipedia.org/wiki/Fleiss%27_kappa
import { isList, requireLabel, requireNonEmpty, type Label } from './labels.js';
import { invalidInput } from '../feedback-errors.js';

export interface FleissKappaResult {
  /**
   * (P̄ − P̄e) / (1 − P̄e). NaN when P̄e = 1 (every rating is the same category), where chance
   * already explains all agreement: 0/0, as R irr's `kappam.fleiss` computes it.
   */
  kappa: number;
  /** P̄: the mean over items of the share of rater pairs that agree. */
  observedAgreement: number;
  /** P̄e: Σ p_j², p_j the share of all ratings in category j. */
  expectedAgreement: number;
  items: number;
  ratersPerItem: number;
}

/**
 * `ratings[i]` holds the labels item i received, one per rater, in any order; every item needs the
 * same number (at least two). With missing ratings use `krippendorffAlpha` instead.
 */
export function fleissKappa(ratings: readonly (readonly Label[])[]): FleissKappaResult {
  requireNonEmpty(ratings, 'ratings');
  const raters = ratings[0]?.length ?? 0;
  if (raters < 2) throw invalidInput('ratings[0]', 'needs at least 2 ratings');

  const totals = new Map<Label, number>();
  let agreementSum = 0;
  ratings.forEach((item, i) => {
    if (!isList(item) || item.length !== raters) {
      throw invalidInput(
        `ratings[${i}]`,
        `has ${item?.length ?? 0} ratings but ratings[0] has ${raters}: Fleiss' kappa needs the same number for every item`,
      );
    }
    const counts = new Map<Label, number>();
    item.forEach((label, r) => {
      requireLabel(label, `ratings[${i}][${r}]`);
      counts.set(label, (counts.get(label) ?? 0) + 1);
      totals.set(label, (totals.get(label) ?? 0) + 1);
    });
    let squares = 0;
    for (const count of counts.values()) squares += count * count;
    agreementSum += (squares - raters) / (raters * (raters - 1));
  });

  const allRatings = ratings.length * raters;
  let expected = 0;
  for (const total of totals.values()) expected += (total / allRatings) ** 2;
  const observed = agreementSum / ratings.length;
  return {
    kappa: (observed - expected) / (1 - expected),
    observedAgreement: observed,
    expectedAgreement: expected,
    items: ratings.length,
    ratersPerItem: raters,
  };
}
