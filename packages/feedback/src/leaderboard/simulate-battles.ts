// Battles drawn from known ratings: how a test or benchmark checks that a fit recovers the truth,
// and how a team can ask "how many votes until these two models separate?" before collecting them.
import type { Battle } from './battles.js';
import type { EloScaleOptions } from './leaderboard-input.js';
import { requireFinite, requirePositiveInteger, resolveScale } from './leaderboard-input.js';
import { invalidInput } from '../feedback-errors.js';
import { createRandom } from './random.js';

export interface SimulateBattlesOptions extends EloScaleOptions {
  /** True ratings by model; at least two. */
  ratings: Readonly<Record<string, number>>;
  battles: number;
  /** Default 0. */
  seed?: number;
  /**
   * Share of battles that end in a tie; default 0. A tie takes half its probability from each
   * side's win, so each model's expected score (win 1, tie ½) stays the Bradley–Terry probability
   * p and a fit still recovers `ratings`; that caps the rate at 2·min(p, 1 − p) for lopsided pairs.
   */
  tieRate?: number;
}

/** Each battle: a uniformly random pair, a random side for each, then the outcome. */
export function simulateBattles(options: SimulateBattlesOptions): Battle[] {
  const { scale, base } = resolveScale(options);
  const models = Object.keys(options.ratings ?? {});
  if (models.length < 2) throw invalidInput('ratings', 'must name at least two models');
  const ratings = models.map((model) => requireFinite(options.ratings[model]!, `ratings.${model}`));
  const count = requirePositiveInteger(options.battles, 'battles');
  const tieRate = options.tieRate ?? 0;
  if (!(tieRate >= 0 && tieRate < 1)) {
    throw invalidInput('tieRate', `must be at least 0 and below 1, got ${tieRate}`);
  }
  const random = createRandom(options.seed ?? 0);
  const battles: Battle[] = [];
  for (let k = 0; k < count; k++) {
    const a = Math.floor(random() * models.length);
    let b = Math.floor(random() * (models.length - 1));
    if (b >= a) b++;
    const scoreA = 1 / (1 + base ** ((ratings[b]! - ratings[a]!) / scale));
    const tie = Math.min(tieRate, 2 * Math.min(scoreA, 1 - scoreA));
    const u = random();
    const winner = u < tie ? 'tie' : u < scoreA + tie / 2 ? 'A' : 'B';
    battles.push({ modelA: models[a]!, modelB: models[b]!, winner });
  }
  return battles;
}
