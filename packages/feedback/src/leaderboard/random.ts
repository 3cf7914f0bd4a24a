// Seeded sampling for the bootstrap (core's createRandom underneath): exact binomial and
// multinomial draws, so the same seed gives the same intervals everywhere.

import type { Random } from '@repo/core';

export { createRandom, type Random } from '@repo/core';

const SMALL_LOG_FACTORIALS = new Float64Array(256);
for (let k = 2; k < 256; k++) {
  SMALL_LOG_FACTORIALS[k] = SMALL_LOG_FACTORIALS[k - 1]! + Math.log(k);
}

/** ln(k!): a table below 256, Stirling's series above (truncated at an error below 1e-20). */
export function logFactorial(k: number): number {
  if (k < 256) return SMALL_LOG_FACTORIALS[k]!;
  const inverse = 1 / k;
  const inverseSquared = inverse * inverse;
  return (
    (k + 0.5) * Math.log(k) -
    k +
    0.5 * Math.log(2 * Math.PI) +
    inverse * (1 / 12 - inverseSquared * (1 / 360 - inverseSquared / 1260))
  );
}

/**
 * An exact Binomial(n, p) draw by inversion, searching outwards from the mode (Kemp 1986's modal
 * method): it takes about as many steps as the standard deviation, so a cell expected to hold
 * 10,000 battles costs ~100 multiplications, not 10,000 coin flips.
 */
export function sampleBinomial(n: number, p: number, random: Random): number {
  if (n === 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - sampleBinomial(n, 1 - p, random);
  const q = 1 - p;
  const odds = p / q;
  const mode = Math.floor((n + 1) * p);
  const modeMass = Math.exp(
    logFactorial(n) -
      logFactorial(mode) -
      logFactorial(n - mode) +
      mode * Math.log(p) +
      (n - mode) * Math.log(q),
  );
  let u = random() - modeMass;
  let below = mode;
  let above = mode;
  let belowMass = modeMass;
  let aboveMass = modeMass;
  while (u > 0 && (below > 0 || above < n)) {
    if (below > 0) {
      belowMass *= below / ((n - below + 1) * odds);
      below--;
      u -= belowMass;
      if (u <= 0) return below;
    }
    if (above < n) {
      aboveMass *= ((n - above) * odds) / (above + 1);
      above++;
      u -= aboveMass;
      if (u <= 0) return above;
    }
  }
  return mode; // only rounding residue (u within 1e-15 of 1) gets here
}

/**
 * Multinomial(n, weights / Σweights) into `out`, as a chain of binomials: cell k gets
 * Binomial(remaining draws, weight k / remaining weight). Integer weights keep that ratio exact.
 */
export function sampleMultinomial(
  n: number,
  weights: Float64Array,
  random: Random,
  out: Float64Array,
): void {
  let remainingWeight = 0;
  for (const weight of weights) remainingWeight += weight;
  let remaining = n;
  for (let k = 0; k < weights.length; k++) {
    const weight = weights[k]!;
    const drawn =
      remaining === 0 || weight === 0
        ? 0
        : sampleBinomial(remaining, Math.min(1, weight / remainingWeight), random);
    out[k] = drawn;
    remaining -= drawn;
    remainingWeight -= weight;
  }
}
