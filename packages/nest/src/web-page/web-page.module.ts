// Serves an app's web page (its web/ folder, built by Vite into dist/public) at `/`:
// `WebPageModule.forRoot(root)` in the AppModule's imports. Its middleware is added when the module
// initialises, which Nest does after the controllers' routes and before its not-found handler, so
// /api routes always win and the page answers only what nothing else did. No new package: the
// Express adapter's static serving.
import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ExpressAdapter } from '@nestjs/platform-express';
import { cacheHeaders, webPageFallback, webPageHeaders } from './serve-web-page.js';

const WEB_PAGE_ROOT_TOKEN = Symbol('WEB_PAGE_ROOT');

@Module({})
export class WebPageModule implements OnModuleInit {
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(WEB_PAGE_ROOT_TOKEN) private readonly root: string,
  ) {}

  /** `root`: the folder Vite built the page into (holds index.html and assets/). */
  static forRoot(root: string): DynamicModule {
    return {
      module: WebPageModule,
      providers: [{ provide: WEB_PAGE_ROOT_TOKEN, useValue: root }],
    };
  }

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as ExpressAdapter;
    adapter.use(webPageHeaders());
    adapter.useStaticAssets(this.root, {
      index: false,
      fallthrough: true,
      redirect: false,
      dotfiles: 'ignore',
      setHeaders: cacheHeaders,
    });
    adapter.use(webPageFallback(this.root));
  }
}
