// Per-annotator quality signals for pairwise votes: agreement with the other annotators' majority
// and with gold items (known answers), straight-lining and voting too fast. These flag annotators
// for review or down-weighting; they do not prove bad faith on their own.
import { invalidInput } from '../feedback-errors.js';
import {
  groupVotesByItem,
  type IndexedVote,
  type PairwiseChoice,
  type PairwiseOutcome,
  type PairwiseVote,
} from './pairwise-votes.js';

/** A gold item's known answer: the better candidate's id, or a tie, or both bad. */
export type GoldAnswer = { winner: string } | 'tie' | 'both-bad';

export interface AnnotatorQualityOptions {
  /** Item → known answer. */
  gold?: ReadonlyMap<string, GoldAnswer> | Readonly<Record<string, GoldAnswer>>;
  /** Fewest votes before one repeated choice counts as straight-lining; default 10. */
  straightLiningMinVotes?: number;
  /** Votes faster than this are too fast; unset, timing is not checked (share NaN, never flagged). */
  minDurationMs?: number;
  /** Share of fast votes above which the annotator is flagged; default 0.5. */
  maxFastShare?: number;
}

export interface AgreementTally {
  compared: number;
  agreed: number;
  /** agreed / compared; NaN when nothing could be compared. */
  rate: number;
}

export interface AnnotatorQuality {
  annotator: string;
  votes: number;
  /** Against the strict majority (> half) of the other annotators on the same item; items without one are skipped. */
  consensus: AgreementTally;
  /** Against gold answers, on the gold items this annotator voted on. */
  gold: AgreementTally;
  /** Clicks as displayed. */
  choices: Record<PairwiseChoice, number>;
  /**
   * The same displayed choice on every vote, with at least `straightLiningMinVotes` votes. Checked
   * on what was clicked, not on the canonical outcome: positions are randomised, so always "left"
   * means not reading, while always "A" can be honest when one model is simply better.
   */
  straightLining: boolean;
  /** Votes with a duration, those under `minDurationMs`, and their share (NaN when none is timed). */
  timing: { timed: number; fast: number; share: number };
  tooFast: boolean;
}

/** One row per annotator, sorted by id. Outcomes compare in canonical order; both-bad is its own outcome. */
export function assessAnnotators(
  votes: readonly PairwiseVote[],
  options: AnnotatorQualityOptions = {},
): AnnotatorQuality[] {
  const { straightLiningMinVotes = 10, minDurationMs, maxFastShare = 0.5 } = options;
  if (!(Number.isInteger(straightLiningMinVotes) && straightLiningMinVotes >= 2)) {
    throw invalidInput('straightLiningMinVotes', 'must be a whole number >= 2');
  }
  if (minDurationMs !== undefined && !(Number.isFinite(minDurationMs) && minDurationMs > 0)) {
    throw invalidInput('minDurationMs', 'must be a positive number');
  }
  if (!(maxFastShare >= 0 && maxFastShare <= 1)) {
    throw invalidInput('maxFastShare', 'must be between 0 and 1');
  }
  const groups = groupVotesByItem(votes);
  const gold = readGold(options.gold, groups);
  const rows = new Map<string, AnnotatorQuality>();
  const flags = flagFastVotes(votes, minDurationMs ?? 0);

  for (const [item, group] of groups) {
    for (const entry of group) {
      const row = rows.get(entry.vote.annotator) ?? emptyRow(entry.vote.annotator);
      rows.set(row.annotator, row);
      row.votes++;
      row.choices[entry.vote.choice]++;
      const majority = majorityOfOthers(group, entry);
      if (majority !== undefined) tally(row.consensus, entry.outcome === majority);
      const known = gold.get(item);
      if (known !== undefined) tally(row.gold, entry.outcome === known);
      if (entry.vote.durationMs !== undefined) row.timing.timed++;
      if (flags[entry.index]) row.timing.fast++;
    }
  }
  for (const row of rows.values()) {
    row.consensus.rate = row.consensus.agreed / row.consensus.compared;
    row.gold.rate = row.gold.agreed / row.gold.compared;
    // Unchecked timing has no share: 0 would read as "checked, none too fast".
    row.timing.share =
      minDurationMs === undefined ? Number.NaN : row.timing.fast / row.timing.timed;
    const used = Object.values(row.choices).filter((count) => count > 0).length;
    row.straightLining = row.votes >= straightLiningMinVotes && used === 1;
    row.tooFast = minDurationMs !== undefined && row.timing.share > maxFastShare;
  }
  return [...rows.values()].sort((a, b) => (a.annotator < b.annotator ? -1 : 1));
}

/** Per vote, in the caller's order: true when it has a duration under `minDurationMs`. */
export function flagFastVotes(votes: readonly PairwiseVote[], minDurationMs: number): boolean[] {
  if (!(Number.isFinite(minDurationMs) && minDurationMs >= 0)) {
    throw invalidInput('minDurationMs', 'must be a finite number >= 0');
  }
  return votes.map((vote) => vote.durationMs !== undefined && vote.durationMs < minDurationMs);
}

function majorityOfOthers(
  group: readonly IndexedVote[],
  self: IndexedVote,
): PairwiseOutcome | undefined {
  const counts = new Map<PairwiseOutcome, number>();
  for (const other of group) {
    if (other !== self) counts.set(other.outcome, (counts.get(other.outcome) ?? 0) + 1);
  }
  const others = group.length - 1;
  for (const [outcome, count] of counts) if (count * 2 > others) return outcome;
  return undefined;
}

/** Gold answers as canonical outcomes of the items that were voted on. */
function readGold(
  gold: AnnotatorQualityOptions['gold'],
  groups: ReadonlyMap<string, readonly IndexedVote[]>,
): Map<string, PairwiseOutcome> {
  const outcomes = new Map<string, PairwiseOutcome>();
  const entries = gold instanceof Map ? [...gold] : Object.entries(gold ?? {});
  for (const [item, answer] of entries as [string, GoldAnswer][]) {
    const pair = groups.get(item)?.[0]?.pair;
    if (pair === undefined) continue;
    if (answer === 'tie' || answer === 'both-bad') {
      outcomes.set(item, answer);
    } else if (answer?.winner === pair[0] || answer?.winner === pair[1]) {
      outcomes.set(item, answer.winner === pair[0] ? 'A' : 'B');
    } else {
      throw invalidInput(
        `gold.${item}`,
        `must be tie, both-bad or { winner: ${pair.join(' | ')} }`,
      );
    }
  }
  return outcomes;
}

function emptyRow(annotator: string): AnnotatorQuality {
  return {
    annotator,
    votes: 0,
    consensus: { compared: 0, agreed: 0, rate: Number.NaN },
    gold: { compared: 0, agreed: 0, rate: Number.NaN },
    choices: { left: 0, right: 0, tie: 0, 'both-bad': 0 },
    straightLining: false,
    timing: { timed: 0, fast: 0, share: Number.NaN },
    tooFast: false,
  };
}

function tally(target: AgreementTally, agreed: boolean): void {
  target.compared++;
  if (agreed) target.agreed++;
}
