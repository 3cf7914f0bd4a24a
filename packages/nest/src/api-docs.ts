// Swagger UI at /docs and the OpenAPI document at /docs-json, with @nestjs/swagger loaded on the
// first visit instead of at boot (it is ~100 files plus lodash and js-yaml: a tenth of a demo's
// cold start). Controllers use the decorators below: the same names and arguments as
// @nestjs/swagger's, recorded at class definition and applied, with the real decorators, right
// before the document is built. The UI is swagger-ui-dist's, which @nestjs/swagger serves too.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type * as Swagger from '@nestjs/swagger';

type DecoratorName =
  | 'ApiTags'
  | 'ApiOperation'
  | 'ApiProduces'
  | 'ApiQuery'
  | 'ApiOkResponse'
  | 'ApiNoContentResponse'
  | 'ApiNotFoundResponse'
  | 'ApiServiceUnavailableResponse';

interface Deferred {
  name: DecoratorName;
  args: unknown[];
  target: object;
  key?: string | symbol;
  descriptor?: PropertyDescriptor;
}

const deferred: Deferred[] = [];

function defer<Name extends DecoratorName>(name: Name): (typeof Swagger)[Name] {
  const decorator = (...args: unknown[]) =>
    ((target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
      deferred.push({ name, args, target, ...(key ? { key, descriptor } : {}) });
    }) as ClassDecorator & MethodDecorator;
  return decorator as unknown as (typeof Swagger)[Name];
}

export const ApiTags = defer('ApiTags');
export const ApiOperation = defer('ApiOperation');
export const ApiProduces = defer('ApiProduces');
export const ApiQuery = defer('ApiQuery');
export const ApiOkResponse = defer('ApiOkResponse');
export const ApiNoContentResponse = defer('ApiNoContentResponse');
export const ApiNotFoundResponse = defer('ApiNotFoundResponse');
export const ApiServiceUnavailableResponse = defer('ApiServiceUnavailableResponse');

/** Applies the recorded decorators with the real ones (once: the list empties as it goes). */
function applyDeferred(swagger: typeof Swagger): void {
  for (const { name, args, target, key, descriptor } of deferred.splice(0)) {
    const decorator = (swagger[name] as (...a: unknown[]) => ClassDecorator & MethodDecorator)(
      ...args,
    );
    if (key === undefined) decorator(target as never);
    else decorator(target, key, descriptor ?? Object.getOwnPropertyDescriptor(target, key)!);
  }
}

export interface ApiDocsOptions {
  title: string;
  description: string;
  /** Default `docs`: the UI at /docs, the document at /docs-json. */
  path?: string;
}

const page = (title: string, base: string) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>${title}</title>
  <link rel="stylesheet" href="${base}/swagger-ui.css" />
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${base}/swagger-ui-bundle.js"></script>
  <script src="${base}/swagger-init.js"></script>
</body>
</html>`;

/** Serves the UI and the document; call before `listen` (the routes go in front of Nest's 404). */
export function serveApiDocs(app: NestExpressApplication, options: ApiDocsOptions): void {
  const base = `/${options.path ?? 'docs'}`;
  let document: Promise<unknown> | undefined;
  const buildDocument = async () => {
    const [swagger, { cleanupOpenApiDoc }] = await Promise.all([
      import('@nestjs/swagger'),
      import('nestjs-zod'),
    ]);
    applyDeferred(swagger);
    const config = new swagger.DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .build();
    return cleanupOpenApiDoc(swagger.SwaggerModule.createDocument(app, config));
  };
  const html = page(
    options.title.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;')),
    base,
  );
  type Res = { type(t: string): Res; send(body: unknown): void };
  type Next = (error?: unknown) => void;
  app.use(`${base}-json`, (_req: unknown, res: Res, next: Next) => {
    document ??= buildDocument().catch((error: unknown) => {
      document = undefined; // a failed build is retried on the next visit
      throw error;
    });
    document.then((doc) => res.type('application/json').send(doc), next);
  });
  // The start-up script is a file, not inline: the security headers' CSP allows no inline script.
  const init = `window.ui = SwaggerUIBundle({ url: '${base}-json', dom_id: '#swagger-ui' });\n`;
  app.use(base, (req: { path: string }, res: Res, next: Next) => {
    if (req.path === '/') res.type('text/html').send(html);
    else if (req.path === '/swagger-init.js') res.type('text/javascript').send(init);
    else next();
  });
  const assets = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  app.useStaticAssets(assets, { prefix: base, index: false });
}
