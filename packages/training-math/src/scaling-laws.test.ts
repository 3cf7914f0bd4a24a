// Scaling laws against the reference values: Kaplan L(N = 1e9) = 2.376 and L(D = 1e11) = 1.818
// (constants of Kaplan et al. 2020, eqs 1.1–1.2); the Chinchilla loss at 70 B / 1.4 T with the
// rounded Hoffmann fit = 1.937; the 20× rule's optimum at 5.88e23 FLOPs = 70 B / 1.4 T; the
// fits' own optima (Hoffmann rounded ≈ 32.5 B / 3.0 T, Besiroglu ≈ 73 B / 1.34 T).
import { describe, expect, it } from 'vitest';
import {
  CHINCHILLA_FITS,
  chinchillaLoss,
  chinchillaOptimal,
  fitOptimal,
  kaplanLoss,
  kaplanLossOfCompute,
  kaplanLossOfParameters,
  kaplanLossOfTokens,
} from './scaling-laws.js';

describe('Kaplan', () => {
  it('predicts the loss from parameters and from tokens with the seed article’s exponents', () => {
    expect(kaplanLossOfParameters(1e9)).toBeCloseTo(2.376, 3);
    expect(kaplanLossOfTokens(1e11)).toBeCloseTo(1.818, 3);
  });

  it('falls as parameters, tokens or compute grow, and L(N, D) tends to L(N) as D grows', () => {
    expect(kaplanLossOfParameters(1e10)).toBeLessThan(kaplanLossOfParameters(1e9));
    expect(kaplanLossOfCompute(10)).toBeLessThan(kaplanLossOfCompute(1));
    expect(kaplanLoss(1e9, 1e20)).toBeCloseTo(kaplanLossOfParameters(1e9), 3);
    expect(kaplanLoss(1e9, 1e10)).toBeGreaterThan(kaplanLossOfParameters(1e9));
  });
});

describe('Chinchilla', () => {
  it('gives 1.937 at 70 B parameters and 1.4 T tokens (rounded Hoffmann fit)', () => {
    expect(chinchillaLoss(70e9, 1.4e12)).toBeCloseTo(1.937, 3);
  });

  it('puts the 20×-rule optimum for 5.88e23 FLOPs at 70 B parameters and 1.4 T tokens', () => {
    const optimum = chinchillaOptimal(5.88e23);
    expect(optimum.parameters / 1e9).toBeCloseTo(70, 6);
    expect(optimum.tokens / 1e12).toBeCloseTo(1.4, 6);
  });

  it('shows that the rounded fit’s own optimum misses Chinchilla and the refit does not', () => {
    const rounded = fitOptimal(5.88e23, CHINCHILLA_FITS.hoffmannRounded);
    expect(rounded.parameters / 1e9).toBeCloseTo(32.5, 0);
    expect(rounded.tokens / 1e12).toBeCloseTo(3.0, 1);
    const refit = fitOptimal(5.88e23, CHINCHILLA_FITS.besiroglu);
    expect(refit.parameters / 1e9).toBeCloseTo(73, 0);
    expect(refit.tokens / 1e12).toBeCloseTo(1.34, 2);
    expect(refit.tokensPerParameter).toBeCloseTo(18.4, 0);
  });
});
