import { describe, expect, it } from 'vitest';
import { main } from '../examples/validate-and-price.js';

describe('README example (examples/validate-and-price.ts)', () => {
  it('gives the figures the README states for the Chinese fixture', async () => {
    const result = await main();
    expect(result).toMatchObject({
      ok: true,
      examples: 3,
      epochs: 25,
      billingTokensPerEpoch: 156,
      chargedTokens: 3900,
    });
    expect(result.cost).toBeCloseTo(0.0117, 6);
  });
});
