import { InvalidInputError } from '@repo/core';
import { describe, expect, it } from 'vitest';
import type { AssertionResult, CaseResult, CaseStatus, EvalRun } from './eval-run.js';
import { MetricInputError } from './metrics/metrics-errors.js';
import {
  bootstrapInterval,
  compareRuns,
  createRandom,
  passAtK,
  summarizeResults,
  wilsonInterval,
} from './statistics.js';

function makeCase(id: string, status: CaseStatus, overrides: Partial<CaseResult> = {}): CaseResult {
  return {
    id,
    testIndex: 0,
    description: `case ${id}`,
    prompt: 'p',
    provider: 'local',
    vars: {},
    output: '',
    latencyMs: 10,
    usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
    cost: 0.001,
    cached: false,
    attempts: 1,
    assertions: [],
    score: status === 'passed' ? 1 : 0,
    pass: status === 'passed',
    status,
    ...overrides,
  };
}

function makeAssertion(
  type: string,
  score: number,
  overrides: Partial<AssertionResult> = {},
): AssertionResult {
  return { type, pass: score >= 0.5, score, reason: '', method: 'metric', weight: 1, ...overrides };
}

function makeRun(id: string, results: CaseResult[]): EvalRun {
  return {
    id,
    name: `run ${id}`,
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:01:00.000Z',
    status: 'completed',
    results,
    summary: summarizeResults(results, { durationMs: 60_000 }),
  };
}

describe('createRandom', () => {
  it('is mulberry32: the same seed gives the same floats in [0, 1)', () => {
    // reference values from an independent Python port of mulberry32
    const random = createRandom(1);
    expect([random(), random(), random()]).toEqual([
      0.6270739405881613, 0.002735721180215478, 0.5274470399599522,
    ]);
    expect(createRandom(42)()).toBe(0.6011037519201636);
  });
});

describe('bootstrapInterval', () => {
  const values = [1, 0, 1, 1, 0, 1, 1, 1, 0, 1];

  it('is reproducible with a seed and contains the mean', () => {
    const interval = bootstrapInterval(values, { seed: 7 });
    expect(bootstrapInterval(values, { seed: 7 })).toEqual(interval);
    expect(bootstrapInterval(values, { seed: 8 })).not.toEqual(interval);
    expect(interval[0]).toBeLessThan(0.7);
    expect(interval[1]).toBeGreaterThan(0.7);
    // pinned (seed 1): changes only if the generator or the resampling order changes
    expect(bootstrapInterval(values)).toEqual([0.4, 1]);
  });

  it('is about ±1.96·SE for a large sample', () => {
    // 400 items at p = 0.5: SE = √(0.25/400) = 0.025, so the 95% interval is ≈ 0.5 ± 0.049
    const coinFlips = Array.from({ length: 400 }, (_, i) => i % 2);
    const [lower, upper] = bootstrapInterval(coinFlips, { iterations: 2000 });
    expect(lower).toBeCloseTo(0.451, 1);
    expect(upper).toBeCloseTo(0.549, 1);
    expect(upper - lower).toBeGreaterThan(0.09);
    expect(upper - lower).toBeLessThan(0.11);
  });

  it('narrows with lower confidence', () => {
    const [lower95, upper95] = bootstrapInterval(values);
    const [lower50, upper50] = bootstrapInterval(values, { confidence: 0.5 });
    expect(upper50 - lower50).toBeLessThan(upper95 - lower95);
  });

  it('handles empty and constant samples', () => {
    expect(bootstrapInterval([])).toEqual([0, 0]);
    expect(bootstrapInterval([0.1, 0.1, 0.1])).toEqual([0.1, 0.1]);
  });

  it('rejects bad options', () => {
    expect(() => bootstrapInterval(values, { iterations: 0 })).toThrow(MetricInputError);
    expect(() => bootstrapInterval(values, { iterations: 0 })).toThrow(
      'Bootstrap: iterations must be a whole number >= 1, got 0',
    );
    expect(() => bootstrapInterval(values, { confidence: 1 })).toThrow(
      'Confidence must be between 0 and 1, got 1',
    );
  });
});

describe('wilsonInterval', () => {
  it('matches the textbook values', () => {
    // 8/10, z = 1.96: centre = (0.8 + 0.19208)/1.38416 = 0.71674,
    // half = 1.96·√(0.016 + 0.009604)/1.38416 = 0.22658 → [0.4902, 0.9433]
    const [lower, upper] = wilsonInterval(8, 10);
    expect(lower).toBeCloseTo(0.4902, 4);
    expect(upper).toBeCloseTo(0.9433, 4);
    // 0/10: centre = half = 0.19208/1.38416 → [0, 0.2775]
    expect(wilsonInterval(0, 10)[0]).toBe(0);
    expect(wilsonInterval(0, 10)[1]).toBeCloseTo(0.2775, 4);
  });

  it('is [0, 1] without data and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    expect(() => wilsonInterval(11, 10)).toThrow(InvalidInputError);
  });
});

