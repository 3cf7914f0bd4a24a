// The preference losses of the alignment stages on plain numbers: the reference the trainer's
// tensor versions are tested against, and what a workshop computes by hand. Reward model
// (InstructGPT's Bradley–Terry loss): −log σ(r_chosen − r_rejected). DPO (Rafailov et al. 2023;
// TRL's dpo_trainer): −log σ(β·[(log π(y⁺) − log π_ref(y⁺)) − (log π(y⁻) − log π_ref(y⁻))]), with
// the implicit rewards β·(log π − log π_ref) that DPO logs. log σ is written as −softplus(−x), the
// form that stays finite for large |x| (tfjs' logSigmoid gradient crashed on the WASM backend).
import { InvalidInputError } from '@repo/core';

/** `log σ(x) = −log(1 + e^(−x))`, without overflow either way. */
export function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

export interface PreferenceBatchStats {
  /** Mean loss over the batch. */
  loss: number;
  /** Share of pairs whose chosen answer scores higher. */
  accuracy: number;
  /** Mean of chosen − rejected. */
  margin: number;
}

function sameLengths(fields: Record<string, readonly number[]>): number {
  const lengths = Object.values(fields).map((values) => values.length);
  const [n] = lengths;
  if (!n || lengths.some((length) => length !== n))
    throw new InvalidInputError('Every list must hold one value per pair, and at least one pair', [
      { field: Object.keys(fields).join(', '), reason: 'must be non-empty and of equal length' },
    ]);
  return n;
}

/** Bradley–Terry reward-model loss over a batch of (chosen, rejected) scores. */
export function rewardModelLoss(
  chosen: readonly number[],
  rejected: readonly number[],
): PreferenceBatchStats {
  const n = sameLengths({ chosen, rejected });
  let loss = 0;
  let right = 0;
  let margin = 0;
  for (let i = 0; i < n; i++) {
    const difference = (chosen[i] as number) - (rejected[i] as number);
    loss -= logSigmoid(difference);
    if (difference > 0) right++;
    margin += difference;
  }
  return { loss: loss / n, accuracy: right / n, margin: margin / n };
}

export interface DpoBatch {
  /** Sequence log-probabilities (summed over the answer's tokens) under the policy… */
  policyChosen: readonly number[];
  policyRejected: readonly number[];
  /** …and under the frozen reference model. */
  referenceChosen: readonly number[];
  referenceRejected: readonly number[];
  /** How far from the reference the policy may move; TRL's default 0.1. */
  beta?: number;
}

export interface DpoStats extends PreferenceBatchStats {
  /** Mean implicit rewards β·(log π − log π_ref) of the chosen and the rejected answers. */
  chosenReward: number;
  rejectedReward: number;
}

export function dpoLoss(batch: DpoBatch): DpoStats {
  const { policyChosen, policyRejected, referenceChosen, referenceRejected } = batch;
  const beta = batch.beta ?? 0.1;
  if (!(beta > 0))
    throw new InvalidInputError('beta must be a positive number', [
      { field: 'beta', reason: 'must be positive' },
    ]);
  const n = sameLengths({ policyChosen, policyRejected, referenceChosen, referenceRejected });
  const chosen: number[] = [];
  const rejected: number[] = [];
  for (let i = 0; i < n; i++) {
    chosen.push(beta * ((policyChosen[i] as number) - (referenceChosen[i] as number)));
    rejected.push(beta * ((policyRejected[i] as number) - (referenceRejected[i] as number)));
  }
  const stats = rewardModelLoss(chosen, rejected);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / n;
  return { ...stats, chosenReward: mean(chosen), rejectedReward: mean(rejected) };
}
