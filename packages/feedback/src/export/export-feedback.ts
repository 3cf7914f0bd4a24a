// Feedback → training data, streamed: each kind the format uses is read group by group from a
// snapshot of the store (rows written during the export are left for the next one), each group is
// filtered by agreement and turned into examples, and each example becomes one JSONL line. The
// data card is built beside the lines and is complete when they are.
import type { FeedbackStore } from '../store/feedback-store.js';
import type {
  CorrectionFeedback,
  Feedback,
  FeedbackKind,
  PairwiseFeedback,
  RankingFeedback,
  RatingFeedback,
  ThumbsFeedback,
} from '../store/feedback-types.js';
import { fromRatings } from './binarize-ratings.js';
import { DataCardBuilder } from './data-card.js';
import { fromCorrections, fromPairwise, fromRankings, fromThumbs } from './examples-from-votes.js';
import type { ProduceContext, Produced } from './examples-from-votes.js';
import type { ExportOptions, FeedbackExport } from './export-types.js';
import { formatLine } from './format-lines.js';
import type { ExportPlan } from './plan-export.js';
import { planExport } from './plan-export.js';
import { readGroups } from './read-groups.js';
import { seededRandom } from './seeded-random.js';

const PRODUCERS: Record<FeedbackKind, (rows: Feedback[], context: ProduceContext) => Produced[]> = {
  thumbs: (rows, context) => fromThumbs(rows as ThumbsFeedback[], context),
  rating: (rows, context) => fromRatings(rows as RatingFeedback[], context),
  pairwise: (rows, context) => fromPairwise(rows as PairwiseFeedback[], context),
  ranking: (rows, context) => fromRankings(rows as RankingFeedback[], context),
  correction: (rows, context) => fromCorrections(rows as CorrectionFeedback[], context),
};

/** Checks the options at once (InvalidInputError); reading starts when `lines` is iterated. */
export function exportFeedback(store: FeedbackStore, options: ExportOptions): FeedbackExport {
  const plan = planExport(options);
  const card = new DataCardBuilder(plan);
  return { lines: writeLines(store, plan, card), card: () => card.snapshot() };
}

async function* writeLines(
  store: FeedbackStore,
  plan: ExportPlan,
  card: DataCardBuilder,
): AsyncGenerator<string> {
  const untilSequence = plan.untilSequence ?? (await store.lastSequence());
  await card.describeSource(store, untilSequence);
  for (const kind of plan.kinds) {
    const query = { ...card.readQuery(untilSequence), kind };
    for await (const group of readGroups(store, query, plan.pageSize)) {
      const rows = keepAgreed(group.rows, plan, card);
      if (rows.length === 0) continue;
      const context: ProduceContext = {
        family: plan.family,
        targets: group.targets,
        rankingPairs: plan.rankingPairs,
        ratingMargin: plan.ratingMargin,
        bothBadAsNegatives: plan.bothBadAsNegatives,
        random: seededRandom(plan.seed, group.key),
      };
      for (const produced of PRODUCERS[kind](rows, context)) {
        if ('drop' in produced) {
          card.dropped(produced.drop);
          continue;
        }
        card.written(produced);
        yield formatLine(plan.format, produced);
      }
    }
  }
  card.finish();
}

/**
 * The rows of items whose agreement reaches the minimum. Corrections are free text, with no
 * agreement to compute, so they pass.
 */
function keepAgreed(rows: Feedback[], plan: ExportPlan, card: DataCardBuilder): Feedback[] {
  const { agreement, minAgreement } = plan;
  if (minAgreement === undefined || agreement === undefined) return rows;
  const verdicts = new Map<string, boolean>();
  for (const row of rows) {
    if (row.kind === 'correction' || verdicts.has(row.itemKey)) continue;
    const score = agreement.get(row.itemKey);
    const keep = score === undefined ? plan.missingAgreement === 'keep' : score >= minAgreement;
    if (!keep) card.dropped(score === undefined ? 'agreement_unknown' : 'low_agreement');
    verdicts.set(row.itemKey, keep);
  }
  return rows.filter((row) => verdicts.get(row.itemKey) !== false);
}
