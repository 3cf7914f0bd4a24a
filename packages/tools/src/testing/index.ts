// `@repo/tools/testing`: helpers for tests of code that reads through the confinement.
export { startPathSwapper } from './path-swapper.js';
export type { PathSwapper, PathSwapperOptions } from './path-swapper.js';
