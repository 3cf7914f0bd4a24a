import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { firstLine } from './__fixtures__/first-line.js';

// Runs the committed bin shim, which imports dist/cli.js: turbo builds this package before its tests.
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const run = (args: string[]) =>
  spawn(process.execPath, ['bin/local-llm.js', ...args], { cwd: packageDir });

async function outputOf(args: string[]) {
  const child = run(args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

describe('local-llm CLI', () => {
  it('serve prints the listening line, serves the API and exits 0 on SIGTERM', async () => {
    const child = run(['serve', '--port', '0', '--control']);
    const line = await firstLine(child.stdout);
    const match = /^local-llm listening on http:\/\/127\.0\.0\.1:(\d+)\/v1$/.exec(line);
    expect(match).not.toBeNull();
    const baseURL = `http://127.0.0.1:${match?.[1]}`;
    const models = (await (await fetch(`${baseURL}/v1/models`)).json()) as {
      data: { id: string }[];
    };
    expect(models.data.map((m) => m.id)).toContain('local');
    expect((await fetch(`${baseURL}/_local/requests`)).status).toBe(200);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
  });

  it('--help prints usage to stdout', async () => {
    const { code, stdout } = await outputOf(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: local-llm serve');
  });

  it('unknown flags print usage to stderr and exit 2', async () => {
    const { code, stderr, stdout } = await outputOf(['serve', '--bogus']);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: local-llm serve');
    expect(stdout).toBe('');
    expect((await outputOf([])).code).toBe(2);
  });
});
