import { describe, expect, it } from 'vitest';
import { estimateOpenModel } from './estimate-open-model.js';

const LLAMA_2_7B = { layers: 32, dModel: 4096, dFf: 11_008, heads: 32, vocab: 32_000 };

describe('estimateOpenModel', () => {
  it('full fine-tuning: 6·N·D FLOPs, time at the given MFU, 16 bytes per parameter', () => {
    const estimate = estimateOpenModel({
      parameters: 7e9,
      tokens: 10e6,
      epochs: 3,
      gpus: 8,
      gpuPeakFlops: 989e12,
      mfu: 0.4,
      pricePerGpuHour: 2,
    });
    const flops = 6 * 7e9 * 30e6; // 1.26e18
    const seconds = flops / (8 * 989e12 * 0.4);
    expect(estimate.trainedTokens).toBe(30e6);
    expect(estimate.flops).toBe(flops);
    expect(estimate.hours).toBeCloseTo(seconds / 3600, 10);
    expect(estimate.gpuHours).toBeCloseTo((seconds * 8) / 3600, 10);
    expect(estimate.cost).toBeCloseTo(((seconds * 8) / 3600) * 2, 10);
    expect(estimate.bytesPerGpu).toBe(16 * 7e9);
  });

  it('counts a Llama shape exactly and shards states with ZeRO-3', () => {
    const estimate = estimateOpenModel({
      shape: LLAMA_2_7B,
      tokens: 1e6,
      epochs: 1,
      gpus: 8,
      gpuPeakFlops: 989e12,
      mfu: 0.5,
      zeroStage: 3,
    });
    expect(estimate.parameters).toBe(6_738_415_616);
    expect(estimate.bytesPerGpu).toBe((16 * 6_738_415_616) / 8);
    expect(estimate.cost).toBeUndefined();
  });

  it('LoRA: 4·N·D FLOPs, frozen fp16 base plus Adam on the adapters', () => {
    const estimate = estimateOpenModel({
      parameters: 7e9,
      tokens: 1e6,
      epochs: 2,
      gpus: 1,
      gpuPeakFlops: 312e12,
      mfu: 0.3,
      method: 'lora',
      adapterParameters: 20e6,
    });
    expect(estimate.flops).toBeCloseTo(4 * 7e9 * 2e6, 0);
    expect(estimate.bytesPerGpu).toBe(2 * 7e9 + 16 * 20e6);
  });

  it('names the field when the input is wrong', () => {
    const base = { tokens: 1e6, epochs: 1, gpus: 1, gpuPeakFlops: 1e14, mfu: 0.4 };
    expect(() => estimateOpenModel(base)).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ field: 'parameters' })] }),
    );
    expect(() => estimateOpenModel({ ...base, parameters: 1e9, method: 'lora' })).toThrow(
      expect.objectContaining({
        details: [expect.objectContaining({ field: 'adapterParameters' })],
      }),
    );
    expect(() => estimateOpenModel({ ...base, parameters: 1e9, mfu: 2 })).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ field: 'mfu' })] }),
    );
  });
});
