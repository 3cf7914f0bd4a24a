// The `main.ts` every demo app shares: load the app's own `.env` (so `node dist/main.js` works from
// the app folder and from the repository root alike), validate the config before Nest starts (one
// clear message and exit 1), refuse to listen beyond loopback unguarded, listen on HOST:PORT and
// log one line with the URL.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Logger, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
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
    const config = options.config();
    checkExposure(config);
    const created = await NestFactory.create<App>(options.module);
    const app = options.configure ? options.configure(created, config) : created;
    await app.listen(config.PORT, config.HOST);
    new Logger(options.name).log(
      `Listening on http://${config.HOST}:${config.PORT} (API docs: /docs)`,
    );
  };
  start().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
