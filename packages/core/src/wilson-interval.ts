// The Wilson score interval of a proportion (Wilson 1927; Newcombe 1998, "Two-sided confidence
// intervals for the single proportion", method 3), shared by evaluation's pass rates and
// feedback's position-bias report: unlike p ± z·SE it stays inside [0, 1] and keeps its coverage
// for small n or shares near 0 or 1.
import { InvalidInputError } from './ai-errors.js';

/** z of a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

/** [lower, upper] of successes/n; n = 0 → [0, 1] (nothing is known). */
export function wilsonInterval(successes: number, n: number, z = Z_95): [number, number] {
  if (!(Number.isInteger(n) && Number.isInteger(successes) && successes >= 0 && successes <= n))
    throw new InvalidInputError(
      `Need whole numbers 0 <= successes <= n, got ${successes} of ${n}`,
      [{ field: 'successes', reason: 'must be a whole number between 0 and n' }],
    );
  if (!(Number.isFinite(z) && z > 0))
    throw new InvalidInputError(`z must be a positive number, got ${z}`, [
      { field: 'z', reason: 'must be a positive number' },
    ]);
  if (n === 0) return [0, 1];
  const p = successes / n;
  const zz = z * z;
  const denominator = 1 + zz / n;
  const centre = (p + zz / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + zz / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
