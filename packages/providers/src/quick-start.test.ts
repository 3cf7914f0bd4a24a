// Runs the README's quick start (examples/quick-start.ts) on the embedded model, so the docs
// cannot drift from the code.
import { describe, expect, it } from 'vitest';
import { quickStart } from '../examples/quick-start.js';

describe('examples/quick-start.ts', () => {
  it('answers, streams and embeds with no keys, through local-llm', async () => {
    const result = await quickStart({});
    expect(result.provider).toBe('local');
    expect(result.answer).toContain('Hello!');
    expect(result.streamed).toContain('Count to three');
    expect(result.usage?.completionTokens).toBeGreaterThan(0);
    expect(result.backup).toContain('Still there?');
    expect(result.dimensions).toBe(384);
  });
});
