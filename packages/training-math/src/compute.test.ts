// Compute and time against the reference cases: GPT-3 (175 B × 300 B tokens: 3.15e23 FLOPs),
// Chinchilla (70 B × 1.4 T: 5.88e23), and 7 B × 2 T tokens on 1,024 H100s at 989 TFLOP/s and
// MFU 0.4: about 2.40 days.
import { describe, expect, it } from 'vitest';
import {
  inferenceFlopsPerToken,
  modelFlopsUtilisation,
  trainingFlops,
  trainingTime,
} from './compute.js';

describe('compute and time', () => {
  it('counts 6·N·D training FLOPs and 2·N per generated token', () => {
    expect(trainingFlops(175e9, 300e9)).toBeCloseTo(3.15e23, -20);
    expect(trainingFlops(70e9, 1.4e12)).toBeCloseTo(5.88e23, -20);
    expect(inferenceFlopsPerToken(7e9)).toBe(1.4e10);
  });

  it('turns FLOPs into days, GPU-hours and cost', () => {
    const time = trainingTime({
      flops: trainingFlops(7e9, 2e12),
      gpus: 1024,
      peakFlopsPerGpu: 989e12,
      mfu: 0.4,
      pricePerGpuHour: 2,
    });
    expect(time.days).toBeCloseTo(2.4, 2);
    expect(time.gpuHours).toBeCloseTo((time.seconds * 1024) / 3600, 6);
    expect(time.cost).toBeCloseTo(time.gpuHours * 2, 6);
  });

  it("gives a run's MFU from its tokens per second", () => {
    // 125k parameters at 3,600 tokens/s on a CPU peaking at 100 GFLOP/s: 2.7 %.
    expect(
      modelFlopsUtilisation({ parameters: 125_000, tokensPerSecond: 3600, peakFlops: 100e9 }),
    ).toBeCloseTo(0.027, 6);
  });

  it('refuses an MFU above 1 and a GPU count of 0', () => {
    const base = { flops: 1e20, gpus: 8, peakFlopsPerGpu: 1e15, mfu: 0.5 };
    expect(() => trainingTime({ ...base, mfu: 40 })).toThrow(/mfu must be at most 1/);
    expect(() => trainingTime({ ...base, gpus: 0 })).toThrow(/gpus must be a positive number/);
  });
});
