// Online Elo, as Chatbot Arena first ranked models (FastChat `compute_elo`,
// https://github.com/lm-sys/FastChat/blob/main/fastchat/serve/monitor/elo_analysis.py;
// https://lmsys.org/blog/2023-05-03-arena/). Each battle moves the two ratings at once, so the
// result depends on battle order; `fitBradleyTerry` is the order-independent alternative that the
// leaderboard moved to (https://lmsys.org/blog/2023-12-07-leaderboard/).
import type { Battle } from './battles.js';
import { validateBattles } from './battles.js';
import type { RatedModel, EloScaleOptions } from './leaderboard-input.js';
import { requirePositive, resolveScale, sortByRating } from './leaderboard-input.js';

export interface OnlineEloOptions extends EloScaleOptions {
  /** Points at stake per battle; default 4, Chatbot Arena's (chess uses 10–40 for fewer games). */
  k?: number;
}

/**
 * Plays `battles` in order: E_A = 1 / (1 + base^((R_B − R_A) / scale)), R_A += k·(S_A − E_A) and
 * R_B −= the same, with S_A = 1 for a win, ½ for a tie or both-bad, 0 for a loss.
 */
export function computeOnlineElo(
  battles: readonly Battle[],
  options: OnlineEloOptions = {},
): RatedModel[] {
  const k = requirePositive(options.k ?? 4, 'k');
  const { scale, base, initialRating } = resolveScale(options);
  validateBattles(battles); // all or nothing: no rating moves before a bad battle is found
  const ratings = new Map<string, number>();
  for (const { modelA, modelB, winner } of battles) {
    const ratingA = ratings.get(modelA) ?? initialRating;
    const ratingB = ratings.get(modelB) ?? initialRating;
    const expectedA = 1 / (1 + base ** ((ratingB - ratingA) / scale));
    const scoreA = winner === 'A' ? 1 : winner === 'B' ? 0 : 0.5;
    const update = k * (scoreA - expectedA);
    ratings.set(modelA, ratingA + update);
    ratings.set(modelB, ratingB - update);
  }
  return sortByRating([...ratings].map(([model, rating]) => ({ model, rating })));
}
