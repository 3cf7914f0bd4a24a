// Runs a built app (`node <entry>`) as its own process on a free port, waits for /health, and
// stops it (SIGTERM, so its shutdown hooks run; SIGKILL after 5 s) or kills it outright (SIGKILL,
// a crash). For the tests that need a real peer (the weather server's HTTP side), a real start
// (from the repository root) or a real crash (nothing answered 2xx may be lost).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SpawnedApp {
  url: string;
  output: () => string;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown hook runs, as in a crash or an OOM kill. */
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

export async function spawnApp(
  entry: string,
  options: { cwd: string; env?: Record<string, string> },
): Promise<SpawnedApp> {
  const port = await freePort();
  const child = spawn(process.execPath, [entry], {
    cwd: options.cwd,
    // No provider key from the shell: the embedded model must answer.
    env: { PATH: process.env.PATH ?? '', ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); Date.now() - started < 30_000;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited early:\n${output}`);
    const ok = await fetch(`${url}/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return { url, output: () => output, stop, kill };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`${entry} did not answer /health within 30 s:\n${output}`);
}
