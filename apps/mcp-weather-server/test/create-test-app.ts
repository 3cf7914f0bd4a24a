// Boots the real AppModule for e2e tests with its own config (never process.env) and the same
// configureApp() as main.ts; `listen` puts it on a free port for clients that need a real socket.
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { APP_CONFIG } from '@repo/nest';
import { parseAppConfig } from '../src/app-config.js';
import { AppModule } from '../src/app.module.js';
import { configureApp } from '../src/configure-app.js';

export const TEST_TOKEN = 'test-token-0123456789';

export async function createTestApp(
  env: Record<string, string> = {},
): Promise<NestExpressApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(parseAppConfig(env))
    .compile();
  const app = configureApp(
    moduleRef.createNestApplication<NestExpressApplication>({ logger: false }),
  );
  await app.init();
  return app;
}

/** Listens on 127.0.0.1:0 and returns the MCP endpoint's URL. */
export async function listen(app: NestExpressApplication): Promise<URL> {
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return new URL(`http://127.0.0.1:${port}/mcp`);
}
