// Vitest's default include (`*.{test,spec}.ts`) does not match Nest's `*.e2e-spec.ts` names.
// e2e suites boot the real module graph in their hooks, which can take a while on a busy CI
// machine (the shared config sets the per-test guard).
import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: ['test/**/*.e2e-spec.ts', 'src/**/*.test.ts'],
      hookTimeout: 60_000,
    },
  }),
);
