// The `main.ts` every demo app shares: load the app's own `.env` (so `node dist/main.js` works from
// the app folder and from the repository root alike), validate the config before Nest starts (one
// clear message and exit 1), listen on HOST:PORT and log one line with the URL.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Logger, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

export interface StartNestAppOptions<App extends INestApplication> {
  /** The app's name, for the log line. */
  name: string;
  module: Type<unknown>;
  /** The app's `.env`, e.g. `new URL('../.env', import.meta.url)`; loaded when it exists. */
  envFile: URL;
  /** Parses and validates the app's config (throws with one message when it is wrong). */
  config: () => { PORT: number; HOST: string };
  /** Body limits, docs and the like, applied before listening. */
  configure?: (app: App) => App;
}

export function startNestApp<App extends INestApplication>(
  options: StartNestAppOptions<App>,
): void {
  const envFile = fileURLToPath(options.envFile);
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const start = async () => {
    const { PORT, HOST } = options.config();
    const created = await NestFactory.create<App>(options.module);
    const app = options.configure ? options.configure(created) : created;
    await app.listen(PORT, HOST);
    new Logger(options.name).log(`Listening on http://${HOST}:${PORT} (API docs: /docs)`);
  };
  start().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
