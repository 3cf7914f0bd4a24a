// Builds the fine-tuning page (web/) into dist/public, which src/web/web.module.ts serves at `/`.
// Not dist/web: tsc already compiles src/web/ there, and Vite empties its output folder.
// No inline script and no module-preload polyfill, so the page runs under a CSP of 'self' only.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/public', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
