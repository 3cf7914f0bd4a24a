// Reproducible random picks (UltraFeedback's "a random lower-rated answer", best-vs-random-worse):
// one generator per group, seeded by the export seed and the group's key, so a group's pick does
// not depend on which groups came before it or on the page size.
import { createHash } from 'node:crypto';
import { createRandom, type Random } from '@repo/core';

/** Core's mulberry32, seeded from the export seed and the group's key. */
export function seededRandom(seed: number, key: string): Random {
  return createRandom(createHash('sha256').update(`${seed}\u0000${key}`).digest().readUInt32LE(0));
}

export function pickOne<T>(random: () => number, items: readonly T[]): T | undefined {
  return items[Math.floor(random() * items.length)];
}
