import { describe, expect, it } from 'vitest';
import { main } from '../examples/test-with-mock-model.js';

describe('README example', () => {
  it('runs and prints what the README says', async () => {
    expect(await main()).toEqual([
      'A short summary.',
      '流式回答',
      '{"role":"user","parts":[{"type":"text","text":"Summarise: a long text"}]}',
    ]);
  });
});
