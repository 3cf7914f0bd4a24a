// Runs the committed bin shim, which imports dist/cli/main.js: build the package first (turbo
// does; by hand `npx tsc -p tsconfig.build.json`). Only the given environment is passed on.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export const packageDir = fileURLToPath(new URL('../../..', import.meta.url));

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export async function runAiFt(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  const child = spawn(process.execPath, ['bin/ai-ft.js', ...args], {
    cwd: packageDir,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (out.stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (out.stderr += String(chunk)));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, ...out };
}

export const aiFt = (...args: string[]): Promise<Outcome> => runAiFt(args);
