import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCheckReadme } from '../../../scripts/lib/run-check-readme.mjs';

// Every curl call in README.md is run against the built CLI and its output compared (rule 18).
const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('README', () => {
  it('documents outputs the server really produces', async () => {
    const { code, output } = await runCheckReadme(packageDir);
    expect(output).toMatch(/check-readme: \d+ passed, 0 failed/);
    expect(code).toBe(0);
  });
});
