// Serves the fine-tuning page (web/, built by Vite into dist/public) at `/`. Import WebModule in
// AppModule: its middleware is added when the module initialises, which Nest does after the
// controllers' routes and before its not-found handler, so /api routes always win and the page
// answers only what nothing else did. No new package: the Express adapter's static serving.
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ExpressAdapter } from '@nestjs/platform-express';
import { fileURLToPath } from 'node:url';
import { cacheHeaders, webPageFallback, webPageHeaders } from './serve-web-page.js';

/** dist/public, from src/web (tests) and dist/web (the built app) alike. */
export const WEB_PAGE_ROOT = fileURLToPath(new URL('../../dist/public', import.meta.url));

@Module({})
export class WebModule implements OnModuleInit {
  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as ExpressAdapter;
    adapter.use(webPageHeaders());
    adapter.useStaticAssets(WEB_PAGE_ROOT, {
      index: false,
      fallthrough: true,
      redirect: false,
      dotfiles: 'ignore',
      setHeaders: cacheHeaders,
    });
    adapter.use(webPageFallback(WEB_PAGE_ROOT));
  }
}
