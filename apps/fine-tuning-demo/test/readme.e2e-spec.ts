// Every curl call in README.md runs against the built app (`DATABASE_URL=memory:// node dist/main.js`,
// a fresh temporary folder each run; turbo builds before testing) and its output is compared with
// the documented one (docs/conventions.md rule 18).
import { fileURLToPath } from 'node:url';
import { embeddedModelEnv } from '@repo/nest/testing';
import { describe, expect, it } from 'vitest';
import { runCheckReadme } from '../../../scripts/lib/run-check-readme.mjs';

const appDir = fileURLToPath(new URL('..', import.meta.url));

describe('README', () => {
  it('documents the outputs the app really produces on the embedded trainer', async () => {
    // The documented outputs are the embedded model's: no provider key may leak in from the shell.
    const { code, output } = await runCheckReadme(
      appDir,
      embeddedModelEnv(/^(FINE_TUNING_|DATABASE_URL$|OPENAI_API_KEY$|DASHSCOPE_API_KEY$)/),
    );
    expect(output).toMatch(/check-readme: \d+ passed, 0 failed/);
    expect(code).toBe(0);
  }, 150_000);
});
