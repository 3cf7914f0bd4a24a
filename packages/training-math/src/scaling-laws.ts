// Scaling laws with their published constants. Kaplan et al. 2020 (arXiv:2001.08361, eqs 1.1–1.3):
// loss as a power law in parameters, data or compute, with the seed article's exponents
// α_N ≈ 0.076, α_D ≈ 0.095, α_C ≈ 0.050. Hoffmann et al. 2022 ("Chinchilla", arXiv:2203.15556):
// L(N, D) = E + A/N^α + B/D^β, and its refit by Besiroglu et al. 2024 (arXiv:2404.10102).
import { positive } from './check-numbers.js';

/** Kaplan's constants: N non-embedding parameters, D tokens, C in PF-days. */
export const KAPLAN = {
  alphaN: 0.076,
  nC: 8.8e13,
  alphaD: 0.095,
  dC: 5.4e13,
  alphaCMin: 0.05,
  cCMinPfDays: 3.1e8,
} as const;

/** `L(N) = (N_c / N)^α_N`: the loss of a model of N parameters trained to convergence. */
export function kaplanLossOfParameters(parameters: number): number {
  return (KAPLAN.nC / positive(parameters, 'parameters')) ** KAPLAN.alphaN;
}

/** `L(D) = (D_c / D)^α_D`: a large model trained on D tokens with early stopping. */
export function kaplanLossOfTokens(tokens: number): number {
  return (KAPLAN.dC / positive(tokens, 'tokens')) ** KAPLAN.alphaD;
}

/** `L(C_min) = (C_c^min / C_min)^α_C^min`, compute in PF-days (1 PF-day = 8.64e19 FLOPs). */
export function kaplanLossOfCompute(pfDays: number): number {
  return (KAPLAN.cCMinPfDays / positive(pfDays, 'pfDays')) ** KAPLAN.alphaCMin;
}

/** `L(N, D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D`. */
export function kaplanLoss(parameters: number, tokens: number): number {
  const n = (KAPLAN.nC / positive(parameters, 'parameters')) ** (KAPLAN.alphaN / KAPLAN.alphaD);
  return (n + KAPLAN.dC / positive(tokens, 'tokens')) ** KAPLAN.alphaD;
}

export interface ChinchillaFit {
  E: number;
  A: number;
  B: number;
  alpha: number;
  beta: number;
}

export const CHINCHILLA_FITS = {
  /** Hoffmann 2022, eq. 3 as usually quoted: a loss estimate; its optimum is off (see below). */
  hoffmannRounded: { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 },
  hoffmann: { E: 1.6934, A: 406.4, B: 410.7, alpha: 0.3392, beta: 0.2849 },
  /** Epoch AI's refit of the same data; its optimum lands near Chinchilla's own 70 B / 1.4 T. */
  besiroglu: { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 },
} as const satisfies Record<string, ChinchillaFit>;

/** `L(N, D) = E + A/N^α + B/D^β`; default the rounded Hoffmann fit. */
export function chinchillaLoss(
  parameters: number,
  tokens: number,
  fit: ChinchillaFit = CHINCHILLA_FITS.hoffmannRounded,
): number {
  const n = positive(parameters, 'parameters');
  const d = positive(tokens, 'tokens');
  return fit.E + fit.A / n ** fit.alpha + fit.B / d ** fit.beta;
}

export interface ComputeOptimum {
  parameters: number;
  tokens: number;
  tokensPerParameter: number;
}

/**
 * The 20-tokens-per-parameter rule: with C = 6·N·D and D = 20·N, `N = sqrt(C / 120)`. Chinchilla
 * (70 B parameters, 1.4 T tokens, 5.88e23 FLOPs) is its own example.
 */
export function chinchillaOptimal(flops: number): ComputeOptimum {
  const parameters = Math.sqrt(positive(flops, 'flops') / 120);
  return { parameters, tokens: 20 * parameters, tokensPerParameter: 20 };
}

/**
 * The optimum of a parametric fit (Hoffmann eq. 4): `G = (α·A / (β·B))^(1/(α+β))`,
 * `N* = G·(C/6)^(β/(α+β))`, `D* = (C/6)/N*`. With the rounded Hoffmann constants it gives about
 * 32.5 B / 3.0 T at Chinchilla's budget, not 70 B / 1.4 T: a reason to prefer the 20× rule or
 * the Besiroglu refit for planning.
 */
export function fitOptimal(flops: number, fit: ChinchillaFit): ComputeOptimum {
  const budget = positive(flops, 'flops') / 6;
  const g = ((fit.alpha * fit.A) / (fit.beta * fit.B)) ** (1 / (fit.alpha + fit.beta));
  const parameters = g * budget ** (fit.beta / (fit.alpha + fit.beta));
  const tokens = budget / parameters;
  return { parameters, tokens, tokensPerParameter: tokens / parameters };
}
