// Ratings → one preference pair per prompt, the UltraFeedback/Zephyr way: the answer with the
// highest mean rating is chosen, a random lower-rated one rejected, and a prompt whose answers all
// rate the same gives no pair. The two means are kept (score_chosen / score_rejected).
import type { RatingFeedback } from '../store/feedback-types.js';
import type { ProduceContext, Produced } from './examples-from-votes.js';
import { targetIn } from './examples-from-votes.js';
import { pickOne } from './seeded-random.js';

export function fromRatings(rows: RatingFeedback[], context: ProduceContext): Produced[] {
  // A 4 on a 5-point scale and a 4 on a 7-point scale are not the same judgement.
  if (new Set(rows.map((row) => row.scale)).size > 1) return [{ drop: 'mixed_scales' }];
  const totals = new Map<string, { sum: number; count: number }>();
  for (const row of rows) {
    const scores = Object.values(row.scores);
    const total = totals.get(row.targetId) ?? { sum: 0, count: 0 };
    // Each rating counts once, whatever the number of criteria on its rubric.
    total.sum += scores.reduce((sum, score) => sum + score, 0) / scores.length;
    total.count += 1;
    totals.set(row.targetId, total);
  }
  const means = [...totals].map(([id, { sum, count }]) => ({ id, mean: sum / count }));
  if (means.length < 2) return [{ drop: 'single_response' }];
  const top = Math.max(...means.map((entry) => entry.mean));
  const chosen = pickOne(
    context.random,
    means.filter((entry) => entry.mean === top),
  );
  const lower = means.filter((entry) => entry.mean < top);
  if (chosen === undefined || lower.length === 0) return [{ drop: 'equal_ratings' }];
  const rejected = pickOne(
    context.random,
    lower.filter((entry) => top - entry.mean >= context.ratingMargin),
  );
  if (rejected === undefined) return [{ drop: 'below_margin' }];
  const winner = targetIn(context, chosen.id);
  return [
    {
      type: 'pair',
      source: 'rating',
      prompt: winner.prompt,
      chosen: winner.answer,
      rejected: targetIn(context, rejected.id).answer,
      scores: [chosen.mean, rejected.mean],
    },
  ];
}
