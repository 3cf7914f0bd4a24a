// Memory against the reference values: ZeRO's Figure 1 (Ψ 7.5 B on 64 GPUs: 120 / 31.4 / 16.6 /
// 1.9 GB), Korthikanti et al.'s activations (GPT-3 at s 2,048, b 1: 2.87 GB per layer) and the KV
// cache of Llama-2-7B at 2,048 tokens in fp16 (1 GiB).
import { describe, expect, it } from 'vitest';
import {
  activationBytesPerLayer,
  kvCacheBytes,
  loraBytes,
  modelStateBytes,
  zeroBytesPerGpu,
} from './memory.js';

const GB = 1e9;

describe('memory', () => {
  it('gives bytes per parameter by optimizer: Adam 16, Lion 12, LOMO 2', () => {
    expect(modelStateBytes(7e9, 'mixed-adam') / GB).toBe(112);
    expect(modelStateBytes(7e9, 'mixed-lion') / GB).toBe(84);
    expect(modelStateBytes(7e9, 'lomo') / GB).toBe(14);
    expect(modelStateBytes(7e9, 'fp32-sgd')).toBe(56e9);
    expect(loraBytes(7e9, 20e6) / GB).toBeCloseTo(14.32, 6);
  });

  it("reproduces ZeRO's Figure 1 for Ψ = 7.5 B on 64 GPUs", () => {
    const perGpu = ([0, 1, 2, 3] as const).map(
      (stage) => zeroBytesPerGpu({ parameters: 7.5e9, dataParallel: 64, stage }) / GB,
    );
    expect(perGpu[0]).toBeCloseTo(120, 6);
    expect(perGpu[1]).toBeCloseTo(31.41, 2);
    expect(perGpu[2]).toBeCloseTo(16.64, 2);
    expect(perGpu[3]).toBeCloseTo(1.875, 6);
  });

  it("gives GPT-3's activations per layer and what recomputation saves", () => {
    const gpt3 = { sequence: 2048, batch: 1, hidden: 12_288, heads: 96 };
    expect(activationBytesPerLayer(gpt3) / GB).toBeCloseTo(2.87, 2);
    expect(activationBytesPerLayer({ ...gpt3, mode: 'full' })).toBe(2 * 2048 * 12_288);
    expect(activationBytesPerLayer({ ...gpt3, mode: 'selective', tensorParallel: 8 })).toBe(
      (34 * 2048 * 12_288) / 8,
    );
  });

  it('gives the KV cache of Llama-2-7B (1 GiB) and Llama-3-8B with GQA at 8,192 tokens (1 GiB)', () => {
    expect(kvCacheBytes({ layers: 32, kvHeads: 32, headDim: 128, sequence: 2048 })).toBe(2 ** 30);
    expect(kvCacheBytes({ layers: 32, kvHeads: 8, headDim: 128, sequence: 8192 })).toBe(2 ** 30);
  });

  it('names an unknown regime or stage', () => {
    expect(() => modelStateBytes(1e9, 'fp8-magic' as never)).toThrow(/Unknown regime/);
    expect(() => zeroBytesPerGpu({ parameters: 1e9, dataParallel: 8, stage: 4 as never })).toThrow(
      /stage/,
    );
  });
});
