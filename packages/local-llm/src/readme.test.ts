import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every curl call in README.md is run against the built CLI and its output compared (rule 18).
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const checkReadme = fileURLToPath(new URL('../../../scripts/check-readme.mjs', import.meta.url));

describe('README', () => {
  it('documents outputs the server really produces', async () => {
    const child = spawn(process.execPath, [checkReadme, 'README.md'], { cwd: packageDir });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(output).toMatch(/check-readme: \d+ passed, 0 failed/);
    expect(code).toBe(0);
  });
});
