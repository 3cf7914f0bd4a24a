// Position bias audit: with the pair order randomised per vote, the left answer should win about half
// of the decisive votes. A Wilson interval says whether the observed share is still compatible with
// 0.5 (Wilson 1927; Newcombe 1998, "Two-sided confidence intervals for the single proportion").
import { wilsonInterval, Z_95 } from '@repo/core';
import { requireNonEmpty } from './labels.js';
import { requireVote, type PairwiseVote } from './pairwise-votes.js';

/** The 0.975 quantile of the standard normal: a two-sided 95 % interval. */

export interface PositionBiasOptions {
  /** Normal quantile of the interval; default Z_95. */
  z?: number;
}

export interface PositionBiasReport {
  /** Votes for one side (left or right); ties and both-bad say nothing about position. */
  decisive: number;
  leftWins: number;
  rightWins: number;
  ties: number;
  bothBad: number;
  /** leftWins / decisive; NaN without decisive votes. */
  leftWinShare: number;
  /** Wilson score interval of the left-win share; [0, 1] without decisive votes. */
  interval: readonly [number, number];
  /** True when 0.5 lies inside the interval: no position bias detected at this sample size. */
  balanced: boolean;
}

export function positionBias(
  votes: readonly PairwiseVote[],
  options: PositionBiasOptions = {},
): PositionBiasReport {
  const z = options.z ?? Z_95;
  requireNonEmpty(votes, 'votes');
  const counts = { left: 0, right: 0, tie: 0, 'both-bad': 0 };
  votes.forEach((vote, index) => {
    requireVote(vote, `votes[${index}]`);
    counts[vote.choice]++;
  });
  const decisive = counts.left + counts.right;
  const interval = wilsonInterval(counts.left, decisive, z);
  return {
    decisive,
    leftWins: counts.left,
    rightWins: counts.right,
    ties: counts.tie,
    bothBad: counts['both-bad'],
    leftWinShare: counts.left / decisive,
    interval,
    balanced: interval[0] <= 0.5 && 0.5 <= interval[1],
  };
}