describe('passAtK', () => {
  it('follows Chen et al.', () => {
    // 1 − (1 − 1/8)(1 − 1/9)(1 − 1/10) = 1 − 7/10
    expect(passAtK(10, 3, 1)).toBeCloseTo(0.3, 12);
    // 1 − C(7,5)/C(10,5) = 1 − 21/252 = 11/12
    expect(passAtK(10, 3, 5)).toBeCloseTo(11 / 12, 12);
    // 1 − C(195,10)/C(200,10) = 1 − (186·187·188·189·190)/(196·197·198·199·200) = 0.228284
    expect(passAtK(200, 5, 10)).toBeCloseTo(0.228284, 6);
    expect(passAtK(5, 0, 3)).toBe(0);
  });

  it('is 1 when every k-subset holds a correct sample', () => {
    // n − c = 1 < k = 2
    expect(passAtK(5, 4, 2)).toBe(1);
    expect(passAtK(3, 3, 1)).toBe(1);
  });

  it('rejects k > n and impossible counts', () => {
    expect(() => passAtK(5, 1, 6)).toThrow('pass@6 is undefined with only 5 samples');
    expect(() => passAtK(5, 6, 1)).toThrow(MetricInputError);
    expect(() => passAtK(5, 1, 0)).toThrow(MetricInputError);
  });
});

describe('summarizeResults', () => {
  it('counts, rates and averages over cases that ran', () => {
    const results = [
      makeCase('1', 'passed', {
        assertions: [makeAssertion('bleu', 0.8), makeAssertion('contains', 1, { metric: 'facts' })],
      }),
      makeCase('2', 'failed', {
        assertions: [makeAssertion('bleu', 0.4, { method: 'heuristic' })],
      }),
      makeCase('3', 'error', {
        usage: { promptTokens: 3, completionTokens: 0, totalTokens: 3, cachedTokens: 2 },
      }),
      makeCase('4', 'cancelled', { assertions: [makeAssertion('bleu', 0)], cost: 0 }),
    ];
    const summary = summarizeResults(results, { durationMs: 1234 });
    expect(summary).toMatchObject({
      total: 4,
      passed: 1,
      failed: 1,
      errors: 1,
      cancelled: 1,
      heuristic: true,
      durationMs: 1234,
      usage: { promptTokens: 33, completionTokens: 15, totalTokens: 48, cachedTokens: 2 },
    });
    expect(summary.passRate).toBeCloseTo(1 / 3, 12);
    expect(summary.cost).toBeCloseTo(0.003, 12);
    // bleu: (0.8 + 0.4) / 2, the cancelled case's 0 left out
    expect(summary.namedScores).toEqual({ bleu: expect.closeTo(0.6, 12), facts: 1 });
    // the interval of 0/1 pass values [1, 0, 0] lies within [0, 1] and contains 1/3
    expect(summary.ci95[0]).toBeLessThanOrEqual(1 / 3);
    expect(summary.ci95[1]).toBeGreaterThanOrEqual(1 / 3);
    expect(summary.ci95).toEqual(bootstrapInterval([1, 0, 0]));
  });

  it('is all zeros for no cases', () => {
    expect(summarizeResults([], { durationMs: 0 })).toEqual({
      total: 0,
      passed: 0,
      failed: 0,
      errors: 0,
      cancelled: 0,
      passRate: 0,
      ci95: [0, 0],
      heuristic: false,
      durationMs: 0,
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      cost: 0,
      namedScores: {},
    });
  });
});

describe('compareRuns', () => {
  const a = makeRun('a', [
    makeCase('q1', 'passed'),
    makeCase('q2', 'passed'),
    makeCase('q3', 'failed'),
    makeCase('q4', 'passed'),
    makeCase('q5', 'cancelled'),
    makeCase('old', 'passed'),
  ]);
  const b = makeRun('b', [
    makeCase('q4', 'error', { score: 0.2 }),
    makeCase('q3', 'passed'),
    makeCase('q2', 'failed', { score: 0.4 }),
    makeCase('q1', 'passed'),
    makeCase('q5', 'failed'),
    makeCase('new', 'failed'),
  ]);

  it('lists regressions first, then fixes, each by id', () => {
    const comparison = compareRuns(a, b);
    expect(comparison.flipped).toEqual([
      {
        id: 'q2',
        description: 'case q2',
        before: 'passed',
        after: 'failed',
        scoreBefore: 1,
        scoreAfter: 0.4,
      },
      {
        id: 'q4',
        description: 'case q4',
        before: 'passed',
        after: 'error',
        scoreBefore: 1,
        scoreAfter: 0.2,
      },
      {
        id: 'q3',
        description: 'case q3',
        before: 'failed',
        after: 'passed',
        scoreBefore: 0,
        scoreAfter: 1,
      },
    ]);
    expect(comparison.onlyInA).toEqual(['old']);
    expect(comparison.onlyInB).toEqual(['new']);
  });

  it('measures the delta over paired cases, with a paired interval', () => {
    const comparison = compareRuns(a, b);
    // pairs q1..q4 (q5 was cancelled in a): a passes 3/4, b passes 2/4 → −0.25
    expect(comparison.passRateDelta).toBeCloseTo(-0.25, 12);
    // differences b − a: q1 0, q2 −1, q3 +1, q4 −1
    expect(comparison.ci95).toEqual(bootstrapInterval([0, -1, 1, -1]));
    expect(comparison.ci95[0]).toBeLessThan(-0.25);
    expect(comparison.ci95[1]).toBeGreaterThan(-0.25);
    // each run's own rate: a 4/5 (q5 not counted), b 2/6
    expect(comparison.a).toEqual({ id: 'a', name: 'run a', passRate: 0.8 });
    expect(comparison.b.passRate).toBeCloseTo(1 / 3, 12);
  });

  it('finds nothing between a run and itself', () => {
    const comparison = compareRuns(a, a);
    expect(comparison).toMatchObject({
      flipped: [],
      passRateDelta: 0,
      ci95: [0, 0],
      onlyInA: [],
      onlyInB: [],
    });
  });
});
