import { describe, expect, it } from 'vitest';
import { contentHash, contentId } from './content-hash.js';

describe('contentId', () => {
  it('is a stable version-8 UUID of source and text', () => {
    const id = contentId('guide.md', '# Guide');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(contentId('guide.md', '# Guide')).toBe(id);
    expect(id.replace(/-/g, '').slice(0, 12)).toBe(contentHash('guide.md', '# Guide').slice(0, 12));
  });

  it('differs by source and keeps the source/text boundary', () => {
    expect(contentId('a.md', 'text')).not.toBe(contentId('b.md', 'text'));
    expect(contentHash('ab', 'c')).not.toBe(contentHash('a', 'bc'));
  });
});
