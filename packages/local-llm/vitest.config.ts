import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // The CLI and README tests spawn bin/local-llm.js, which runs dist/ (turbo builds it
      // first; this covers `npx vitest` run by hand in this folder).
      globalSetup: ['./test/build-dist.ts'],
    },
  }),
);
