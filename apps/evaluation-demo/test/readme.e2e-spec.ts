// Every curl call in README.md runs against the built app (`DATABASE_URL=memory:// node dist/main.js`,
// a fresh store each run; turbo builds before testing) and its output is compared with the
// documented one (HOUSE-STYLE rule 18).
import { fileURLToPath } from 'node:url';
import { PROVIDER_ENV_VARS } from '@repo/providers';
import { describe, expect, it } from 'vitest';
import { runCheckReadme } from '../../../scripts/lib/run-check-readme.mjs';

const appDir = fileURLToPath(new URL('..', import.meta.url));

describe('README', () => {
  it('documents the outputs the app really produces on the embedded model', async () => {
    // The documented outputs are the embedded model's: no provider key may leak in from the shell.
    const env = { ...process.env };
    for (const variable of [...PROVIDER_ENV_VARS, 'AI_MAX_RETRIES', 'AI_TIMEOUT_MS'])
      delete env[variable];
    for (const variable of Object.keys(env))
      if (/^(EVAL_|DATABASE_URL$)/.test(variable)) delete env[variable];
    const { code, output } = await runCheckReadme(appDir, env);
    expect(output).toMatch(/check-readme: \d+ passed, 0 failed/);
    expect(code).toBe(0);
  }, 120_000);
});
