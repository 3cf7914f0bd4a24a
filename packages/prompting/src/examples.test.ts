import { describe, expect, it } from 'vitest';
import { main } from '../examples/actor-films.js';

describe('README example (examples/actor-films.ts)', () => {
  it('returns what the README says', async () => {
    // The embedded model fills the schema from the prompt's words (deterministic, not clever):
    // name-like fields take the proper noun, other strings the first words of the prompt.
    expect(await main()).toEqual({
      native: { actor: 'Tom Hanks', movies: ['Generate the filmography of 5 movies for Tom'] },
      chatty: { actor: 'Tom Hanks', movies: ['Big'] },
      attempts: 1,
    });
  });
});
