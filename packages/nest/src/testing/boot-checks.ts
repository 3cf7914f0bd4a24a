// How an app's `node dist/main.js` fails when the user got something wrong, for each app's ops
// tests: one clear message on stderr, exit code 1, no stack trace and no "started" line before it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

export interface BootResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `main` with only PATH and `env` (never the test's own environment), to its exit. */
export function runMain(
  main: URL,
  env: Record<string, string> = {},
  timeoutMs = 30_000,
): BootResult {
  const result = spawnSync(process.execPath, [main.pathname], {
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

/** Runs `main` on a port another server holds; the port is returned for the expected message. */
export async function runMainOnTakenPort(
  main: URL,
  env: Record<string, string> = {},
): Promise<BootResult & { port: number }> {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const { port } = holder.address() as AddressInfo;
  try {
    return { ...runMain(main, { ...env, PORT: String(port) }), port };
  } finally {
    await new Promise<void>((resolve) => holder.close(() => resolve()));
  }
}

/** The one line an app prints when PORT is taken. */
export function portInUseMessage(port: number, host = '127.0.0.1'): string {
  return `Port ${port} on ${host} is already in use (another copy of this app?): stop that process, or set PORT to a free port.`;
}

export interface BootCheckOptions {
  /** Set in every run (e.g. `DATABASE_URL: 'memory://'`, never the app's own data folder). */
  env?: Record<string, string>;
  /** A variable that is wrong, and the one message it must give. */
  badVariable: { env: Record<string, string>; message: string };
  /** The app has models: check `AI_PROVIDER` without its key (default true). */
  ai?: boolean;
}

export interface BootCheck {
  name: string;
  run: () => Promise<void>;
}

const MISSING_KEY_MESSAGE =
  'Invalid AI configuration (1 problem); fix these environment variables (see .env.example):\n' +
  '  - AI_PROVIDER: deepseek is not configured; set DEEPSEEK_API_KEY';

/**
 * The ways `node dist/main.js` must fail, as named checks for an app's ops test
 * (`for (const check of bootChecks(main, …)) it(check.name, check.run)`): one message on stderr,
 * exit code 1, no stack trace, nothing "started" before it.
 */
export function bootChecks(main: URL, options: BootCheckOptions): BootCheck[] {
  const env = options.env ?? {};
  const failsWith = (result: BootResult, message: string) => {
    assert.equal(result.stderr, message);
    assert.equal(result.status, 1);
    assert.doesNotMatch(result.stdout, /started|Listening/);
  };
  const checks: BootCheck[] = [
    {
      name: 'a bad variable is one clear message, no stack trace',
      run: async () =>
        failsWith(
          runMain(main, { PORT: '0', ...env, ...options.badVariable.env }),
          options.badVariable.message,
        ),
    },
    {
      name: 'a port in use is one line naming it and PORT, before anything says "started"',
      run: async () => {
        const result = await runMainOnTakenPort(main, env);
        failsWith(result, portInUseMessage(result.port));
      },
    },
  ];
  if (options.ai ?? true)
    checks.push({
      name: 'AI_PROVIDER without its key is one message, no stack trace',
      run: async () =>
        failsWith(
          runMain(main, { PORT: '0', ...env, AI_PROVIDER: 'deepseek' }),
          MISSING_KEY_MESSAGE,
        ),
    });
  return checks;
}
