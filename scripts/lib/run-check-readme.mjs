// Runs scripts/check-readme.mjs on `<dir>/README.md` in a child process and collects its output:
// what every package's and app's README test does (docs/conventions.md rule 18).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const checkReadme = fileURLToPath(new URL('../check-readme.mjs', import.meta.url));

/**
 * @param {string} dir folder holding README.md (the app's start command runs there)
 * @param {NodeJS.ProcessEnv} [env] environment for the app and its calls (default: this process's)
 * @returns {Promise<{ code: number | null; output: string }>}
 */
export async function runCheckReadme(dir, env = process.env) {
  const child = spawn(process.execPath, [checkReadme, 'README.md'], { cwd: dir, env });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const [code] = await once(child, 'exit');
  return { code, output };
}
