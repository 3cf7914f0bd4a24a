import { describe, expect, it } from 'vitest';
import { quickStart } from '../examples/quick-start.js';

describe('README examples', () => {
  it('quick start prints the offline reply', async () => {
    expect(await quickStart()).toBe(
      '[local-llm] This is the offline local model. You said: "Hello!"',
    );
  });
});
