// Pairwise votes as stored (what was shown left and right, which side was chosen) and their mapping
// back to a canonical order, so that two annotators who saw the pair in opposite orders but preferred
// the same answer count as agreeing. The canonical pair is the two candidate ids in code-unit order
// (locale-independent, so the same on every server).
import { isList, requireNonEmpty } from './labels.js';
import { invalidInput } from '../feedback-errors.js';

/** What the annotator clicked: a side, a tie, or "both are bad" (a signal of its own, not a tie). */
export type PairwiseChoice = 'left' | 'right' | 'tie' | 'both-bad';

/** The choice in canonical order: A is the candidate whose id sorts first. */
export type PairwiseOutcome = 'A' | 'B' | 'tie' | 'both-bad';

export interface PairwiseVote {
  /** What was judged (a prompt with its two answers); one item compares one pair. */
  item: string;
  annotator: string;
  /** Candidate ids as displayed: [left, right]. */
  shown: readonly [string, string];
  choice: PairwiseChoice;
  /** Time spent on the vote, for the too-fast check. */
  durationMs?: number;
}

export interface CanonicalVote {
  /** The pair in canonical order. */
  pair: readonly [string, string];
  outcome: PairwiseOutcome;
}

export interface IndexedVote extends CanonicalVote {
  vote: PairwiseVote;
  /** Position in the caller's list, for error fields and per-vote flags. */
  index: number;
}

const CHOICES: readonly string[] = ['left', 'right', 'tie', 'both-bad'];

export function requireVote(vote: PairwiseVote, field: string): void {
  for (const key of ['item', 'annotator'] as const) {
    if (typeof vote?.[key] !== 'string' || vote[key] === '') {
      throw invalidInput(`${field}.${key}`, 'must be a non-empty string');
    }
  }
  const shown: readonly unknown[] | undefined = vote.shown;
  if (!isList(shown) || shown?.length !== 2) {
    throw invalidInput(`${field}.shown`, 'must be [left, right]');
  }
  if (!shown.every((id) => typeof id === 'string' && id !== '')) {
    throw invalidInput(`${field}.shown`, 'must hold two non-empty candidate ids');
  }
  if (shown[0] === shown[1])
    throw invalidInput(`${field}.shown`, 'compares a candidate with itself');
  if (!CHOICES.includes(vote.choice)) {
    throw invalidInput(`${field}.choice`, 'must be left, right, tie or both-bad');
  }
  const { durationMs } = vote;
  if (durationMs !== undefined && !(Number.isFinite(durationMs) && durationMs >= 0)) {
    throw invalidInput(`${field}.durationMs`, 'must be a finite number >= 0');
  }
}

/** The vote's pair and outcome in canonical order (the vote is assumed valid). */
export function canonicalizeVote(vote: PairwiseVote): CanonicalVote {
  const [left, right] = vote.shown;
  const swapped = right < left;
  const pair: readonly [string, string] = swapped ? [right, left] : [left, right];
  if (vote.choice === 'tie' || vote.choice === 'both-bad') return { pair, outcome: vote.choice };
  const leftIsA = !swapped;
  const choseA = (vote.choice === 'left') === leftIsA;
  return { pair, outcome: choseA ? 'A' : 'B' };
}

/**
 * Validates every vote and groups them by item, in first-seen order. An item must always compare
 * the same pair, and an annotator votes once per item: the store keeps one vote per (annotator,
 * item), so a second one here means the caller passed the raw log instead of the latest votes.
 */
export function groupVotesByItem(votes: readonly PairwiseVote[]): Map<string, IndexedVote[]> {
  requireNonEmpty(votes, 'votes');
  const groups = new Map<string, IndexedVote[]>();
  votes.forEach((vote, index) => {
    const field = `votes[${index}]`;
    requireVote(vote, field);
    const canonical = canonicalizeVote(vote);
    const group = groups.get(vote.item) ?? [];
    const first = group[0];
    if (first && (first.pair[0] !== canonical.pair[0] || first.pair[1] !== canonical.pair[1])) {
      throw invalidInput(
        `${field}.shown`,
        `compares ${canonical.pair.join('/')} but item ${vote.item} compares ${first.pair.join('/')}`,
      );
    }
    if (group.some((other) => other.vote.annotator === vote.annotator)) {
      throw invalidInput(
        `${field}.annotator`,
        `already voted on item ${vote.item}; pass one vote per annotator and item`,
      );
    }
    group.push({ ...canonical, vote, index });
    groups.set(vote.item, group);
  });
  return groups;
}
