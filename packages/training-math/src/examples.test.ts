import { describe, expect, it } from 'vitest';
import { main } from '../examples/plan-a-run.js';

describe('README example (examples/plan-a-run.ts)', () => {
  it('returns what the README shows', () => {
    expect(main()).toEqual({
      flops: 8.4e22,
      days: 2.4,
      optimalParametersB: 26.5,
      optimalTokensT: 0.53,
      adamGB: 112,
      zero3GB: 1.75,
      kvGiB: 2,
      tiny: { exact: 133_888, seedFormula: 98_304 },
    });
  });
});
