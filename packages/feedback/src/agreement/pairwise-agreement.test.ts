import { describe, expect, it } from 'vitest';
import { invalidInputField, vote } from './__fixtures__/agreement-fixtures.js';
import { fleissKappa } from './fleiss-kappa.js';
import { krippendorffAlpha } from './krippendorff-alpha.js';
import { itemAgreement, pairwiseAgreement } from './pairwise-agreement.js';
import type { PairwiseVote } from './pairwise-votes.js';

// Four items, two votes each, shown in varying order. Canonical outcomes (x < y, so x is A):
//   q1: A, A    q2: B, B    q3: A, B    q4: tie, tie
const VOTES: PairwiseVote[] = [
  vote('q1', 'ann-1', ['x', 'y'], 'left'),
  vote('q1', 'ann-2', ['y', 'x'], 'right'),
  vote('q2', 'ann-1', ['y', 'x'], 'left'),
  vote('q2', 'ann-3', ['x', 'y'], 'right'),
  vote('q3', 'ann-2', ['x', 'y'], 'left'),
  vote('q3', 'ann-3', ['x', 'y'], 'right'),
  vote('q4', 'ann-1', ['x', 'y'], 'tie'),
  vote('q4', 'ann-2', ['y', 'x'], 'tie'),
];

describe('pairwiseAgreement', () => {
  it('agrees across opposite display orders and matches a hand computation', () => {
    const result = pairwiseAgreement(VOTES);
    // Raw: 3 of 4 items agree. Fleiss: p_A = p_B = 3/8, p_tie = 2/8, P̄e = 22/64,
    // κ = (3/4 − 22/64) / (1 − 22/64) = 13/21. Krippendorff (nominal): n = 8, D_o = 2/8,
    // D_e = 2·(3·3 + 3·2 + 3·2)/(8·7) = 3/4, α = 1 − (1/4)/(3/4) = 2/3.
    expect(result.rawAgreement).toBe(0.75);
    expect(result.kappa).toBeCloseTo(13 / 21, 12);
    expect(result.alpha).toBeCloseTo(2 / 3, 12);
    expect(result).toMatchObject({ items: 4, votes: 8, outcomes: { A: 3, B: 3, tie: 2 } });
  });

  it('gives the same numbers as the general statistics on the canonical outcomes', () => {
    const units = [
      ['A', 'A'],
      ['B', 'B'],
      ['A', 'B'],
      ['tie', 'tie'],
    ];
    expect(pairwiseAgreement(VOTES).kappa).toBeCloseTo(fleissKappa(units).kappa, 12);
    const coders = [
      ['A', 'B', 'A', 'tie'],
      ['A', 'B', 'B', 'tie'],
    ];
    expect(pairwiseAgreement(VOTES).alpha).toBeCloseTo(krippendorffAlpha(coders).alpha, 12);
  });

  it('keeps both-bad as its own outcome by default, or drops those votes', () => {
    const votes = [
      ...VOTES,
      vote('q5', 'ann-1', ['x', 'y'], 'left'),
      vote('q5', 'ann-2', ['x', 'y'], 'both-bad'),
      vote('q5', 'ann-3', ['y', 'x'], 'right'),
    ];
    const kept = pairwiseAgreement(votes);
    // q5 has 3 votes (A, both-bad, A): 1 agreeing pair of 3; items now differ in size, so no κ.
    expect(kept.rawAgreement).toBeCloseTo((1 + 1 + 0 + 1 + 1 / 3) / 5, 12);
    expect(kept.kappa).toBeUndefined();
    expect(kept.outcomes['both-bad']).toBe(1);

    const dropped = pairwiseAgreement(votes, { bothBad: 'exclude' });
    expect(dropped.rawAgreement).toBeCloseTo((1 + 1 + 0 + 1 + 1) / 5, 12);
    expect(dropped.kappa).toBeDefined();
    expect(dropped.outcomes['both-bad']).toBe(0);
    expect(kept.alpha).toBeLessThan(dropped.alpha);
  });

  it('ignores items with a single vote', () => {
    const result = pairwiseAgreement([...VOTES, vote('q9', 'ann-1', ['x', 'y'], 'left')]);
    expect(result.items).toBe(4);
    expect(result.votes).toBe(8);
  });

  it('is NaN for κ and α when every vote is the same outcome, with raw agreement 1', () => {
    const result = pairwiseAgreement([
      vote('q1', 'ann-1', ['好', '差'], 'right'),
      vote('q1', 'ann-2', ['差', '好'], 'left'),
    ]);
    expect(result.rawAgreement).toBe(1);
    expect(result.kappa).toBeNaN();
    expect(result.alpha).toBeNaN();
  });

  it('throws InvalidInputError without overlap or with a bad option', () => {
    expect(invalidInputField(() => pairwiseAgreement([]))).toBe('votes');
    expect(
      invalidInputField(() => pairwiseAgreement([vote('q1', 'ann-1', ['x', 'y'], 'left')])),
    ).toBe('votes');
    expect(
      invalidInputField(() => pairwiseAgreement(VOTES, { bothBad: 'tie' as unknown as 'exclude' })),
    ).toBe('bothBad');
  });
});

describe('itemAgreement', () => {
  it('gives each compared item its share of agreeing annotator pairs, positions mapped back', () => {
    const votes = [
      // 问题一: three annotators, two display orders, all for 甲 → 1
      vote('问题一', 'ann-1', ['甲', '乙'], 'left'),
      vote('问题一', 'ann-2', ['乙', '甲'], 'right'),
      vote('问题一', 'ann-3', ['甲', '乙'], 'left'),
      // 问题二: A, A, tie → 1 agreeing pair of 3
      vote('问题二', 'ann-1', ['甲', '乙'], 'left'),
      vote('问题二', 'ann-2', ['甲', '乙'], 'left'),
      vote('问题二', 'ann-3', ['乙', '甲'], 'tie'),
      // 问题三: one vote, nothing to compare
      vote('问题三', 'ann-1', ['甲', '乙'], 'right'),
    ];
    expect([...itemAgreement(votes)]).toEqual([
      ['问题一', 1],
      ['问题二', 1 / 3],
    ]);
  });

  it('agrees with pairwiseAgreement: its mean is the raw agreement', () => {
    const perItem = [...itemAgreement(VOTES).values()];
    const mean = perItem.reduce((sum, value) => sum + value, 0) / perItem.length;
    expect(mean).toBeCloseTo(pairwiseAgreement(VOTES).rawAgreement, 12);
  });

  it('drops both-bad votes when asked, which can leave an item with nothing to compare', () => {
    const votes = [
      vote('q', 'ann-1', ['x', 'y'], 'both-bad'),
      vote('q', 'ann-2', ['x', 'y'], 'left'),
    ];
    expect(itemAgreement(votes).get('q')).toBe(0);
    expect(itemAgreement(votes, { bothBad: 'exclude' }).has('q')).toBe(false);
  });
});
