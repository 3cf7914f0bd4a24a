// Every curl call in README.md runs against the built app (`node dist/main.js`, turbo builds
// before testing) and its output is compared with the documented one (docs/conventions.md rule 18).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCheckReadme } from '../../../scripts/lib/run-check-readme.mjs';

const appDir = fileURLToPath(new URL('..', import.meta.url));

describe('README', () => {
  it('documents the outputs the server really produces', async () => {
    // The README's start command sets its own token; one from the shell must not interfere.
    const env = { ...process.env };
    for (const variable of ['MCP_AUTH_TOKEN', 'MCP_ALLOWED_HOSTS']) delete env[variable];
    const { code, output } = await runCheckReadme(appDir, env);
    expect(output).toMatch(/check-readme: \d+ passed, 0 failed/);
    expect(code).toBe(0);
  }, 120_000);
});
