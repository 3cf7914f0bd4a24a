// Vitest's default include (`*.{test,spec}.ts`) does not match Nest's `*.e2e-spec.ts` names.
import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: ['test/**/*.e2e-spec.ts', 'src/**/*.test.ts'],
    },
  }),
);
