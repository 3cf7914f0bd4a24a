// Fitting L = c·N^(−α) by least squares on log L against log N: the straight line a scaling
// plot shows on log-log axes. Kaplan et al. 2020 (arXiv:2001.08361) fit α_N ≈ 0.076 this way on
// models of 10⁵ to 10⁹ non-embedding parameters trained to convergence.
import { invalid } from './experiment.js';

export interface PowerLawFit {
  /** The exponent: loss falls as N^(−α), so α > 0 when bigger models reach lower loss. */
  alpha: number;
  /** c in L = c·N^(−α). */
  coefficient: number;
  /** Share of the variance of log L the line explains. */
  r2: number;
}

export function fitPowerLaw(points: readonly { n: number; loss: number }[]): PowerLawFit {
  if (!Array.isArray(points) || points.length < 2)
    throw invalid('points', 'must hold two or more (parameters, loss) pairs');
  if (points.some((p) => !(p.n > 0) || !(p.loss > 0)))
    throw invalid('points', 'must have positive parameter counts and losses (they are logged)');
  const xs = points.map((p) => Math.log(p.n));
  const ys = points.map((p) => Math.log(p.loss));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const y = ys[i] as number;
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
    syy += (y - my) ** 2;
  });
  if (sxx === 0) throw invalid('points', 'must have at least two different parameter counts');
  const slope = sxy / sxx;
  return {
    alpha: -slope,
    coefficient: Math.exp(my - slope * mx),
    r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy),
  };
}
