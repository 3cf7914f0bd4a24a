// Shared Vitest settings for every workspace: live tests (hosted APIs, keys needed) are left to
// `npm run test:live`, and each run writes a JSON report that `scripts/test-summary.mjs` totals for CI.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, '**/*.live.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // A hang guard, not a speed check: turbo runs every workspace's tests at once on 2 cores, where
    // local-llm's first request (tokenizer tables) and a first PGlite open (WASM Postgres init)
    // take seconds each.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
