// Runs the README's quick start, so the docs cannot drift (docs/conventions.md rule 18).
import { describe, expect, it } from 'vitest';
import { main } from '../examples/quick-start.js';

describe('README example', () => {
  it('runs and prints what the README says', async () => {
    expect(await main()).toEqual(['[x] write the README', '[ ] run the tests']);
  });
});
