// Agreement between annotators on pairwise votes, after mapping each vote back to canonical order:
// raw agreement and chance-corrected agreement on the outcomes {A, B, tie} (+ both-bad).
import { fleissKappa } from './fleiss-kappa.js';
import { alphaOfUnits } from './krippendorff-alpha.js';
import { type Label } from './labels.js';
import { invalidInput } from '../feedback-errors.js';
import { groupVotesByItem, type PairwiseOutcome, type PairwiseVote } from './pairwise-votes.js';

export interface PairwiseAgreementOptions {
  /**
   * `category` (default) keeps "both bad" as a fourth outcome; `exclude` drops those votes first.
   * Keeping it is the default because dropping hides disagreement: when one annotator says "A is
   * better" and the other "both are bad", excluding the second vote removes exactly that pair.
   */
  bothBad?: 'category' | 'exclude';
}

export interface PairwiseAgreementResult {
  /** Mean over items of the share of annotator pairs that chose the same outcome (Fleiss' P̄). */
  rawAgreement: number;
  /**
   * Fleiss' kappa on the outcomes when every compared item has the same number of votes (the
   * usual fixed overlap, e.g. 2 annotators per item); undefined otherwise, where `alpha` applies.
   */
  kappa: number | undefined;
  /** Krippendorff's nominal alpha on the outcomes: any number of votes per item. */
  alpha: number;
  /** Items with two or more votes; only these are compared. */
  items: number;
  /** Votes on those items. */
  votes: number;
  /** Outcome counts among the compared votes. */
  outcomes: Record<PairwiseOutcome, number>;
}

export function pairwiseAgreement(
  votes: readonly PairwiseVote[],
  options: PairwiseAgreementOptions = {},
): PairwiseAgreementResult {
  const outcomes: Record<PairwiseOutcome, number> = { A: 0, B: 0, tie: 0, 'both-bad': 0 };
  const units = [...comparedItems(votes, options).values()];
  for (const unit of units) for (const outcome of unit) outcomes[outcome]++;
  if (units.length === 0) {
    throw invalidInput('votes', 'have no item with votes from two or more annotators');
  }

  const rawAgreement = mean(units.map(pairAgreement));
  const sameSize = units.every((unit) => unit.length === units[0]?.length);
  return {
    rawAgreement,
    kappa: sameSize ? fleissKappa(units).kappa : undefined,
    alpha: alphaOfUnits(units, { level: 'nominal' }, 'votes').alpha,
    items: units.length,
    votes: units.reduce((sum, unit) => sum + unit.length, 0),
    outcomes,
  };
}

/**
 * Per item with two or more votes, the share of its annotator pairs that chose the same outcome
 * (positions mapped back): what the export's `agreement` filter takes, keyed like the votes.
 */
export function itemAgreement(
  votes: readonly PairwiseVote[],
  options: PairwiseAgreementOptions = {},
): Map<string, number> {
  const result = new Map<string, number>();
  for (const [item, unit] of comparedItems(votes, options)) result.set(item, pairAgreement(unit));
  return result;
}

/** Each item's outcomes (both-bad kept or dropped), for items with two or more of them. */
function comparedItems(
  votes: readonly PairwiseVote[],
  options: PairwiseAgreementOptions,
): Map<string, PairwiseOutcome[]> {
  const bothBad = options.bothBad ?? 'category';
  if (bothBad !== 'category' && bothBad !== 'exclude') {
    throw invalidInput('bothBad', 'must be category or exclude');
  }
  const items = new Map<string, PairwiseOutcome[]>();
  for (const [item, group] of groupVotesByItem(votes)) {
    const unit = group
      .map((vote) => vote.outcome)
      .filter((outcome) => bothBad === 'category' || outcome !== 'both-bad');
    if (unit.length >= 2) items.set(item, unit);
  }
  return items;
}

/** Share of the item's annotator pairs that agree: Σ n_j(n_j − 1) / m(m − 1). */
function pairAgreement(unit: readonly Label[]): number {
  const counts = new Map<Label, number>();
  for (const label of unit) counts.set(label, (counts.get(label) ?? 0) + 1);
  let agreeing = 0;
  for (const count of counts.values()) agreeing += count * (count - 1);
  return agreeing / (unit.length * (unit.length - 1));
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
