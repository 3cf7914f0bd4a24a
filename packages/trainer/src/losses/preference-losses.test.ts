// The preference losses against cases worked out by hand. At the start of DPO the policy is the
// reference, every implicit reward is 0 and the loss is log 2 = 0.6931 (the 0.69 DPO logs begin
// at); a policy that moved toward the chosen answer lowers it.
import { describe, expect, it } from 'vitest';
import { dpoLoss, logSigmoid, rewardModelLoss } from './preference-losses.js';

describe('logSigmoid', () => {
  it('matches log(1 / (1 + e^−x)) and stays finite far out', () => {
    expect(logSigmoid(0)).toBeCloseTo(-Math.LN2, 12);
    expect(logSigmoid(2)).toBeCloseTo(Math.log(1 / (1 + Math.exp(-2))), 12);
    expect(logSigmoid(-800)).toBe(-800);
    expect(logSigmoid(800)).toBe(-0);
  });
});

describe('rewardModelLoss', () => {
  it('is −log σ(r⁺ − r⁻), with accuracy and margin', () => {
    // Pair 1: difference 1 → log(1 + e^−1) = 0.313262; pair 2: −1 → 1.313262. Mean 0.813262.
    const stats = rewardModelLoss([2, 0], [1, 1]);
    expect(stats.loss).toBeCloseTo(0.813262, 6);
    expect(stats.accuracy).toBe(0.5);
    expect(stats.margin).toBe(0);
  });
});

describe('dpoLoss', () => {
  it('starts at log 2 when the policy is the reference', () => {
    const same = [-12.5, -30.1];
    const stats = dpoLoss({
      policyChosen: same,
      policyRejected: same,
      referenceChosen: same,
      referenceRejected: same,
    });
    expect(stats.loss).toBeCloseTo(Math.LN2, 12);
    expect(stats).toMatchObject({ chosenReward: 0, rejectedReward: 0, margin: 0, accuracy: 0 });
  });

  it('falls as the policy moves toward the chosen answer', () => {
    // Rewards β·(−1 + 1.5) = 0.05 and β·(−2 + 1.5) = −0.05: margin 0.1, loss log(1 + e^−0.1).
    const stats = dpoLoss({
      policyChosen: [-1],
      policyRejected: [-2],
      referenceChosen: [-1.5],
      referenceRejected: [-1.5],
      beta: 0.1,
    });
    expect(stats.chosenReward).toBeCloseTo(0.05, 12);
    expect(stats.rejectedReward).toBeCloseTo(-0.05, 12);
    expect(stats.margin).toBeCloseTo(0.1, 12);
    expect(stats.loss).toBeCloseTo(0.644397, 6);
    expect(stats.accuracy).toBe(1);
  });

  it('names lists of different lengths and a β that is not positive', () => {
    const one = [-1];
    expect(() =>
      dpoLoss({
        policyChosen: one,
        policyRejected: [],
        referenceChosen: one,
        referenceRejected: one,
      }),
    ).toThrow(/one value per pair/);
    expect(() =>
      dpoLoss({
        policyChosen: one,
        policyRejected: one,
        referenceChosen: one,
        referenceRejected: one,
        beta: 0,
      }),
    ).toThrow(/beta/);
  });
});
