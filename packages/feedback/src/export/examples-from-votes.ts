// One group of current, submitted answers on one item → training examples, or the reason there is
// none. An item answered by several annotators gives one example from their plurality verdict, not
// one per vote: duplicates would weight it, and split votes would teach both directions.
import type {
  CorrectionFeedback,
  FeedbackTarget,
  PairwiseFeedback,
  RankingFeedback,
  ThumbsFeedback,
} from '../store/feedback-types.js';
import type { DropReason, ExampleFamily, TrainingExample } from './export-types.js';
import { pickOne } from './seeded-random.js';

export type Produced = TrainingExample | { drop: DropReason };

export interface ProduceContext {
  family: ExampleFamily;
  targets: Map<string, FeedbackTarget>;
  rankingPairs: 'all' | 'best-vs-random-worse';
  ratingMargin: number;
  bothBadAsNegatives: boolean;
  random: () => number;
}

const drop = (reason: DropReason): Produced => ({ drop: reason });

/** The key with strictly the most votes; undefined when the top is shared (a split vote). */
export function plurality<K extends string>(counts: Record<K, number>): K | undefined {
  const sorted = (Object.entries(counts) as Array<[K, number]>).sort((x, y) => y[1] - x[1]);
  const [top, next] = sorted;
  return top && top[1] > 0 && (!next || top[1] > next[1]) ? top[0] : undefined;
}

export function targetIn(context: ProduceContext, responseId: string): FeedbackTarget {
  return context.targets.get(responseId) as FeedbackTarget;
}

export function fromThumbs(rows: ThumbsFeedback[], context: ProduceContext): Produced[] {
  const up = rows.filter((row) => row.value === 'up').length;
  const verdict = plurality({ up, down: rows.length - up });
  if (verdict === undefined) return [drop('no_majority')];
  const { prompt, answer } = targetIn(context, (rows[0] as ThumbsFeedback).targetId);
  if (context.family === 'unpaired')
    return [
      { type: 'unpaired', source: 'thumbs', prompt, completion: answer, label: verdict === 'up' },
    ];
  // A thumbs-down answer is not something to imitate.
  if (verdict === 'down') return [drop('thumbs_down')];
  return [{ type: 'sft', source: 'thumbs', prompt, answer }];
}

export function fromCorrections(rows: CorrectionFeedback[], context: ProduceContext): Produced[] {
  const { prompt, answer } = targetIn(context, (rows[0] as CorrectionFeedback).targetId);
  const seen = new Set<string>();
  return rows.map((row): Produced => {
    if (seen.has(row.text)) return drop('duplicate_correction');
    seen.add(row.text);
    if (context.family === 'sft')
      return { type: 'sft', source: 'correction', prompt, answer: row.text };
    // The edited answer is preferred over the one it corrects.
    return { type: 'pair', source: 'correction', prompt, chosen: row.text, rejected: answer };
  });
}

export function fromPairwise(rows: PairwiseFeedback[], context: ProduceContext): Produced[] {
  const counts = { A: 0, B: 0, tie: 0, 'both-bad': 0 };
  for (const row of rows) counts[row.outcome] += 1;
  const verdict = plurality(counts);
  const [first, second] = (rows[0] as PairwiseFeedback).candidates.map((id) =>
    targetIn(context, id),
  ) as [FeedbackTarget, FeedbackTarget];
  if (verdict === undefined) return [drop('no_majority')];
  if (verdict === 'tie') return [drop('tie')];
  if (context.family === 'unpaired') {
    if (verdict !== 'both-bad') return [drop('not_both_bad')];
    return [first, second].map((t) => ({
      type: 'unpaired',
      source: 'pairwise',
      prompt: t.prompt,
      completion: t.answer,
      label: false,
    }));
  }
  if (verdict === 'both-bad') return [drop('both_bad')];
  const [chosen, rejected] = verdict === 'A' ? [first, second] : [second, first];
  return [pairOf('pairwise', chosen, rejected)];
}

export function fromRankings(rows: RankingFeedback[], context: ProduceContext): Produced[] {
  const candidates = (rows[0] as RankingFeedback).candidates;
  // Each annotator's ranking as pairwise votes; each pair is decided by plurality, as a pairwise item.
  const places = rows.map(
    (row) => new Map(row.ranking.flatMap((group, place) => group.map((id) => [id, place]))),
  );
  const beats = new Map<string, Set<string>>(candidates.map((id) => [id, new Set<string>()]));
  const produced: Produced[] = [];
  candidates.forEach((a, i) =>
    candidates.slice(i + 1).forEach((b) => {
      const counts = { a: 0, b: 0, tie: 0 };
      for (const place of places) {
        const diff = (place.get(a) ?? 0) - (place.get(b) ?? 0);
        counts[diff < 0 ? 'a' : diff > 0 ? 'b' : 'tie'] += 1;
      }
      const verdict = plurality(counts);
      if (verdict === 'a') beats.get(a)?.add(b);
      else if (verdict === 'b') beats.get(b)?.add(a);
      else if (context.rankingPairs === 'all')
        produced.push(drop(verdict === 'tie' ? 'tie' : 'no_majority'));
    }),
  );
  const pairs = (winner: string, losers: Iterable<string>) =>
    [...losers].map((loser) =>
      pairOf('ranking', targetIn(context, winner), targetIn(context, loser)),
    );
  if (context.rankingPairs === 'all')
    return [...produced, ...candidates.flatMap((id) => pairs(id, beats.get(id) ?? []))];
  // One pair per ranking, so a long ranking does not outweigh short ones (InstructGPT instead
  // batches all C(K,2)): the answer that wins the most pairs against a random one it beats.
  const most = Math.max(...candidates.map((id) => beats.get(id)?.size ?? 0));
  const best = pickOne(
    context.random,
    candidates.filter((id) => beats.get(id)?.size === most),
  );
  const worse = pickOne(context.random, [...(beats.get(best ?? '') ?? [])]);
  if (best === undefined || worse === undefined) return [drop('no_worse_candidate')];
  return pairs(best, [worse]);
}

export function pairOf(
  source: TrainingExample['source'],
  chosen: FeedbackTarget,
  rejected: FeedbackTarget,
): Produced {
  return {
    type: 'pair',
    source,
    prompt: chosen.prompt,
    chosen: chosen.answer,
    rejected: rejected.answer,
  };
}
