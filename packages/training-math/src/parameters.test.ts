// Parameter counts against published sizes: GPT-3's 12·L·d² (Kaplan et al. 2020), Llama-2-7B's
// exact 6,738,415,616 (the Llama 2 paper's checkpoint), GPT-2 small's 124,439,808 (Hugging Face's
// `gpt2` model, `num_parameters()`).
import { describe, expect, it } from 'vitest';
import { approxParameters, gptParameters, llamaParameters } from './parameters.js';

describe('parameter counts', () => {
  it("gives GPT-3's 12·L·d² (96 layers, d 12,288) as 1.739e11", () => {
    expect(approxParameters({ layers: 96, dModel: 12_288 })).toBeCloseTo(1.739e11, -8);
  });

  it('counts Llama-2-7B exactly, and shows how far 12·L·d² is from it', () => {
    const shape = { layers: 32, dModel: 4096, dFf: 11_008, heads: 32, vocab: 32_000 };
    expect(llamaParameters(shape)).toBe(6_738_415_616);
    expect(approxParameters(shape)).toBe(6_442_450_944);
    // Tied embeddings drop one V·d.
    expect(llamaParameters({ ...shape, tiedEmbeddings: true })).toBe(6_738_415_616 - 32_000 * 4096);
  });

  it('counts Llama-3-8B (grouped-query attention, 8 KV heads) as 8.03 B', () => {
    const count = llamaParameters({
      layers: 32,
      dModel: 4096,
      dFf: 14_336,
      heads: 32,
      kvHeads: 8,
      vocab: 128_256,
    });
    expect(count).toBe(8_030_261_248);
  });

  it("counts GPT-2 small exactly (tied head), and a tiny trainer model's", () => {
    expect(gptParameters({ layers: 12, dModel: 768, vocab: 50_257, context: 1024 })).toBe(
      124_439_808,
    );
    // 2 layers, d 64, a 400-character vocabulary, context 128: 12·L·d² says 98,304.
    const tiny = { layers: 2, dModel: 64, vocab: 400, context: 128 };
    expect(gptParameters(tiny)).toBe(133_888);
    expect(approxParameters(tiny)).toBe(98_304);
  });

  it('refuses a count that is not a positive whole number, naming it', () => {
    expect(() => approxParameters({ layers: 0, dModel: 64 })).toThrow(
      /layers must be a positive number/,
    );
    expect(() => gptParameters({ layers: 2, dModel: 64.5, vocab: 10, context: 8 })).toThrow(
      expect.objectContaining({ details: [{ field: 'dModel', reason: 'must be a whole number' }] }),
    );
  });
});
