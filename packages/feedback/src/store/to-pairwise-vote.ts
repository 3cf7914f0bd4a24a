// Stored pairwise feedback as the agreement statistics take it: the item key names the compared
// pair, and shown order and choice are passed on untouched (the statistics map them back).
import type { PairwiseVote } from '../agreement/pairwise-votes.js';
import type { PairwiseFeedback } from './feedback-types.js';

export function toPairwiseVote(feedback: PairwiseFeedback): PairwiseVote {
  const vote: PairwiseVote = {
    item: feedback.itemKey,
    annotator: feedback.annotator.id,
    shown: feedback.shown,
    choice: feedback.choice,
  };
  if (feedback.timeSpentMs !== undefined) vote.durationMs = feedback.timeSpentMs;
  return vote;
}
