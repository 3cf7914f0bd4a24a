// The `main.ts` every demo app shares: load the app's own `.env` (so `node dist/main.js` works from
// the app folder and from the repository root alike), validate the config before Nest starts,
// refuse to listen beyond loopback unguarded, make sure the port is free, listen on HOST:PORT and
// log one line with the URL. A mistake in the configuration (a bad variable, AI_PROVIDER without
// its key, a port in use) is one clear message on stderr and exit code 1, with no stack trace:
// Nest's own logs are buffered while the app is created and dropped when creating it fails.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Logger, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AiError } from '@repo/core';
import { parseOnce } from './app-config-module.js';
import { checkExposure, type ServerSettings } from './server-config.js';

export interface StartNestAppOptions<
  App extends INestApplication,
  Config extends ServerSettings = ServerSettings,
> {
  /** The app's name, for the log line. */
  name: string;
  module: Type<unknown>;
  /** The app's `.env`, e.g. `new URL('../.env', import.meta.url)`; loaded when it exists. */
  envFile: URL;
  /** Parses and validates the app's config (throws with one message when it is wrong). */
  config: () => Config;
  /** Security headers, limits, docs and the like (the app's configureApp), before listening. */
  configure?: (app: App, config: Config) => App;
}

export function startNestApp<
  App extends INestApplication,
  Config extends ServerSettings = ServerSettings,
>(options: StartNestAppOptions<App, Config>): void {
  const envFile = fileURLToPath(options.envFile);
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const start = async () => {
    const config = parseOnce(options.config);
    checkExposure(config);
    await checkPortFree(config.PORT, config.HOST);
    const created = await NestFactory.create<App>(options.module, {
      abortOnError: false,
      bufferLogs: true,
      autoFlushLogs: false,
    });
    created.flushLogs();
    const app = options.configure ? options.configure(created, config) : created;
    await app.listen(config.PORT, config.HOST).catch((error: unknown) => {
      throw portError(error, config.PORT, config.HOST) ?? error;
    });
    new Logger(options.name).log(
      `Listening on http://${config.HOST}:${config.PORT} (API docs: /docs)`,
    );
  };
  start().catch((error: unknown) => {
    console.error(describeBootError(error));
    process.exit(1);
  });
}

/**
 * What to print when the app cannot start: the message of a mistake the user can fix (any
 * AiError but an internal one), the stack of anything else (a bug deserves its trace).
 */
export function describeBootError(error: unknown): string {
  if (error instanceof AiError && error.kind !== 'internal') return error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

/** Fails with one line naming the port and PORT when another process holds it. */
export async function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error) => reject(portError(error, port, host) ?? error));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

function portError(error: unknown, port: number, host: string): AiError | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  const where = `Port ${port} on ${host}`;
  if (code === 'EADDRINUSE')
    return new AiError(
      `${where} is already in use (another copy of this app?): stop that process, or set PORT to a free port.`,
      { code: 'port_in_use', kind: 'unavailable' },
    );
  if (code === 'EACCES')
    return new AiError(`${where} needs privileges to listen on: set PORT to 1024 or above.`, {
      code: 'port_denied',
      kind: 'unavailable',
    });
  if (code === 'EADDRNOTAVAIL')
    return new AiError(`${host} is not an address of this machine: check HOST.`, {
      code: 'host_unavailable',
      kind: 'invalid_input',
    });
  return undefined;
}
