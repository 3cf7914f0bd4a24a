// A seeded generator for everything that samples and must repeat itself (bootstrap intervals,
// best-vs-random-worse pairs, simulated battles): same seed, same numbers, on every machine and
// Node version. Math.random cannot be seeded, and core takes no dependencies.

/** A generator of floats in [0, 1). */
export type Random = () => number;

/**
 * mulberry32 (Tommy Ettinger, public domain): 32 bits of state, five integer operations per draw,
 * statistics good enough for resampling (it is not a cryptographic generator) and a 2^32 period.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
