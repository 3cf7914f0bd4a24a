// Vitest global setup: the CLI and README tests spawn bin/local-llm.js, which runs dist/. Turbo
// builds it before `test`; this covers `npx vitest` run by hand, building when dist is missing
// or older than the sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const srcDir = fileURLToPath(new URL('../src', import.meta.url));
const builtCli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function newestSource(): number {
  return readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .reduce((newest, file) => Math.max(newest, statSync(`${srcDir}/${file}`).mtimeMs), 0);
}

export default function setup(): void {
  if (existsSync(builtCli) && statSync(builtCli).mtimeMs >= newestSource()) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: packageDir,
    stdio: 'inherit',
  });
}
