// Serves the fine-tuning page (web/, built by Vite into dist/public) at `/` through @repo/nest's
// WebPageModule (strict CSP, cache headers, SPA fallback). Import WebModule in AppModule.
import { fileURLToPath } from 'node:url';
import { WebPageModule } from '@repo/nest';

/** dist/public, from src/web (tests) and dist/web (the built app) alike. */
export const WEB_PAGE_ROOT = fileURLToPath(new URL('../../dist/public', import.meta.url));

export const WebModule = WebPageModule.forRoot(WEB_PAGE_ROOT);
